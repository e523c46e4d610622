import BlueprintDiagnostics

/// The words of the rule help around the rules' own texts.
package enum ReportMessage: MessageCatalog {
    case ruleHeading, bad, good

    package var phrase: Phrase {
        switch self {
        case .ruleHeading: Phrase(en: "{rule} (default: {severity})", zhHans: "{rule}（默认：{severity}）", zhHant: "{rule}（預設：{severity}）")
        case .bad: Phrase(en: "Bad:", zhHans: "错误示例：", zhHant: "錯誤範例：")
        case .good: Phrase(en: "Good:", zhHans: "正确示例：", zhHant: "正確範例：")
        }
    }
}
