import BlueprintDiagnostics

/// Every word of the preview's pages, in the previewed file's language. The file page names its
/// words by their case (`data-word="fit"`); each snapshot carries them in the file's language, and
/// the script sets them, so the toolbar, the step panel and the messages follow the file.
package enum PreviewMessage: String, MessageCatalog {
    case pageTitle, previewTitle, allBlueprints, allBlueprintsTitle, connecting, live, reconnecting
    case zoom, zoomOut, actualSize, zoomIn, fit, fitTitle, theme, themeAuto, themeLight, themeDark, themePrint, download
    case diagramLabel, loading, close, fileGone, fileDeleted, fixErrors, noDiagram
    case momentOfTruth, emotion, lane, phase, actor, channel, takes, wait, tolerates, note
    case meanTakes, arrivals, utilisation, queueWait
    case failPoints, evidence, promises, onNoPromisePath, recoveredBy, noRecovery, worstCase, shareAgainstTarget, onWorstPath
    case kept, broken, unreachable, unresolved
    case blueprints, blueprint, filesHint, steps, errors, warnings, none, keptCount, notKeptCount, untitled

    package var phrase: Phrase {
        switch self {
        case .pageTitle: Phrase(en: "{title} · blueprint preview", zhHans: "{title} · blueprint 预览", zhHant: "{title} · blueprint 預覽")
        case .previewTitle: Phrase(en: "blueprint preview", zhHans: "blueprint 预览", zhHant: "blueprint 預覽")
        case .allBlueprints: Phrase(en: "All blueprints", zhHans: "全部蓝图", zhHant: "全部藍圖")
        case .allBlueprintsTitle: Phrase(en: "All previewed blueprints", zhHans: "所有预览中的蓝图", zhHant: "所有預覽中的藍圖")
        case .connecting: Phrase(en: "Connecting…", zhHans: "连接中…", zhHant: "連線中…")
        case .live: Phrase(en: "Live", zhHans: "实时", zhHant: "即時")
        case .reconnecting: Phrase(en: "Reconnecting…", zhHans: "重新连接中…", zhHant: "重新連線中…")
        case .zoom: Phrase(en: "Zoom", zhHans: "缩放", zhHant: "縮放")
        case .zoomOut: Phrase(en: "Zoom out (−)", zhHans: "缩小（−）", zhHant: "縮小（−）")
        case .actualSize: Phrase(en: "Actual size (0)", zhHans: "实际大小（0）", zhHant: "實際大小（0）")
        case .zoomIn: Phrase(en: "Zoom in (+)", zhHans: "放大（+）", zhHant: "放大（+）")
        case .fit: Phrase(en: "Fit", zhHans: "适合窗口", zhHant: "符合視窗")
        case .fitTitle: Phrase(en: "Fit the diagram in the window (F)", zhHans: "让图表适合窗口（F）", zhHant: "讓圖表符合視窗（F）")
        case .theme: Phrase(en: "Theme", zhHans: "主题", zhHant: "主題")
        case .themeAuto: Phrase(en: "Auto", zhHans: "自动", zhHant: "自動")
        case .themeLight: Phrase(en: "Light", zhHans: "浅色", zhHant: "淺色")
        case .themeDark: Phrase(en: "Dark", zhHans: "深色", zhHant: "深色")
        case .themePrint: Phrase(en: "Print", zhHans: "打印", zhHant: "列印")
        case .download: Phrase(en: "Download", zhHans: "下载", zhHant: "下載")
        case .diagramLabel: Phrase(en: "Diagram: drag to pan, wheel to zoom", zhHans: "图表：拖动平移，滚轮缩放", zhHant: "圖表：拖曳平移，滾輪縮放")
        case .loading: Phrase(en: "Loading the diagram…", zhHans: "正在载入图表…", zhHant: "正在載入圖表…")
        case .close: Phrase(en: "Close (Esc)", zhHans: "关闭（Esc）", zhHant: "關閉（Esc）")
        case .fileGone: Phrase(en: "The file is gone.", zhHans: "文件已不存在。", zhHant: "檔案已不存在。")
        case .fileDeleted:
            Phrase(en: "{path} was deleted or renamed. The preview shows it again as soon as a file is saved under that name.",
                   zhHans: "{path} 已被删除或改名。只要以这个名称再次保存文件，预览就会重新显示它。",
                   zhHant: "{path} 已被刪除或改名。只要以這個名稱再次儲存檔案，預覽就會重新顯示它。")
        case .fixErrors: Phrase(en: "Fix the errors above to see the diagram.", zhHans: "修正上方的错误后即可看到图表。",
                                zhHant: "修正上方的錯誤後即可看到圖表。")
        case .noDiagram: Phrase(en: "No diagram yet.", zhHans: "尚无图表。", zhHant: "尚無圖表。")
        case .momentOfTruth: Phrase(en: "★ Moment of truth", zhHans: "★ 关键时刻", zhHant: "★ 關鍵時刻")
        case .emotion: Phrase(en: "Emotion {emotion}", zhHans: "情绪 {emotion}", zhHant: "情緒 {emotion}")
        case .lane: Phrase(en: "Lane", zhHans: "泳道", zhHant: "泳道")
        case .phase: Phrase(en: "Phase", zhHans: "阶段", zhHant: "階段")
        case .actor: Phrase(en: "Actor", zhHans: "执行者", zhHant: "執行者")
        case .channel: Phrase(en: "Channel", zhHans: "渠道", zhHant: "管道")
        case .takes: Phrase(en: "Takes", zhHans: "用时", zhHant: "用時")
        case .meanTakes: Phrase(en: "Mean time", zhHans: "平均用时", zhHant: "平均用時")
        case .arrivals: Phrase(en: "Arrivals", zhHans: "到达", zhHant: "到達")
        case .utilisation: Phrase(en: "Utilisation", zhHans: "利用率", zhHant: "利用率")
        case .queueWait: Phrase(en: "Queue wait", zhHans: "排队等待", zhHant: "排隊等待")
        case .wait: Phrase(en: "Wait", zhHans: "等待", zhHant: "等待")
        case .tolerates: Phrase(en: "{wait} (tolerates {tolerance})", zhHans: "{wait}（可容忍上限 {tolerance}）", zhHant: "{wait}（可容忍上限 {tolerance}）")
        case .note: Phrase(en: "Note", zhHans: "备注", zhHant: "備註")
        case .failPoints: Phrase(en: "Fail points", zhHans: "失误点", zhHant: "失誤點")
        case .evidence: Phrase(en: "Evidence", zhHans: "有形展示", zhHant: "有形展示")
        case .promises: Phrase(en: "Promises", zhHans: "服务承诺", zhHant: "服務承諾")
        case .onNoPromisePath: Phrase(en: "On no promise's path", zhHans: "不在任何服务承诺的路径上", zhHant: "不在任何服務承諾的路徑上")
        case .recoveredBy: Phrase(en: "{failure} → recovered by “{label}” ({id})", zhHans: "{failure} → 由“{label}”（{id}）补救",
                                  zhHant: "{failure} → 由「{label}」（{id}）補救")
        case .noRecovery: Phrase(en: "{failure} → no recovery", zhHans: "{failure} → 无补救", zhHant: "{failure} → 無補救")
        case .shareAgainstTarget: Phrase(en: "{share} within {limit}, for {target}", zhHans: "{share} 在 {limit} 内，目标 {target}",
                                         zhHant: "{share} 在 {limit} 內，目標 {target}")
        case .worstCase: Phrase(en: "worst case {cost} of {limit}", zhHans: "最长 {cost}，时限 {limit}", zhHant: "最長 {cost}，時限 {limit}")
        case .onWorstPath: Phrase(en: " · on the worst path", zhHans: " · 在最长路径上", zhHant: " · 在最長路徑上")
        case .kept: Phrase(en: "kept", zhHans: "已兑现", zhHant: "已兌現")
        case .broken: Phrase(en: "broken", zhHans: "未兑现", zhHant: "未兌現")
        case .unreachable: Phrase(en: "no path", zhHans: "无路径", zhHant: "無路徑")
        case .unresolved: Phrase(en: "unknown step", zhHans: "未知步骤", zhHant: "未知步驟")
        case .blueprints: Phrase(en: "Blueprints", zhHans: "蓝图", zhHant: "藍圖")
        case .blueprint: Phrase(en: "Blueprint", zhHans: "蓝图", zhHant: "藍圖")
        case .filesHint: Phrase(en: "{count} files · open one to see it change as you save", zhHans: "{count}个文件 · 打开一个，保存时即可看到变化",
                                zhHant: "{count}個檔案 · 開啟一個，儲存時即可看到變化")
        case .steps: Phrase(en: "Steps", zhHans: "步骤", zhHant: "步驟")
        case .errors: Phrase(en: "Errors", zhHans: "错误", zhHant: "錯誤")
        case .warnings: Phrase(en: "Warnings", zhHans: "警告", zhHant: "警告")
        case .none: Phrase(en: "none", zhHans: "无", zhHant: "無")
        case .keptCount: Phrase(en: "{count} kept", zhHans: "{count}项已兑现", zhHant: "{count}項已兌現")
        case .notKeptCount: Phrase(en: "{count} not kept", zhHans: "{count}项未兑现", zhHant: "{count}項未兌現")
        case .untitled: Phrase(en: "untitled", zhHans: "无标题", zhHant: "無標題")
        }
    }

    /// The text in `language`, placeholders filled.
    package func text(in language: MessageLanguage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(self, arguments).text(in: language)
    }

    /// Every word in `language`, by case name, placeholders left for the script to fill.
    package static func words(in language: MessageLanguage) -> [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.phrase.template(in: language)) })
    }
}
