import BlueprintDiagnostics

/// The words of `blueprint diff`'s text and Markdown.
package enum DiffMessage: MessageCatalog {
    case heading, noChanges
    case metadataHeading, phasesHeading, stepsHeading, evidenceHeading, flowsHeading, recoveriesHeading
    case promisesHeading, capacityHeading, introducedHeading, fixedHeading, summaryHeading
    case fieldChanged, none, unnamedPhase
    case phaseAdded, phaseRemoved, phaseRenamed, phasesReordered
    case itemAdded, itemRemoved, itemRenamed, itemChanged
    case flowAdded, flowRemoved, flowChanged, recoveryAdded, recoveryRemoved
    case promiseWorstCase, promiseShare, kept, broken, unreachable, unresolved
    case stepLoad, error, warning, finding
    case customerSteps, handOffsAcrossVisibility, momentsOfTruth, failPointsWithoutRecovery, worstPathTakes

    package var phrase: Phrase {
        switch self {
        case .heading: Phrase(en: "Changes from {old} to {new}", zhHans: "从 {old} 到 {new} 的变更", zhHant: "從 {old} 到 {new} 的變更")
        case .noChanges: Phrase(en: "No changes.", zhHans: "没有变更。", zhHant: "沒有變更。")
        case .metadataHeading: Phrase(en: "Metadata", zhHans: "元数据", zhHant: "元資料")
        case .phasesHeading: Phrase(en: "Phases", zhHans: "阶段", zhHant: "階段")
        case .stepsHeading: Phrase(en: "Steps", zhHans: "步骤", zhHant: "步驟")
        case .evidenceHeading: Phrase(en: "Evidence", zhHans: "有形展示", zhHant: "有形展示")
        case .flowsHeading: Phrase(en: "Flows", zhHans: "流程线", zhHant: "流程線")
        case .recoveriesHeading: Phrase(en: "Recovery links", zhHans: "补救链接", zhHant: "補救連結")
        case .promisesHeading: Phrase(en: "Promises", zhHans: "承诺", zhHant: "承諾")
        case .capacityHeading: Phrase(en: "Capacity", zhHans: "容量", zhHant: "容量")
        case .introducedHeading: Phrase(en: "Lint findings introduced", zhHans: "新增的检查结果", zhHant: "新增的檢查結果")
        case .fixedHeading: Phrase(en: "Lint findings fixed", zhHans: "已修正的检查结果", zhHant: "已修正的檢查結果")
        case .summaryHeading: Phrase(en: "Summary", zhHans: "摘要", zhHant: "摘要")
        case .fieldChanged: Phrase(en: "{field}: {before} → {after}", zhHans: "{field} 由 {before} 改为 {after}", zhHant: "{field} 由 {before} 改為 {after}")
        case .none: Phrase(en: "(none)", zhHans: "（无）", zhHant: "（無）")
        case .unnamedPhase: Phrase(en: "(unnamed phase)", zhHans: "（未命名阶段）", zhHant: "（未命名階段）")
        case .phaseAdded: Phrase(en: "phase {title} added", zhHans: "新增阶段 {title}", zhHant: "新增階段 {title}")
        case .phaseRemoved: Phrase(en: "phase {title} removed", zhHans: "删除阶段 {title}", zhHant: "刪除階段 {title}")
        case .phaseRenamed: Phrase(en: "phase {before} renamed to {title}", zhHans: "阶段 {before} 改名为 {title}", zhHant: "階段 {before} 改名為 {title}")
        case .phasesReordered: Phrase(en: "phases reordered: {before} → {title}", zhHans: "阶段顺序调整：{before} → {title}", zhHant: "階段順序調整：{before} → {title}")
        case .itemAdded: Phrase(en: "{lane} {id} {label} added", zhHans: "新增 {lane} {id} {label}", zhHant: "新增 {lane} {id} {label}")
        case .itemRemoved: Phrase(en: "{lane} {id} {label} removed", zhHans: "删除 {lane} {id} {label}", zhHant: "刪除 {lane} {id} {label}")
        case .itemRenamed: Phrase(en: "{before} renamed to {id} {label}", zhHans: "{before} 改名为 {id} {label}", zhHant: "{before} 改名為 {id} {label}")
        case .itemChanged: Phrase(en: "{id} {label}: {changes}", zhHans: "{id} {label} 的更改：{changes}", zhHant: "{id} {label} 的更改：{changes}")
        case .flowAdded: Phrase(en: "flow {flow} added", zhHans: "新增流程线 {flow}", zhHant: "新增流程線 {flow}")
        case .flowRemoved: Phrase(en: "flow {flow} removed", zhHans: "删除流程线 {flow}", zhHant: "刪除流程線 {flow}")
        case .flowChanged: Phrase(en: "flow {flow}: {changes}", zhHans: "流程线 {flow} 的更改：{changes}", zhHant: "流程線 {flow} 的更改：{changes}")
        case .recoveryAdded: Phrase(en: "recovery link {from} → {to} added", zhHans: "新增补救链接 {from} → {to}", zhHant: "新增補救連結 {from} → {to}")
        case .recoveryRemoved: Phrase(en: "recovery link {from} → {to} removed", zhHans: "删除补救链接 {from} → {to}", zhHant: "刪除補救連結 {from} → {to}")
        case .promiseWorstCase:
            Phrase(en: "{name}: worst case {before} → {after} within {within}, {statusBefore} → {statusAfter}",
                   zhHans: "{name}：最坏情况 {before} → {after}，时限 {within}，{statusBefore} → {statusAfter}",
                   zhHant: "{name}：最壞情況 {before} → {after}，時限 {within}，{statusBefore} → {statusAfter}")
        case .promiseShare:
            Phrase(en: "{name}: in time {before} → {after} of customers (target {target})",
                   zhHans: "{name}：按时顾客 {before} → {after}（目标 {target}）",
                   zhHant: "{name}：準時顧客 {before} → {after}（目標 {target}）")
        case .kept: Phrase(en: "kept", zhHans: "已兑现", zhHant: "已兌現")
        case .broken: Phrase(en: "broken", zhHans: "未兑现", zhHant: "未兌現")
        case .unreachable: Phrase(en: "no path", zhHans: "无路径", zhHant: "無路徑")
        case .unresolved: Phrase(en: "unresolved", zhHans: "无法解析", zhHant: "無法解析")
        case .stepLoad:
            Phrase(en: "{step}: utilisation {before} → {after}, queue wait {waitBefore} → {waitAfter}",
                   zhHans: "{step}：利用率 {before} → {after}，排队等待 {waitBefore} → {waitAfter}",
                   zhHant: "{step}：利用率 {before} → {after}，排隊等待 {waitBefore} → {waitAfter}")
        case .error: Phrase(en: "error", zhHans: "错误", zhHant: "錯誤")
        case .warning: Phrase(en: "warning", zhHans: "警告", zhHant: "警告")
        case .finding: Phrase(en: "{position}: {severity} [{rule}] {message}", zhHans: "{position}：{severity} [{rule}] {message}",
                              zhHant: "{position}：{severity} [{rule}] {message}")
        case .customerSteps: Phrase(en: "customer steps: {before} → {after}", zhHans: "顾客步骤：{before} → {after}", zhHant: "顧客步驟：{before} → {after}")
        case .handOffsAcrossVisibility:
            Phrase(en: "hand-offs across the line of visibility: {before} → {after}", zhHans: "跨越可视线的交接：{before} → {after}",
                   zhHant: "跨越可視線的交接：{before} → {after}")
        case .momentsOfTruth: Phrase(en: "moments of truth: {before} → {after}", zhHans: "关键时刻：{before} → {after}", zhHant: "關鍵時刻：{before} → {after}")
        case .failPointsWithoutRecovery:
            Phrase(en: "fail points without recovery: {before} → {after}", zhHans: "无补救的失误点：{before} → {after}",
                   zhHant: "無補救的失誤點：{before} → {after}")
        case .worstPathTakes:
            Phrase(en: "takes along the worst path of {name}: {before} → {after}", zhHans: "{name} 最坏路径的用时：{before} → {after}",
                   zhHant: "{name} 最壞路徑的用時：{before} → {after}")
        }
    }
}
