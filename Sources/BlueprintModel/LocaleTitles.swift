import BlueprintDiagnostics
import BlueprintLanguage

/// Default lane and line titles of each locale (spec section 3).
package enum TitleMessage: MessageCatalog {
    case evidenceLane, customerLane, frontstageLane, backstageLane, supportLane
    case interactionLine, visibilityLine, internalLine

    package var phrase: Phrase {
        switch self {
        case .evidenceLane: Phrase(en: "Physical evidence", zhHans: "有形展示", zhHant: "有形展示")
        case .customerLane: Phrase(en: "Customer actions", zhHans: "顾客行为", zhHant: "顧客行為")
        case .frontstageLane: Phrase(en: "Frontstage", zhHans: "前台员工行为", zhHant: "前台員工行為")
        case .backstageLane: Phrase(en: "Backstage", zhHans: "后台员工行为", zhHant: "後台員工行為")
        case .supportLane: Phrase(en: "Support processes", zhHans: "支持过程", zhHant: "支持過程")
        case .interactionLine: Phrase(en: "Line of interaction", zhHans: "互动线", zhHant: "互動線")
        case .visibilityLine: Phrase(en: "Line of visibility", zhHans: "可视线", zhHant: "可視線")
        case .internalLine: Phrase(en: "Line of internal interaction", zhHans: "内部互动线", zhHant: "內部互動線")
        }
    }
}

public enum LocaleTitles {
    public static func laneTitle(_ lane: Lane, locale: BlueprintLocale) -> String {
        let entry: TitleMessage = switch lane {
        case .evidence: .evidenceLane
        case .customer: .customerLane
        case .frontstage: .frontstageLane
        case .backstage: .backstageLane
        case .support: .supportLane
        }
        return entry.phrase.template(in: MessageLanguage(locale))
    }

    public static func lineTitle(_ line: BlueprintLine, locale: BlueprintLocale) -> String {
        let entry: TitleMessage = switch line {
        case .interaction: .interactionLine
        case .visibility: .visibilityLine
        case .internal: .internalLine
        }
        return entry.phrase.template(in: MessageLanguage(locale))
    }
}
