import BlueprintDiagnostics
import BlueprintLanguage

/// The words the diagram adds around the user's text, in every language.
package enum DiagramMessage: MessageCatalog {
    case momentOfTruth, failPoint, waitPoint, timeStandard, handOff, informationFlow, recovery, customerEmotion
    case persona, scenario, owner, kept, broken, unreachable, unresolved, legend, notes, evidenceElsewhere, takes
    case wait, waitWithTolerance, promiseCost, promiseLimit, shareAgainstTarget, page, pageOf, onPage
    case fromPage, fromPages, toPage, toPages, pageSeparator
    case added, changed, removed, removedStep, changes, notesAndChanges

    package var phrase: Phrase {
        switch self {
        case .momentOfTruth: Phrase(en: "Moment of truth", zhHans: "关键时刻", zhHant: "關鍵時刻")
        case .failPoint: Phrase(en: "Fail point", zhHans: "失误点", zhHant: "失誤點")
        case .waitPoint: Phrase(en: "Wait point (expected · max tolerated)", zhHans: "等待点（预计 · 可容忍上限）", zhHant: "等待點（預計 · 可容忍上限）")
        case .timeStandard: Phrase(en: "Time standard", zhHans: "时间标准", zhHant: "時間標準")
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
        }
    }
}

/// The diagram's words in the blueprint's locale, so a Chinese blueprint does not get English markers.
struct RenderStrings {
    let language: MessageLanguage

    static func forLocale(_ locale: BlueprintLocale) -> RenderStrings {
        RenderStrings(language: MessageLanguage(locale))
    }

    private func text(_ entry: DiagramMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(entry, arguments).text(in: language)
    }

    var momentOfTruth: String { text(.momentOfTruth) }
    var failPoint: String { text(.failPoint) }
    var waitPoint: String { text(.waitPoint) }
    var timeStandard: String { text(.timeStandard) }
    var handOff: String { text(.handOff) }
    var informationFlow: String { text(.informationFlow) }
    var recovery: String { text(.recovery) }
    var customerEmotion: String { text(.customerEmotion) }
    var persona: String { text(.persona) }
    var scenario: String { text(.scenario) }
    var owner: String { text(.owner) }
    var kept: String { text(.kept) }
    var broken: String { text(.broken) }
    var unreachable: String { text(.unreachable) }
    var unresolved: String { text(.unresolved) }
    var legend: String { text(.legend) }
    /// The title of the notes panel.
    var notes: String { text(.notes) }
    /// The legend's words for the reference a step carries to evidence drawn above another step.
    var evidenceElsewhere: String { text(.evidenceElsewhere) }
    /// The word on the time-standard badge, as in "takes 4m".
    var takes: String { text(.takes) }
    /// The title block's name for the page of a blueprint split into pages.
    var page: String { text(.page) }
    /// A compare drawing's marks, in the legend, and the title of its list of changes.
    var added: String { text(.added) }
    var changed: String { text(.changed) }
    var removed: String { text(.removed) }
    var removedStep: String { text(.removedStep) }
    var changes: String { text(.changes) }
    var notesAndChanges: String { text(.notesAndChanges) }

    /// "wait 25m", "wait 25m · max 40m".
    func wait(_ wait: String, _ tolerance: String?) -> String {
        guard let tolerance else { return text(.wait, ["wait": .text(wait)]) }
        return text(.waitWithTolerance, ["wait": .text(wait), "tolerance": .text(tolerance)])
    }

    /// "worst case 41m of 45m".
    func promiseCost(_ worst: String, _ limit: String) -> String {
        text(.promiseCost, ["worst": .text(worst), "limit": .text(limit)])
    }

    /// "limit 45m", for a promise that could not be checked.
    func promiseLimit(_ limit: String) -> String {
        text(.promiseLimit, ["limit": .text(limit)])
    }

    /// "99.0% within 2h, for 95%": a promise for a share of customers, by the share a simulation found.
    func shareAgainstTarget(_ share: Double, limit: String, target: String) -> String {
        text(.shareAgainstTarget, ["share": .text(String(format: "%.1f%%", share * 100)), "limit": .text(limit), "target": .text(target)])
    }

    /// A duration as the diagram writes it: `1h30m`, `1小时30分钟`, `1小時30分鐘`.
    func duration(_ duration: Duration) -> String {
        language == .en ? duration.description : duration.written(in: language)
    }

    /// "2 of 3".
    func pageOf(_ page: Int, _ count: Int) -> String {
        text(.pageOf, ["page": .number(page), "count": .number(count)])
    }

    /// The caption of an off-page chip: "→ page 3".
    func onPage(_ page: Int) -> String {
        text(.onPage, ["page": .number(page)])
    }

    /// The heading of the column of chips for steps on earlier pages, and on later ones.
    func fromPages(_ pages: [Int]) -> String {
        text(pages.count > 1 ? .fromPages : .fromPage, ["pages": .text(list(pages))])
    }

    func toPages(_ pages: [Int]) -> String {
        text(pages.count > 1 ? .toPages : .toPage, ["pages": .text(list(pages))])
    }

    private func list(_ pages: [Int]) -> String {
        pages.map(String.init).joined(separator: text(.pageSeparator))
    }
}
