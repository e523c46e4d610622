import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLayout

/// What `render` says about the pages a blueprint was printed on, in the file's language.
package enum PageReportMessage: MessageCatalog {
    case landscape, portrait, onePage, pages, smallLabelsTallBlueprint, smallLabelsWidePhase, wrotePages, cannotDraw

    package var phrase: Phrase {
        switch self {
        case .landscape: Phrase(en: "{paper} landscape", zhHans: "{paper} 横向", zhHant: "{paper} 橫向")
        case .portrait: Phrase(en: "{paper} portrait", zhHans: "{paper} 纵向", zhHant: "{paper} 縱向")
        case .onePage: Phrase(en: "1 page of {paper}, step labels at {size} pt or more", zhHans: "1页 {paper}，步骤标签不小于 {size} pt",
                              zhHant: "1頁 {paper}，步驟標籤不小於 {size} pt")
        case .pages: Phrase(en: "{count} pages of {paper}, step labels at {size} pt or more",
                            zhHans: "{count}页 {paper}，步骤标签不小于 {size} pt", zhHant: "{count}頁 {paper}，步驟標籤不小於 {size} pt")
        case .smallLabelsTallBlueprint:
            Phrase(en: "page {page}: step labels print at {size} pt: the blueprint is taller than {paper} holds at {smallest} pt; try a larger --page",
                   zhHans: "第{page}页：步骤标签印出仅 {size} pt：蓝图比 {paper} 在 {smallest} pt 时能容纳的更高；请换更大的 --page",
                   zhHant: "第{page}頁：步驟標籤印出僅 {size} pt：藍圖比 {paper} 在 {smallest} pt 時能容納的更高；請換更大的 --page")
        case .smallLabelsWidePhase:
            Phrase(en: "page {page}: step labels print at {size} pt: its phase is wider than {paper} holds at {smallest} pt, and a phase is never split; try a larger --page",
                   zhHans: "第{page}页：步骤标签印出仅 {size} pt：该阶段比 {paper} 在 {smallest} pt 时能容纳的更宽，而阶段不会拆开；请换更大的 --page",
                   zhHant: "第{page}頁：步驟標籤印出僅 {size} pt：該階段比 {paper} 在 {smallest} pt 時能容納的更寬，而階段不會拆開；請換更大的 --page")
        case .wrotePages: Phrase(en: "wrote {count} pages: {files}", zhHans: "已写入 {count} 页：{files}", zhHant: "已寫入 {count} 頁：{files}")
        case .cannotDraw: Phrase(en: "cannot draw the diagram: {error}", zhHans: "无法绘制图表：{error}", zhHant: "無法繪製圖表：{error}")
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
        text(.shareAgainstTarget, ["share": .text(percent(share)), "limit": .text(limit), "target": .text(target)])
    }

    /// "queue 7m": a step's predicted wait in the queue for its servers.
    func queueWait(_ wait: String) -> String {
        text(.queueWait, ["wait": .text(wait)])
    }

    /// The legend's words for the capacity badges.
    var queueWaitLegend: String { text(.queueWaitLegend) }
    var utilisationLegend: String { text(.utilisationLegend) }

    /// "utilisation 78.0%".
    func utilisation(_ fraction: Double) -> String {
        text(.utilisation, ["share": .text(percent(fraction))])
    }

    /// `0.78` as "78.0%".
    private func percent(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }

    /// A duration as the diagram writes it: `1h30m`, `1小时30分钟`, `1小時30分鐘`.
    func duration(_ duration: Duration) -> String {
        language == .en ? duration.description : duration.written(in: language)
    }

    /// "Draft: 3 errors", the mark of a drawing made from a file with errors.
    func draft(errors count: Int) -> String {
        count == 1 ? text(.draftOneError) : text(.draftErrors, ["count": .number(count)])
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
