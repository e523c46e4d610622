import BlueprintDiagnostics

/// The words of the Markdown report, the HTML page and `blueprint import`'s problems.
package enum ExportMessage: MessageCatalog {
    case promisesHeading, noPromises, promiseColumn, statusColumn, worstCaseColumn, limitColumn, worstPathColumn, simulatedColumn
    case phaseHeading, unnamedPhase, phaseField, channelField, noteField, toleranceField, emotionField, evidenceField, laneColumn, idColumn, labelColumn, actorColumn, takesColumn, waitColumn, markersColumn
    case momentsHeading, failPointsHeading, waitPointsHeading, none, recoveredBy, noRecovery, waitOfTolerance
    case kept, broken, unreachable, unresolved
    case momentMarker, failMarker, waitMarker
    case notUTF8, noHeader, unknownColumn, repeatedColumn, missingColumn, commentInCell, notABlueprint

    package var phrase: Phrase {
        switch self {
        case .promisesHeading: Phrase(en: "Promises", zhHans: "承诺", zhHant: "承諾")
        case .noPromises: Phrase(en: "No promises.", zhHans: "没有承诺。", zhHant: "沒有承諾。")
        case .promiseColumn: Phrase(en: "Promise", zhHans: "承诺", zhHant: "承諾")
        case .statusColumn: Phrase(en: "Status", zhHans: "状态", zhHant: "狀態")
        case .worstCaseColumn: Phrase(en: "Worst case", zhHans: "最坏情况", zhHant: "最壞情況")
        case .limitColumn: Phrase(en: "Limit", zhHans: "时限", zhHant: "時限")
        case .worstPathColumn: Phrase(en: "Worst path", zhHans: "最坏路径", zhHant: "最壞路徑")
        case .simulatedColumn: Phrase(en: "In time (simulated)", zhHans: "按时（模拟）", zhHant: "準時（模擬）")
        case .phaseHeading: Phrase(en: "Phase: {title}", zhHans: "阶段：{title}", zhHant: "階段：{title}")
        case .unnamedPhase: Phrase(en: "Before the first phase", zhHans: "第一个阶段之前", zhHant: "第一個階段之前")
        case .phaseField: Phrase(en: "Phase", zhHans: "阶段", zhHant: "階段")
        case .channelField: Phrase(en: "Channel", zhHans: "渠道", zhHant: "管道")
        case .noteField: Phrase(en: "Note", zhHans: "备注", zhHant: "備註")
        case .toleranceField: Phrase(en: "Tolerance", zhHans: "容忍时间", zhHant: "容忍時間")
        case .emotionField: Phrase(en: "Emotion", zhHans: "情绪", zhHant: "情緒")
        case .evidenceField: Phrase(en: "Evidence", zhHans: "有形展示", zhHant: "有形展示")
        case .laneColumn: Phrase(en: "Lane", zhHans: "泳道", zhHant: "泳道")
        case .idColumn: Phrase(en: "Id", zhHans: "标识", zhHant: "標識")
        case .labelColumn: Phrase(en: "Label", zhHans: "名称", zhHant: "名稱")
        case .actorColumn: Phrase(en: "Actor", zhHans: "执行者", zhHant: "執行者")
        case .takesColumn: Phrase(en: "Takes", zhHans: "用时", zhHant: "用時")
        case .waitColumn: Phrase(en: "Wait", zhHans: "等待", zhHant: "等待")
        case .markersColumn: Phrase(en: "Markers", zhHans: "标记", zhHant: "標記")
        case .momentsHeading: Phrase(en: "Moments of truth", zhHans: "关键时刻", zhHant: "關鍵時刻")
        case .failPointsHeading: Phrase(en: "Fail points", zhHans: "失误点", zhHant: "失誤點")
        case .waitPointsHeading: Phrase(en: "Waits over two thirds of their tolerance", zhHans: "超过容忍时间三分之二的等待",
                                        zhHant: "超過容忍時間三分之二的等待")
        case .none: Phrase(en: "None.", zhHans: "无。", zhHant: "無。")
        case .recoveredBy: Phrase(en: "{failPoint}: recovered by {step}", zhHans: "{failPoint}：由 {step} 补救", zhHant: "{failPoint}：由 {step} 補救")
        case .noRecovery: Phrase(en: "{failPoint}: no recovery", zhHans: "{failPoint}：没有补救", zhHant: "{failPoint}：沒有補救")
        case .waitOfTolerance: Phrase(en: "{label}: waits {wait} of a tolerated {tolerance}", zhHans: "{label}：等待 {wait}，可容忍 {tolerance}",
                                      zhHant: "{label}：等待 {wait}，可容忍 {tolerance}")
        case .kept: Phrase(en: "kept", zhHans: "达成", zhHant: "達成")
        case .broken: Phrase(en: "broken", zhHans: "未兑现", zhHant: "未兌現")
        case .unreachable: Phrase(en: "unreachable", zhHans: "无法到达", zhHant: "無法到達")
        case .unresolved: Phrase(en: "not checked", zhHans: "未检查", zhHant: "未檢查")
        case .momentMarker: Phrase(en: "★ moment of truth", zhHans: "★ 关键时刻", zhHant: "★ 關鍵時刻")
        case .failMarker: Phrase(en: "⚠ fail point", zhHans: "⚠ 失误点", zhHant: "⚠ 失誤點")
        case .waitMarker: Phrase(en: "⏳ wait point", zhHans: "⏳ 等待点", zhHant: "⏳ 等待點")
        case .notUTF8: Phrase(en: "the sheet is not UTF-8 text; save it as CSV UTF-8", zhHans: "表格不是 UTF-8 文本；请另存为 CSV UTF-8",
                              zhHant: "表格不是 UTF-8 文字；請另存為 CSV UTF-8")
        case .noHeader: Phrase(en: "the sheet has no header row", zhHans: "表格没有标题行", zhHant: "表格沒有標題列")
        case .unknownColumn: Phrase(en: "unknown column '{name}'; the columns are {columns}",
                                    zhHans: "未知的列“{name}”；可用的列为 {columns}", zhHant: "未知的欄「{name}」；可用的欄為 {columns}")
        case .repeatedColumn: Phrase(en: "column '{name}' appears twice", zhHans: "列“{name}”出现了两次", zhHant: "欄「{name}」出現了兩次")
        case .commentInCell: Phrase(en: "'#' would start a comment and drop the rest of the row; only text columns (label, actor, channel, note, fail, phase) may hold it",
                                    zhHans: "“#”会开始注释并丢弃该行其余内容；只有文本列（label、actor、channel、note、fail、phase）可以包含它",
                                    zhHant: "「#」會開始註解並丟棄該列其餘內容；只有文字欄（label、actor、channel、note、fail、phase）可以包含它")
        case .notABlueprint: Phrase(en: "the sheet does not make a blueprint", zhHans: "该表格无法生成蓝图", zhHant: "該表格無法產生藍圖")
        case .missingColumn: Phrase(en: "the sheet has no '{name}' column", zhHans: "表格缺少“{name}”列", zhHant: "表格缺少「{name}」欄")
        }
    }
}
