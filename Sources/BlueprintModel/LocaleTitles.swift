import BlueprintLanguage

/// Default lane and line titles of each locale (spec section 3).
public enum LocaleTitles {
    public static func laneTitle(_ lane: Lane, locale: BlueprintLocale) -> String {
        switch (locale, lane) {
        case (.en, .evidence): "Physical evidence"
        case (.en, .customer): "Customer actions"
        case (.en, .frontstage): "Frontstage"
        case (.en, .backstage): "Backstage"
        case (.en, .support): "Support processes"
        case (.zhHans, .evidence): "有形展示"
        case (.zhHans, .customer): "顾客行为"
        case (.zhHans, .frontstage): "前台员工行为"
        case (.zhHans, .backstage): "后台员工行为"
        case (.zhHans, .support): "支持过程"
        case (.zhHant, .evidence): "有形展示"
        case (.zhHant, .customer): "顧客行為"
        case (.zhHant, .frontstage): "前台員工行為"
        case (.zhHant, .backstage): "後台員工行為"
        case (.zhHant, .support): "支持過程"
        }
    }

    public static func lineTitle(_ line: BlueprintLine, locale: BlueprintLocale) -> String {
        switch (locale, line) {
        case (.en, .interaction): "Line of interaction"
        case (.en, .visibility): "Line of visibility"
        case (.en, .internal): "Line of internal interaction"
        case (.zhHans, .interaction): "互动线"
        case (.zhHans, .visibility): "可视线"
        case (.zhHans, .internal): "内部互动线"
        case (.zhHant, .interaction): "互動線"
        case (.zhHant, .visibility): "可視線"
        case (.zhHant, .internal): "內部互動線"
        }
    }
}
