import BlueprintDiagnostics

/// The words of the rule help around the rules' own texts, and the sentence that closes a report.
package enum ReportMessage: MessageCatalog {
    case ruleHeading, bad, good
    case noFilesLinted, noProblems, problemsIn, someOfFiles, bothProblems, oneFile, files, oneError, errors, oneWarning, warnings

    package var phrase: Phrase {
        switch self {
        case .ruleHeading: Phrase(en: "{rule} (default: {severity})", zhHans: "{rule}（默认：{severity}）", zhHant: "{rule}（預設：{severity}）")
        case .bad: Phrase(en: "Bad:", zhHans: "错误示例：", zhHant: "錯誤範例：")
        case .good: Phrase(en: "Good:", zhHans: "正确示例：", zhHant: "正確範例：")
        case .noFilesLinted: Phrase(en: "No files linted", zhHans: "没有检查任何文件", zhHant: "沒有檢查任何檔案")
        case .noProblems: Phrase(en: "No problems in {files}", zhHans: "{files}中没有问题", zhHant: "{files}中沒有問題")
        case .problemsIn: Phrase(en: "{problems} in {files}", zhHans: "共{problems}，见于{files}", zhHant: "共{problems}，見於{files}")
        case .someOfFiles: Phrase(en: "{some} of {files}", zhHans: "{files}中的{some}个", zhHant: "{files}中的{some}個")
        case .bothProblems: Phrase(en: "{first} and {second}", zhHans: "{first}和{second}", zhHant: "{first}和{second}")
        case .oneFile: Phrase(en: "1 file", zhHans: "1个文件", zhHant: "1個檔案")
        case .files: Phrase(en: "{count} files", zhHans: "{count}个文件", zhHant: "{count}個檔案")
        case .oneError: Phrase(en: "1 error", zhHans: "1个错误", zhHant: "1個錯誤")
        case .errors: Phrase(en: "{count} errors", zhHans: "{count}个错误", zhHant: "{count}個錯誤")
        case .oneWarning: Phrase(en: "1 warning", zhHans: "1个警告", zhHant: "1個警告")
        case .warnings: Phrase(en: "{count} warnings", zhHans: "{count}个警告", zhHant: "{count}個警告")
        }
    }
}
