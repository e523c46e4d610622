import BlueprintDiagnostics

/// The words the diagram adds around the user's text, in every language: shared by the drawing and the
/// exports that write markers as text, so a marker reads the same in both.
package enum DiagramMessage: MessageCatalog {
    case momentOfTruth, failPoint, waitPoint, timeStandard, handOff, informationFlow, recovery, customerEmotion
    case persona, scenario, owner, kept, broken, unreachable, unresolved, legend, notes, evidenceElsewhere, takes
    case wait, waitWithTolerance, queueWait, utilisation, queueWaitLegend, utilisationLegend, promiseCost, promiseLimit, shareAgainstTarget, page, pageOf, onPage
    case fromPage, fromPages, toPage, toPages, pageSeparator
    case added, changed, removed, removedStep, changes, notesAndChanges
    /// The events a BPMN export adds before the journey's first step and after each step it can end at.
    case journeyStart, journeyEnd
    /// The mark of a drawing made from a file with errors (`Document.drawDraft`).
    case draftOneError, draftErrors

    package var phrase: Phrase {
        switch self {
        case .momentOfTruth: Phrase(en: "Moment of truth", zhHans: "关键时刻", zhHant: "關鍵時刻")
        case .failPoint: Phrase(en: "Fail point", zhHans: "失误点", zhHant: "失誤點")
        case .waitPoint: Phrase(en: "Wait point (expected · max tolerated)", zhHans: "等待点（预计 · 可容忍上限）", zhHant: "等待點（預計 · 可容忍上限）")
        case .timeStandard: Phrase(en: "Time standard", zhHans: "标准用时", zhHant: "標準用時")
        case .handOff: Phrase(en: "Hand-off", zhHans: "服务交接", zhHant: "服務交接")
        case .informationFlow: Phrase(en: "Information flow", zhHans: "信息流", zhHant: "資訊流")
        case .recovery: Phrase(en: "Recovery", zhHans: "补救", zhHant: "補救")
        case .customerEmotion: Phrase(en: "Customer emotion", zhHans: "顾客情绪", zhHant: "顧客情緒")
        case .persona: Phrase(en: "Persona", zhHans: "用户画像", zhHant: "使用者輪廓")
        case .scenario: Phrase(en: "Scenario", zhHans: "场景", zhHant: "場景")
        case .owner: Phrase(en: "Owner", zhHans: "负责人", zhHant: "負責人")
        case .kept: Phrase(en: "✓ kept", zhHans: "✓ 已兑现", zhHant: "✓ 已兌現")
        case .broken: Phrase(en: "× broken", zhHans: "× 未兑现", zhHant: "× 未兌現")
        case .unreachable: Phrase(en: "– no path", zhHans: "– 无路径", zhHant: "– 無路徑")
        case .unresolved: Phrase(en: "– unknown step", zhHans: "– 未知步骤", zhHant: "– 未知步驟")
        case .legend: Phrase(en: "Legend", zhHans: "图例", zhHant: "圖例")
        case .notes: Phrase(en: "Notes", zhHans: "备注", zhHant: "備註")
        case .evidenceElsewhere: Phrase(en: "Evidence drawn above another step", zhHans: "有形展示画在另一步骤上方", zhHant: "有形展示畫在另一步驟上方")
        case .takes: Phrase(en: "takes", zhHans: "用时", zhHant: "用時")
        case .wait: Phrase(en: "wait {wait}", zhHans: "等待 {wait}", zhHant: "等待 {wait}")
        case .waitWithTolerance: Phrase(en: "wait {wait} · max {tolerance}", zhHans: "等待 {wait} · 上限 {tolerance}", zhHant: "等待 {wait} · 上限 {tolerance}")
        case .queueWait: Phrase(en: "queue {wait}", zhHans: "排队等待 {wait}", zhHant: "排隊等待 {wait}")
        case .utilisation: Phrase(en: "utilisation {share}", zhHans: "利用率 {share}", zhHant: "利用率 {share}")
        case .queueWaitLegend: Phrase(en: "Predicted queue wait", zhHans: "预测排队等待", zhHant: "預測排隊等待")
        case .utilisationLegend: Phrase(en: "Utilisation: to 85%, above 85%, 100% or more", zhHans: "利用率：不超过 85%、超过 85%、100% 及以上",
                                        zhHant: "利用率：不超過 85%、超過 85%、100% 及以上")
        case .promiseCost: Phrase(en: "worst case {worst} of {limit}", zhHans: "最长 {worst}，时限 {limit}", zhHant: "最長 {worst}，時限 {limit}")
        case .promiseLimit: Phrase(en: "limit {limit}", zhHans: "时限 {limit}", zhHant: "時限 {limit}")
        case .shareAgainstTarget: Phrase(en: "{share} within {limit}, for {target}", zhHans: "{share} 在 {limit} 内，目标 {target}",
                                         zhHant: "{share} 在 {limit} 內，目標 {target}")
        case .page: Phrase(en: "Page", zhHans: "页码", zhHant: "頁碼")
        case .pageOf: Phrase(en: "{page} of {count}", zhHans: "第{page}页，共{count}页", zhHant: "第{page}頁，共{count}頁")
        case .onPage: Phrase(en: "⇄ page {page}", zhHans: "⇄ 第{page}页", zhHant: "⇄ 第{page}頁")
        case .fromPage: Phrase(en: "◀ from page {pages}", zhHans: "◀ 来自第{pages}页", zhHant: "◀ 來自第{pages}頁")
        case .fromPages: Phrase(en: "◀ from pages {pages}", zhHans: "◀ 来自第{pages}页", zhHant: "◀ 來自第{pages}頁")
        case .toPage: Phrase(en: "to page {pages} ▶", zhHans: "转到第{pages}页 ▶", zhHant: "轉到第{pages}頁 ▶")
        case .toPages: Phrase(en: "to pages {pages} ▶", zhHans: "转到第{pages}页 ▶", zhHant: "轉到第{pages}頁 ▶")
        case .pageSeparator: Phrase(en: ", ", zhHans: "、", zhHant: "、")
        case .added: Phrase(en: "Added", zhHans: "新增", zhHant: "新增")
        case .changed: Phrase(en: "Changed", zhHans: "已更改", zhHant: "已更改")
        case .removed: Phrase(en: "Removed (faint where it was, and listed under the diagram)", zhHans: "已删除（在原处淡色显示，并列于图下方）",
                              zhHant: "已刪除（在原處淡色顯示，並列於圖下方）")
        case .removedStep: Phrase(en: "Removed", zhHans: "已删除", zhHant: "已刪除")
        case .changes: Phrase(en: "Changes", zhHans: "变更", zhHant: "變更")
        case .notesAndChanges: Phrase(en: "Notes and changes", zhHans: "备注与变更", zhHant: "備註與變更")
        case .journeyStart: Phrase(en: "Start", zhHans: "开始", zhHant: "開始")
        case .journeyEnd: Phrase(en: "End", zhHans: "结束", zhHant: "結束")
        case .draftOneError: Phrase(en: "Draft: 1 error", zhHans: "草稿：1 个错误", zhHant: "草稿：1 個錯誤")
        case .draftErrors: Phrase(en: "Draft: {count} errors", zhHans: "草稿：{count} 个错误", zhHant: "草稿：{count} 個錯誤")
        }
    }
}
