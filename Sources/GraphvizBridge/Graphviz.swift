internal import Foundation

/// Graphviz, called in-process through its C libraries.
///
/// Every function is synchronous and safe to call from any thread: calls are serialised process-wide,
/// because cgraph and gvc are not thread-safe. For parallel batches, use worker processes.
///
/// `layout` names a Graphviz engine (`dot`, `neato`, `nop`…). It is also stored as the graph's `layout`
/// attribute, so the DOT text from ``dotSource(_:layout:)`` selects the same engine when run through
/// the `dot` command. With `nop` (Graphviz's `neato -n`), every node needs a `pos` in points; edges are
/// routed as the `splines` attribute says (`true` routes curves around the boxes; `curved` crashes
/// Graphviz 2.42 with `nop`). `nop2` (`neato -n2`) also keeps the curve of every edge that has a `pos`.
package enum Graphviz {
    /// Signalled once by each `prepare` when its loading is done.
    private static let preparations = DispatchSemaphore(value: 0)
    /// The fonts `prepare` loads once the plugins are in, as `prepare(fonts:)` names them.
    private static let preparedFonts = PreparedFonts()

    /// Lays `graph` out with `layout` and renders it to `format`: any `-T` format of `dot`, such as
    /// `svg`, `png` (drawn by cairo) or `pdf`, optionally with a plugin (`png:cairo`).
    /// `linesAhead`, from ``measureAhead(_:)``, holds label lines already measured.
    package static func render(
        _ graph: GraphvizGraph, layout: String, format: String, linesAhead: MeasuredLines? = nil
    ) throws(GraphvizError) -> GraphvizOutput {
        if format == "svg", layout == "nop2", let output = try placedSVG(graph, linesAhead: linesAhead) {
            return output
        }
        // Graphviz measures its own lines: a measuring not yet begun is not begun.
        linesAhead?.withdraw()
        return try renderByGraphviz(graph, layout: layout, format: format)
    }

    /// ``render(_:layout:format:linesAhead:)`` done by Graphviz itself, every format and layout: what the SVG
    /// written without it is held to, byte for byte.
    package static func renderByGraphviz(_ graph: GraphvizGraph, layout: String, format: String)
        throws(GraphvizError) -> GraphvizOutput
    {
        try withLaidOut(graph, engine: layout) { job, cgraph throws(GraphvizError) in
            GraphvizOutput(bytes: try job.render(cgraph, format: format), warnings: job.warnings)
        }
    }

    /// The SVG Graphviz would write for `graph`, placed by the caller and drawn with `nop2`, written
    /// without Graphviz but for measuring the label lines; nil when `PlacedGraphSVG` does not cover it.
    private static func placedSVG(_ graph: GraphvizGraph, linesAhead: MeasuredLines?) throws(GraphvizError) -> GraphvizOutput? {
        guard var placed = PlacedGraphSVG(graph) else { return nil }
        let lines = placed.linesToMeasure
        let measuring = try GraphvizGate.shared.run { job in
            var sizes = linesAhead?.take() ?? [:]
            for (font, texts) in lines { job.measure(texts, in: font, into: &sizes) }
            return (sizes: sizes, warned: !job.warnings.isEmpty)
        }
        // Warnings while measuring (a font not found) come in an order of Graphviz's own: it draws.
        guard !measuring.warned else { return nil }
        return placed.svg(measured: measuring.sizes)
    }

    /// Measures label lines on a queue of its own and returns at once, for
    /// ``render(_:layout:format:linesAhead:)`` to find measured: a drawing knows most of its lines once
    /// it is first laid out, and the rest of its layout then takes longer than measuring them. Measuring
    /// is Graphviz's, one line at a time, so a line measured ahead is the size it would be after.
    package static func measureAhead(_ lines: [MeasuredLines.Font]) -> MeasuredLines {
        let measured = MeasuredLines()
        aheadQueue.async {
            _ = try? GraphvizGate.shared.run { job in measured.measure(lines, with: job) }
        }
        return measured
    }

    /// One queue for every measuring ahead, rather than a thread started for each drawing: a process
    /// that draws often (the preview, a batch) reuses its thread and the memory pango keeps with it.
    private static let aheadQueue = DispatchQueue(label: "blueprint.graphviz.measure-ahead")

    /// Lays `graph` out with `layout` and reports each node's final size and position, for callers that
    /// measure labels with real fonts before placing nodes themselves. To measure a label alone, give
    /// the node `margin=0`, `width=0`, `height=0` (and `fixedsize=false`, the default).
    package static func layout(_ graph: GraphvizGraph, layout: String) throws(GraphvizError) -> GraphvizLayoutResult {
        try withLaidOut(graph, engine: layout) { job, cgraph throws(GraphvizError) in
            try job.readGeometry(of: graph, in: cgraph)
        }
    }

    /// The width in points of each of `texts`, each one line set in `fontName` at `size` points,
    /// measured as Graphviz measures the text of a label: with the real font through pango when its
    /// plugin is installed. Much cheaper than laying out a node for each text.
    package static func textWidths(_ texts: [String], fontName: String, size: Double) throws(GraphvizError) -> [Double] {
        // The drawing's own measuring goes first: a preparation still loading fonts stops after the one
        // it is on.
        preparedFonts.stop()
        return try GraphvizGate.shared.run { job in job.textWidths(texts, fontName: fontName, size: size) }
    }

    /// Loads Graphviz's plugins and fontconfig's configuration on a thread of their own and returns at
    /// once, so that a process about to draw pays for them while it reads and checks its input; then,
    /// once ``prepare(fonts:)`` names the fonts the drawing is set in, those, until the drawing measures
    /// its own text. Calls made meanwhile wait for it at the gate; a failure is left for them to meet.
    package static func prepare() {
        // A process that exits meanwhile (a usage error, no files) waits for the loading first: the
        // libraries' exit-time clean-up must not run under a thread still using them. Fonts not named
        // by then are not loaded.
        atexit {
            Graphviz.preparedFonts.stop()
            _ = Graphviz.preparations.wait(timeout: .now() + 2)
        }
        Thread.detachNewThread {
            _ = try? GraphvizGate.shared.run { _ in }
            while let font = preparedFonts.next() {
                _ = try? GraphvizGate.shared.run { job in job.textWidths(["x"], fontName: font.name, size: font.size) }
            }
            Graphviz.preparations.signal()
        }
    }

    /// Names the fonts of the drawing `prepare` loads Graphviz for (name and size, the likeliest first),
    /// as soon as the caller knows them: a blueprint's locale is in its first lines, and its checks and
    /// simulations take a while after. Each font set takes a millisecond or so to make; one made for a
    /// guess the drawing does not use is made for nothing. The first list named counts.
    package static func prepare(fonts: [(name: String, size: Double)]) {
        preparedFonts.name(fonts)
    }

    /// The DOT text that ``render(_:layout:format:)`` reads and lays out; so `dot -Tsvg` on it gives
    /// the same bytes as `render` to `svg`.
    package static func dotSource(_ graph: GraphvizGraph, layout: String) throws(GraphvizError) -> String {
        try GraphvizGate.shared.run { job throws(GraphvizError) in
            try job.dotText(for: graph, engine: layout)
        }
    }

    /// Writes `graph` as DOT, reads it back, lays it out with `engine` and hands it to `body`.
    private static func withLaidOut<Result>(
        _ graph: GraphvizGraph, engine: String, _ body: (GraphvizJob, CGraph) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try GraphvizGate.shared.run { job throws(GraphvizError) in
            let dot = try job.dotText(for: graph, engine: engine)
            return try job.withParsedGraph(dot) { cgraph throws(GraphvizError) in
                try job.withLayout(cgraph, engine: engine) { () throws(GraphvizError) in
                    try body(job, cgraph)
                }
            }
        }
    }
}

