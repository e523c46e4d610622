import BlueprintDiagnostics
import BlueprintLanguage

/// The words the diagram adds around the user's text, in the blueprint's locale so a Chinese blueprint
/// does not get English markers.
struct RenderStrings {
    var momentOfTruth: String
    var failPoint: String
    var waitPoint: String
    var timeStandard: String
    var handOff: String
    var informationFlow: String
    var recovery: String
    var customerEmotion: String
    var persona: String
    var scenario: String
    var owner: String
    var kept: String
    var broken: String
    var unreachable: String
    var unresolved: String
    var legend: String
    /// The title of the notes panel.
    var notes: String
    /// The legend's words for the reference a step carries to evidence drawn above another step.
    var evidenceElsewhere: String
    /// The word on the time-standard badge, as in "takes 4m".
    var takes: String
    /// "wait 25m", "wait 25m · max 40m".
    var wait: (_ wait: String, _ tolerance: String?) -> String
    /// "worst case 41m of 45m".
    var promiseCost: (_ worst: String, _ limit: String) -> String
    /// "limit 45m", for a promise that could not be checked.
    var promiseLimit: (String) -> String
    /// A duration as the locale writes it: `1h30m`, `1小时30分钟`, `1小時30分鐘`.
    var duration: (Duration) -> String
    /// The title block's name for the page of a blueprint split into pages.
    var page: String
    /// "2 of 3".
    var pageOf: (_ page: Int, _ count: Int) -> String
    /// The caption of an off-page chip: "→ page 3".
    var onPage: (Int) -> String
    /// The heading of the column of chips for steps on earlier pages, and on later ones.
    var fromPages: ([Int]) -> String
    var toPages: ([Int]) -> String

    static func forLocale(_ locale: BlueprintLocale) -> RenderStrings {
        switch locale {
        case .en:
            RenderStrings(
                momentOfTruth: "Moment of truth", failPoint: "Fail point", waitPoint: "Wait point (expected · max tolerated)",
                timeStandard: "Time standard", handOff: "Hand-off", informationFlow: "Information flow",
                recovery: "Recovery", customerEmotion: "Customer emotion", persona: "Persona", scenario: "Scenario",
                owner: "Owner", kept: "✓ kept", broken: "× broken", unreachable: "– no path",
                unresolved: "– unknown step", legend: "Legend", notes: "Notes", evidenceElsewhere: "Evidence drawn above another step",
                takes: "takes",
                wait: { wait, tolerance in "wait \(wait)" + (tolerance.map { " · max \($0)" } ?? "") },
                promiseCost: { "worst case \($0) of \($1)" }, promiseLimit: { "limit \($0)" },
                duration: { $0.description },
                page: "Page", pageOf: { "\($0) of \($1)" }, onPage: { "⇄ page \($0)" },
                fromPages: { "◀ from page" + ($0.count > 1 ? "s " : " ") + Self.list($0) },
                toPages: { "to page" + ($0.count > 1 ? "s " : " ") + Self.list($0) + " ▶" })
        case .zhHans:
            RenderStrings(
                momentOfTruth: "关键时刻", failPoint: "失误点", waitPoint: "等待点（预计 · 可容忍上限）",
                timeStandard: "时间标准", handOff: "服务交接", informationFlow: "信息流", recovery: "补救",
                customerEmotion: "顾客情绪", persona: "用户画像", scenario: "场景", owner: "负责人",
                kept: "✓ 已兑现", broken: "× 未兑现", unreachable: "– 无路径", unresolved: "– 未知步骤", legend: "图例", notes: "备注", evidenceElsewhere: "有形展示画在另一步骤上方",
                takes: "用时",
                wait: { wait, tolerance in "等待 \(wait)" + (tolerance.map { " · 上限 \($0)" } ?? "") },
                promiseCost: { "最长 \($0)，时限 \($1)" }, promiseLimit: { "时限 \($0)" },
                duration: { $0.written(in: .zhHans) },
                page: "页码", pageOf: { "第\($0)页，共\($1)页" }, onPage: { "⇄ 第\($0)页" },
                fromPages: { "◀ 来自第" + Self.list($0, separator: "、") + "页" },
                toPages: { "转到第" + Self.list($0, separator: "、") + "页 ▶" })
        case .zhHant:
            RenderStrings(
                momentOfTruth: "關鍵時刻", failPoint: "失誤點", waitPoint: "等待點（預計 · 可容忍上限）",
                timeStandard: "時間標準", handOff: "服務交接", informationFlow: "資訊流", recovery: "補救",
                customerEmotion: "顧客情緒", persona: "使用者輪廓", scenario: "場景", owner: "負責人",
                kept: "✓ 已兌現", broken: "× 未兌現", unreachable: "– 無路徑", unresolved: "– 未知步驟", legend: "圖例", notes: "備註", evidenceElsewhere: "有形展示畫在另一步驟上方",
                takes: "用時",
                wait: { wait, tolerance in "等待 \(wait)" + (tolerance.map { " · 上限 \($0)" } ?? "") },
                promiseCost: { "最長 \($0)，時限 \($1)" }, promiseLimit: { "時限 \($0)" },
                duration: { $0.written(in: .zhHant) },
                page: "頁碼", pageOf: { "第\($0)頁，共\($1)頁" }, onPage: { "⇄ 第\($0)頁" },
                fromPages: { "◀ 來自第" + Self.list($0, separator: "、") + "頁" },
                toPages: { "轉到第" + Self.list($0, separator: "、") + "頁 ▶" })
        }
    }

    private static func list(_ pages: [Int], separator: String = ", ") -> String {
        pages.map(String.init).joined(separator: separator)
    }
}
