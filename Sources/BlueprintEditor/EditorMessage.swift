import BlueprintDiagnostics
import BlueprintLanguage

/// What the editor features say themselves (hover labels, inlay hints, action titles, refusals), in the
/// languages of the analysis core's own messages.
package enum EditorMessage: MessageCatalog {
    case lane, phase, actor, channel, takes, wait, tolerance, momentOfTruth
    case failPoint, failPointRecovered
    case evidenceShown, promiseThrough, promiseShareThrough
    case meanTakes, arrivals, utilisation, queueWait
    case shownBy, shownByNoStep
    case promiseKept, promiseBroken, promiseShareKept, promiseShareBroken, promiseUnreachable, promiseUnresolved, worstPath
    case durationSpelled
    case promiseHintKept, promiseHintBroken, promiseHintShareKept, promiseHintShareBroken, promiseHintUnreachable, runningCost
    case createStep, createEvidence
    case invalidIdentifier, identifierTaken, notRenamable
    case notFormatted
    case stepSnippet, promiseSnippet

    package var phrase: Phrase {
        switch self {
        case .lane: Phrase(en: "Lane: {lane}", zhHans: "泳道：{lane}", zhHant: "泳道：{lane}")
        case .phase: Phrase(en: "Phase: {phase}", zhHans: "阶段：{phase}", zhHant: "階段：{phase}")
        case .actor: Phrase(en: "Actor: {actor}", zhHans: "执行者：{actor}", zhHant: "執行者：{actor}")
        case .channel: Phrase(en: "Channel: {channel}", zhHans: "渠道：{channel}", zhHant: "渠道：{channel}")
        case .takes: Phrase(en: "Takes: {duration}", zhHans: "用时：{duration}", zhHant: "用時：{duration}")
        case .wait: Phrase(en: "Wait: {duration}", zhHans: "等待：{duration}", zhHant: "等待：{duration}")
        case .tolerance: Phrase(en: "Tolerance: {duration}", zhHans: "可容忍：{duration}", zhHant: "可容忍：{duration}")
        case .momentOfTruth: Phrase(en: "Moment of truth", zhHans: "关键时刻", zhHant: "關鍵時刻")
        case .failPoint: Phrase(en: "Fail point: {description} (no recovery)", zhHans: "失误点：{description}（无补救）", zhHant: "失誤點：{description}（無補救）")
        case .failPointRecovered:
            Phrase(en: "Fail point: {description}, recovered by `{step}`", zhHans: "失误点：{description}，由 `{step}` 补救", zhHant: "失誤點：{description}，由 `{step}` 補救")
        case .evidenceShown: Phrase(en: "Evidence: {ids}", zhHans: "有形展示：{ids}", zhHant: "有形展示：{ids}")
        case .promiseThrough:
            Phrase(en: "Promise “{description}”: worst case {cost} of {limit}", zhHans: "承诺“{description}”：最坏情况 {cost}，上限 {limit}",
                   zhHant: "承諾「{description}」：最壞情況 {cost}，上限 {limit}")
        case .promiseShareThrough:
            Phrase(en: "Promise “{description}”: {share} within {limit}, for {target}", zhHans: "承诺“{description}”：{share} 在 {limit} 内，目标 {target}",
                   zhHant: "承諾「{description}」：{share} 在 {limit} 內，目標 {target}")
        case .meanTakes: Phrase(en: "Mean time: {duration}", zhHans: "平均用时：{duration}", zhHant: "平均用時：{duration}")
        case .arrivals: Phrase(en: "Arrivals: {rate}/h", zhHans: "到达：每小时 {rate}", zhHant: "到達：每小時 {rate}")
        case .utilisation: Phrase(en: "Utilisation: {share}", zhHans: "利用率：{share}", zhHant: "利用率：{share}")
        case .queueWait: Phrase(en: "Queue wait: {duration}", zhHans: "排队等待：{duration}", zhHant: "排隊等待：{duration}")
        case .shownBy: Phrase(en: "Shown by: {ids}", zhHans: "展示于：{ids}", zhHant: "展示於：{ids}")
        case .shownByNoStep: Phrase(en: "Shown by no step", zhHans: "没有步骤展示它", zhHant: "沒有步驟展示它")
        case .promiseKept:
            Phrase(en: "Kept: worst case {cost} of {limit}", zhHans: "已兑现：最坏情况 {cost}，上限 {limit}", zhHant: "已兌現：最壞情況 {cost}，上限 {limit}")
        case .promiseBroken:
            Phrase(en: "Broken: worst case {cost}, {over} over the limit of {limit}", zhHans: "未兑现：最坏情况 {cost}，超出上限 {limit} 达 {over}",
                   zhHant: "未兌現：最壞情況 {cost}，超出上限 {limit} 達 {over}")
        case .promiseShareKept:
            Phrase(en: "Kept: {share} within {limit}, for {target}", zhHans: "已兑现：{share} 在 {limit} 内，目标 {target}",
                   zhHant: "已兌現：{share} 在 {limit} 內，目標 {target}")
        case .promiseShareBroken:
            Phrase(en: "Broken: {share} within {limit}, for {target}", zhHans: "未兑现：{share} 在 {limit} 内，目标 {target}",
                   zhHant: "未兌現：{share} 在 {limit} 內，目標 {target}")
        case .promiseUnreachable:
            Phrase(en: "Unreachable: no `->` path leads from `{from}` to `{to}`", zhHans: "不可达：没有从 `{from}` 到 `{to}` 的 `->` 路径",
                   zhHant: "不可達：沒有從 `{from}` 到 `{to}` 的 `->` 路徑")
        case .promiseUnresolved:
            Phrase(en: "Not checked: an end is not a declared step", zhHans: "未检查：端点不是已声明的步骤", zhHant: "未檢查：端點不是已宣告的步驟")
        case .worstPath: Phrase(en: "Worst path: {path}", zhHans: "最坏路径：{path}", zhHant: "最壞路徑：{path}")
        case .durationSpelled: Phrase(en: "{spelled} ({seconds} seconds)", zhHans: "{spelled}（{seconds} 秒）", zhHant: "{spelled}（{seconds} 秒）")
        case .promiseHintKept: Phrase(en: "{cost} of {limit} ✓", zhHans: "{cost} / {limit} ✓", zhHant: "{cost} / {limit} ✓")
        case .promiseHintBroken: Phrase(en: "{cost} of {limit} ✗", zhHans: "{cost} / {limit} ✗", zhHant: "{cost} / {limit} ✗")
        case .promiseHintShareKept: Phrase(en: "{share} within {limit}, for {target} ✓", zhHans: "{share} 在 {limit} 内，目标 {target} ✓",
                                           zhHant: "{share} 在 {limit} 內，目標 {target} ✓")
        case .promiseHintShareBroken: Phrase(en: "{share} within {limit}, for {target} ✗", zhHans: "{share} 在 {limit} 内，目标 {target} ✗",
                                             zhHant: "{share} 在 {limit} 內，目標 {target} ✗")
        case .promiseHintUnreachable: Phrase(en: "no path ✗", zhHans: "无路径 ✗", zhHant: "無路徑 ✗")
        case .runningCost: Phrase(en: "{cost} since {from}", zhHans: "自 {from} 起 {cost}", zhHant: "自 {from} 起 {cost}")
        case .createStep: Phrase(en: "Create step '{id}'", zhHans: "创建步骤 '{id}'", zhHant: "建立步驟 '{id}'")
        case .createEvidence: Phrase(en: "Create evidence item '{id}'", zhHans: "创建有形展示 '{id}'", zhHant: "建立有形展示 '{id}'")
        case .invalidIdentifier: Phrase(en: "'{name}' is not a valid id", zhHans: "'{name}' 不是有效的标识符", zhHant: "'{name}' 不是有效的識別碼")
        case .identifierTaken: Phrase(en: "'{name}' is already declared", zhHans: "'{name}' 已被声明", zhHant: "'{name}' 已被宣告")
        case .notRenamable:
            Phrase(en: "Only the id of a step or an evidence item can be renamed", zhHans: "只能重命名步骤或有形展示的标识符",
                   zhHant: "只能重新命名步驟或有形展示的識別碼")
        case .notFormatted:
            Phrase(en: "Not formatted: line {line} has a syntax error ({message})", zhHans: "未格式化：第 {line} 行有语法错误（{message}）",
                   zhHant: "未格式化：第 {line} 行有語法錯誤（{message}）")
        case .stepSnippet: Phrase(en: "step line", zhHans: "步骤行", zhHant: "步驟行")
        case .promiseSnippet: Phrase(en: "promise", zhHans: "承诺", zhHant: "承諾")
        }
    }
}
