internal import CGraphviz
internal import CGraphvizText
internal import Foundation

/// The one way into libcgraph and libgvc. Both keep process-wide state (error hook and count, string
/// dictionaries, plugin tables) and are not thread-safe, so every call runs inside ``run(_:)``, one job
/// at a time across the whole process.
///
/// `@unchecked Sendable`: `context` and `messages` are only touched while `lock` is held. The error
/// hook writes `messages` without taking the lock because Graphviz only calls it from inside a job.
final class GraphvizGate: @unchecked Sendable {
    static let shared = GraphvizGate()

    private let lock = NSLock()
    /// Made on first use and kept: loading the plugins costs more than most renders.
    private var context: OpaquePointer?
    private var messages = GraphvizMessages()
    /// Whether text is measured and set with unrounded, unhinted advances (see CGraphvizText), once
    /// text was measured: false only without Graphviz's pango plugin, when widths are estimates anyway.
    var setsTextUnrounded: Bool { cgraphviz_text_is_unrounded() == 1 }

    private init() {}

    func run<Result>(_ body: (GraphvizJob) throws(GraphvizError) -> Result) throws(GraphvizError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        messages = GraphvizMessages()
        // The error count is sticky: without a reset, one failed job makes every later one look failed.
        agreseterrors()
        return try body(GraphvizJob(context: try openContext(), gate: self))
    }

    /// Messages Graphviz gave so far in the running job.
    var currentMessages: GraphvizMessages { messages }

    fileprivate func receive(_ fragment: String) {
        messages.append(fragment)
    }

    private func openContext() throws(GraphvizError) -> OpaquePointer {
        if let context { return context }
        agseterrf(receiveGraphvizMessage)
        // Pango and fontconfig's configuration, loaded once for the text lanes and the pango plugin
        // alike (fontconfig read while pango loads): the plugin finds both ready.
        _ = TextLanes.shared.load()
        let loaded = gvContext()
        guard let created = loaded else {
            throw GraphvizError(kind: .unavailable, message: "Graphviz could not create its context")
        }
        guard Self.hasLayoutPlugins(created) else {
            gvFreeContext(created)
            throw GraphvizError(
                kind: .unavailable,
                message: "Graphviz found no layout plugins; its plugin configuration (written by `dot -c`) is missing",
                graphvizErrors: messages.errors,
                graphvizWarnings: messages.warnings
            )
        }
        context = created
        // The plugin's own set-up makes its context unrounded when this process answers the call (see
        // CGraphvizText): an executable that exports its symbols, as one linked with the Swift runtime
        // (`--static-swift-stdlib`, as scripts/install.sh builds) does. Otherwise one measurement
        // changes the context, at the cost of a font set made twice.
        if cgraphviz_interposes_font_options() == 0 {
            _ = withMutableCString("sans") { cgraphviz_with_text_layout(created, $0, cgraphviz_unround_layout_context) }
        }
        return created
    }

    /// Debian's gvContext() finds its plugins only through the `config6a` file the package install writes.
    private static func hasLayoutPlugins(_ context: OpaquePointer) -> Bool {
        var count: Int32 = 0
        guard let list = gvPluginList(context, "layout", &count, nil) else { return false }
        for index in 0..<Int(count) {
            free(list[index])
        }
        free(list)
        return count > 0
    }
}

/// Graphviz's error hook. It must be a plain C function, so it reaches the gate through `shared`.
private func receiveGraphvizMessage(_ fragment: UnsafeMutablePointer<CChar>?) -> Int32 {
    if let fragment {
        GraphvizGate.shared.receive(String(cString: fragment))
    }
    return 0
}

/// Graphviz's messages during one job. The hook gets each message in pieces ("Warning", ": ", then the
/// text ending in a newline), so the pieces are joined and split again into lines.
struct GraphvizMessages {
    private var text = ""

    mutating func append(_ fragment: String) {
        text += fragment
    }

    var errors: [String] { messages(prefixed: "Error: ") }
    var warnings: [String] { messages(prefixed: "Warning: ") }

    /// A line without either prefix continues the message before it (Graphviz's `AGPREV`).
    private func messages(prefixed prefix: String) -> [String] {
        var found: [String] = []
        var continuesFound = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix(prefix) {
                found.append(String(line.dropFirst(prefix.count)))
                continuesFound = true
            } else if line.hasPrefix("Error: ") || line.hasPrefix("Warning: ") {
                continuesFound = false
            } else if continuesFound {
                found[found.count - 1] += "\n" + line
            }
        }
        return found
    }
}
