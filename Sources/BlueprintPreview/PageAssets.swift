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

    /// The page of one blueprint. The script fills it from the event stream.
    static func filePage(index: Int, path: String, theme: String?, showsIndexLink: Bool) -> String {
        let name = (path as NSString).lastPathComponent
        let back = showsIndexLink ? #"<a class="back" href="/" title="All previewed blueprints">All blueprints</a>"# : ""
        let themes = [("auto", "Auto"), ("light", "Light"), ("dark", "Dark"), ("print", "Print")].map { value, title in
            #"<option value="\#(value)"\#(value == (theme ?? "auto") ? " selected" : "")>\#(title)</option>"#
        }.joined()
        return head(title: "\(name) · blueprint preview") + #"""
        <body class="file-page" data-file="\#(index)" data-theme="\#(escaped(theme ?? "auto"))">
        <header class="toolbar">
          \#(back)
          <div class="heading">
            <h1 id="title">\#(escaped(name))</h1>
            <span class="path" id="path">\#(escaped(path))</span>
          </div>
          <span class="connection" id="connection" data-state="connecting">Connecting…</span>
          <div class="tools">
            <div class="group" role="group" aria-label="Zoom">
              <button type="button" id="zoom-out" title="Zoom out (−)">−</button>
              <button type="button" id="zoom-actual" title="Actual size (0)">100%</button>
              <button type="button" id="zoom-in" title="Zoom in (+)">+</button>
              <button type="button" id="zoom-fit" title="Fit the diagram in the window (F)">Fit</button>
            </div>
            <label class="theme">Theme <select id="theme">\#(themes)</select></label>
            <div class="group downloads" role="group" aria-label="Download">
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
          <main id="viewport" class="viewport" tabindex="0" aria-label="Diagram: drag to pan, wheel to zoom">
            <div id="canvas" class="canvas"></div>
            <p id="placeholder" class="placeholder">Loading the diagram…</p>
          </main>
          <aside id="panel" class="panel" hidden aria-live="polite">
            <button type="button" id="panel-close" class="close" title="Close (Esc)">×</button>
            <div id="panel-body"></div>
          </aside>
        </div>
        </body>
        </html>
        """#
    }

    /// The list of previewed files, each with what its analysis found.
    static func indexPage(_ entries: [IndexEntry]) -> String {
        let rows = entries.map { entry in
            let promises: String
            switch (entry.keptPromises, entry.unkeptPromises) {
            case (0, 0): promises = #"<span class="muted">none</span>"#
            case (let kept, 0): promises = #"<span class="pill kept">\#(kept) kept</span>"#
            case (let kept, let unkept):
                promises = (kept > 0 ? #"<span class="pill kept">\#(kept) kept</span> "# : "")
                    + #"<span class="pill broken">\#(unkept) not kept</span>"#
            }
            let title = entry.title.map(escaped) ?? #"<span class="muted">untitled</span>"#
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
        return head(title: "blueprint preview") + #"""
        <body class="index-page">
        <header class="toolbar"><div class="heading"><h1>Blueprints</h1>
          <span class="path">\#(entries.count) files · open one to see it change as you save</span></div></header>
        <main class="index">
        <table>
          <thead><tr><th>Blueprint</th><th class="number">Steps</th><th class="number">Errors</th><th class="number">Warnings</th><th>Promises</th></tr></thead>
          <tbody>
        \#(rows)
          </tbody>
        </table>
        </main>
        </body>
        </html>
        """#
    }

    private static func head(title: String) -> String {
        #"""
        <!doctype html>
        <html lang="en">
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