/// The fonts a preparation loads: named once, by the caller that knows them, and loaded one at a
/// time until the drawing measures its own text or the process ends.
private final class PreparedFonts: @unchecked Sendable {
    // `@unchecked Sendable` is sound because the fields are only touched with `condition` locked.
    private let condition = NSCondition()
    private var fonts: [(name: String, size: Double)]?
    private var loaded = 0
    private var isStopped = false

    func name(_ named: [(name: String, size: Double)]) {
        condition.lock()
        defer { condition.unlock() }
        if fonts == nil { fonts = named }
        condition.broadcast()
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        isStopped = true
        condition.broadcast()
    }

    /// The next font to load, once named; nil once all are or loading stopped.
    func next() -> (name: String, size: Double)? {
        condition.lock()
        defer { condition.unlock() }
        while fonts == nil && !isStopped { condition.wait() }
        guard !isStopped, let fonts, loaded < fonts.count else { return nil }
        loaded += 1
        return fonts[loaded - 1]
    }
}

/// Label lines ``Graphviz/measureAhead(_:)`` measures while the caller lays the drawing out.
package final class MeasuredLines: @unchecked Sendable {
    /// Lines to measure, set in one font at one size.
    package typealias Font = (name: String, size: Double, texts: [String])

    // `@unchecked Sendable` is sound because the fields are only touched with `lock` held.
    private let lock = NSLock()
    private var sizes: LineSizes = [:]
    /// Until the drawing takes them: a thread that starts after that has nothing left to do.
    private var isWanted = true

    fileprivate init() {}

    /// Runs inside the gate. Lines measured with a warning (a font not found) are left for the drawing
    /// to measure: it falls back to Graphviz's own drawing on a warning, as its own measuring sees it.
    fileprivate func measure(_ lines: [Font], with job: GraphvizJob) {
        guard lock.withLock({ isWanted }) else { return }
        var measured: LineSizes = [:]
        for font in lines { job.measure(font.texts, in: FontKey(name: font.name, size: font.size), into: &measured) }
        guard job.warnings.isEmpty else { return }
        lock.withLock { sizes = measured }
    }

    /// What was measured; called inside the gate, so that a measuring is either done or not begun.
    fileprivate func take() -> LineSizes {
        withdraw()
        return lock.withLock { sizes }
    }

    fileprivate func withdraw() {
        lock.withLock { isWanted = false }
    }
}
