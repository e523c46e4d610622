import BlueprintDiagnostics
import BlueprintEncoding
import Foundation

/// The pages and the files they load, all served by the preview itself: the page makes no request
/// anywhere else (its Content-Security-Policy would refuse one).
enum PageAssets {
    struct Asset {
        var contentType: String
        var text: String
    }

    static func asset(named name: String) -> Asset? {
        switch name {
        case "preview.css": Asset(contentType: "text/css; charset=utf-8", text: previewStyle)
        case "preview.js": Asset(contentType: "text/javascript; charset=utf-8", text: previewScript)
        case "icon.svg": Asset(contentType: "image/svg+xml", text: icon)
        default: nil
        }
    }

    /// The page of one blueprint, in English until the first snapshot brings the file's words (see
    /// `PreviewMessage`). The script fills it from the event stream.
    static func filePage(index: Int, path: String, theme: String?, showsIndexLink: Bool) -> String {
        let name = (path as NSString).lastPathComponent
        // An element's text, title or aria-label, and the word that replaces it.
        func text(_ word: PreviewMessage) -> String { #"data-word="\#(word.rawValue)">\#(escaped(word.text(in: .en)))"# }
        func title(_ word: PreviewMessage) -> String { #"data-word-title="\#(word.rawValue)" title="\#(escaped(word.text(in: .en)))""# }
        func label(_ word: PreviewMessage) -> String { #"data-word-label="\#(word.rawValue)" aria-label="\#(escaped(word.text(in: .en)))""# }
        let back = showsIndexLink ? #"<a class="back" href="/" \#(title(.allBlueprintsTitle)) \#(text(.allBlueprints))</a>"# : ""
        let themes: [(String, PreviewMessage)] = [("auto", .themeAuto), ("light", .themeLight), ("dark", .themeDark), ("print", .themePrint)]
        let options = themes.map { value, word in
            #"<option value="\#(value)"\#(value == (theme ?? "auto") ? " selected" : "") \#(text(word))</option>"#
        }.joined()
        let words = escaped(JSONValue(PreviewMessage.allCases.map { ($0.rawValue, .string($0.phrase.en)) }).serialized(pretty: false))
        return head(title: PreviewMessage.pageTitle.text(in: .en, ["title": .text(name)])) + #"""
        <body class="file-page" data-file="\#(index)" data-theme="\#(escaped(theme ?? "auto"))" data-words="\#(words)">
        <header class="toolbar">
          \#(back)
          <div class="heading">
            <h1 id="title">\#(escaped(name))</h1>
            <span class="path" id="path">\#(escaped(path))</span>
          </div>
          <span class="connection" id="connection" data-state="connecting">\#(PreviewMessage.connecting.text(in: .en))</span>
          <div class="tools">
            <div class="group" role="group" \#(label(.zoom))>
              <button type="button" id="zoom-out" \#(title(.zoomOut))>−</button>
              <button type="button" id="zoom-actual" \#(title(.actualSize))>100%</button>
              <button type="button" id="zoom-in" \#(title(.zoomIn))>+</button>
              <button type="button" id="zoom-fit" \#(title(.fitTitle)) \#(text(.fit))</button>
            </div>
            <label class="theme"><span \#(text(.theme))</span> <select id="theme">\#(options)</select></label>
            <div class="group downloads" role="group" \#(label(.download))>
              <a class="button" id="download-svg" href="/download/\#(index).svg" download>SVG</a>
              <a class="button" id="download-png" href="/download/\#(index).png" download>PNG</a>
              <a class="button" id="download-pdf" href="/download/\#(index).pdf" download>PDF</a>
            </div>
          </div>
        </header>
        <section id="problems" class="problems" hidden aria-live="polite">
          <p id="problem" class="problem" hidden></p>
          <ul id="diagnostics" class="diagnostics"></ul>
        </section>
        <div class="workspace">
          <main id="viewport" class="viewport" tabindex="0" \#(label(.diagramLabel))>
            <div id="canvas" class="canvas"></div>
            <p id="placeholder" class="placeholder">\#(PreviewMessage.loading.text(in: .en))</p>
          </main>
          <aside id="panel" class="panel" hidden aria-live="polite">
            <button type="button" id="panel-close" class="close" \#(title(.close))>×</button>
            <div id="panel-body"></div>
          </aside>
        </div>
        </body>
        </html>
        """#
    }

    /// The list of previewed files, each with what its analysis found.
    /// In the files' language when they share one, else in English.
    static func indexPage(_ entries: [IndexEntry]) -> String {
        let languages = Set(entries.map(\.language))
        let language = languages.count == 1 ? languages.first! : .en
        func text(_ word: PreviewMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
            escaped(word.text(in: language, arguments))
        }
        let rows = entries.map { entry in
            let promises: String
            let kept = #"<span class="pill kept">\#(text(.keptCount, ["count": .number(entry.keptPromises)]))</span>"#
            switch (entry.keptPromises, entry.unkeptPromises) {
            case (0, 0): promises = #"<span class="muted">\#(text(.none))</span>"#
            case (_, 0): promises = kept
            case (let keptCount, let unkept):
                promises = (keptCount > 0 ? kept + " " : "")
                    + #"<span class="pill broken">\#(text(.notKeptCount, ["count": .number(unkept)]))</span>"#
            }
            let title = entry.title.map(escaped) ?? #"<span class="muted">\#(text(.untitled))</span>"#
            let problem = entry.problem.map { #"<div class="problem">\#(escaped($0))</div>"# } ?? ""
            return #"""
              <tr>
                <td><a href="/file/\#(entry.index)">\#(title)</a><div class="path">\#(escaped(entry.path))</div>\#(problem)</td>
                <td class="number">\#(entry.stepCount.map(String.init) ?? "–")</td>
                <td class="number\#(entry.errorCount > 0 ? " error" : "")">\#(entry.errorCount)</td>
                <td class="number\#(entry.warningCount > 0 ? " warning" : "")">\#(entry.warningCount)</td>
                <td>\#(promises)</td>
              </tr>
            """#
        }.joined(separator: "\n")
        return head(title: PreviewMessage.previewTitle.text(in: language), language: language) + #"""
        <body class="index-page">
        <header class="toolbar"><div class="heading"><h1>\#(text(.blueprints))</h1>
          <span class="path">\#(text(.filesHint, ["count": .number(entries.count)]))</span></div></header>
        <main class="index">
        <table>
          <thead><tr><th>\#(text(.blueprint))</th><th class="number">\#(text(.steps))</th><th class="number">\#(text(.errors))</th><th class="number">\#(text(.warnings))</th><th>\#(text(.promises))</th></tr></thead>
          <tbody>
        \#(rows)
          </tbody>
        </table>
        </main>
        </body>
        </html>
        """#
    }

    private static func head(title: String, language: MessageLanguage = .en) -> String {
        #"""
        <!doctype html>
        <html lang="\#(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\#(escaped(title))</title>
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/assets/preview.css">
        <script src="/assets/preview.js" defer></script>
        </head>

        """#
    }

    static func escaped(_ text: String) -> String {
        XMLText.escaped(text, apostrophes: true)
    }

    /// Five lane bands: the diagram in miniature.
    static let icon = #"""
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f3a5f"/>\#
    <rect x="5" y="6" width="22" height="3" rx="1" fill="#f2c14e"/><rect x="5" y="11" width="22" height="3" rx="1" fill="#9cc3f5"/>\#
    <rect x="5" y="16" width="22" height="3" rx="1" fill="#cfe3fa"/><rect x="5" y="21" width="22" height="3" rx="1" fill="#9cc3f5"/>\#
    <rect x="5" y="26" width="22" height="1.5" rx=".75" fill="#cfe3fa"/></svg>
    """#
}
