internal import Foundation

/// Graphviz, called in-process through its C libraries.
///
/// Every function is synchronous and safe to call from any thread: calls into Graphviz are serialised
/// process-wide, because cgraph and gvc are not thread-safe. Text is measured in `TextLanes`, as
/// Graphviz measures it, beside them.
///
/// `layout` names a Graphviz engine (`dot`, `neato`, `nop`…). It is also stored as the graph's `layout`
/// attribute, so the DOT text from ``dotSource(_:layout:)`` selects the same engine when run through
/// the `dot` command. With `nop` (Graphviz's `neato -n`), every node needs a `pos` in points; edges are
/// routed as the `splines` attribute says (`true` routes curves around the boxes; `curved` crashes
/// Graphviz 2.42 with `nop`). `nop2` (`neato -n2`) also keeps the curve of every edge that has a `pos`.
package enum Graphviz {
    /// Signalled once by each `prepare` when its loading is done.
    private static let preparations = DispatchSemaphore(value: 0)
    /// The fonts `prepare` loads once pango is in, as `prepare(fonts:graphvizDraws:)` names them.
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
    /// without Graphviz but for the lines the lanes leave to it; nil when `PlacedGraphSVG` does not
    /// cover it.
    private static func placedSVG(_ graph: GraphvizGraph, linesAhead: MeasuredLines?) throws(GraphvizError) -> GraphvizOutput? {
        guard var placed = PlacedGraphSVG(graph) else { return nil }
        var sizes = linesAhead?.take() ?? [:]
        // Warnings while measuring (a font not found) come in an order of Graphviz's own: it draws.
        guard try !measure(placed.linesToMeasure, into: &sizes) else { return nil }
        return placed.svg(measured: sizes)
    }

    /// Measures the lines of `lines` that `sizes` lacks into it: by the lanes, and by Graphviz those
    /// the lanes leave to it. Returns whether Graphviz warned while measuring.
    private static func measure(_ lines: [FontKey: [String]], into sizes: inout LineSizes) throws(GraphvizError) -> Bool {
        let left = TextLanes.shared.measure(lines, into: &sizes)
        guard !left.isEmpty else { return false }
        return try GraphvizGate.shared.run { job in
            for (font, texts) in left { job.measure(texts, in: font, into: &sizes) }
            return !job.warnings.isEmpty
        }
    }

    /// Measures label lines on a queue of its own and returns at once, for
    /// ``render(_:layout:format:linesAhead:)`` to find measured: a drawing knows most of its lines once
    /// it is first laid out, and the rest of its layout then takes longer than measuring them. The
    /// lanes measure as Graphviz does, so a line measured ahead is the size it would be after.
    package static func measureAhead(_ lines: [MeasuredLines.Font]) -> MeasuredLines {
        let measured = MeasuredLines()
        aheadQueue.async { measured.measure(lines) }
        return measured
    }

    /// One queue for every measuring ahead, rather than a thread started for each drawing: a process
    /// that draws often (the preview, a batch) reuses its thread.
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
        try textWidths([(fontName, size, texts)])[0]
    }

    /// ``textWidths(_:fontName:size:)`` for several fonts at once, measured side by side.
    package static func textWidths(_ requests: [(fontName: String, size: Double, texts: [String])]) throws(GraphvizError) -> [[Double]] {
        // The drawing's own measuring goes first: a preparation still loading fonts stops after the one
        // it is on.
        preparedFonts.stop()
        var lines: [FontKey: [String]] = [:]
        for request in requests { lines[FontKey(name: request.fontName, size: request.size), default: []] += request.texts }
        var sizes: LineSizes = [:]
        _ = try measure(lines, into: &sizes)
        return requests.map { request in
            let measured = sizes[FontKey(name: request.fontName, size: request.size)] ?? [:]
            return request.texts.map { measured[$0]?.width ?? 0 }
        }
    }

    /// Loads pango and fontconfig's configuration on a thread of its own and returns at once, so that
    /// a process about to draw pays for them while it reads and checks its input; then, once
    /// ``prepare(fonts:graphvizDraws:)`` names the fonts the drawing is set in, those, each lane its own
    /// side by side, until the drawing measures its own text. Calls made meanwhile wait for it at the
    /// lanes; a failure is left for them to meet.
    ///
    /// With `measurementCache`, the file of sizes measured by earlier processes (see
    /// `MeasurementCache`), text is looked up there first, and what the lanes measure is written to it
    /// when the process exits. While the file is current, pango is only loaded for a line it lacks.
    package static func prepare(measurementCache: MeasurementStorage? = nil) {
        let cache = measurementCache.map(MeasurementCache.init(storage:))
        if let cache { TextLanes.shared.use(cache) }
        // A process that exits meanwhile (a usage error, no files) waits for the loading first: the
        // libraries' exit-time clean-up must not run under a thread still using them. Fonts not named
        // by then are not loaded.
        atexit {
            Graphviz.preparedFonts.stop()
            _ = Graphviz.preparations.wait(timeout: .now() + 2)
            TextLanes.shared.saveCache()
        }
        Thread.detachNewThread {
            if cache?.load() != true {
                _ = TextLanes.shared.load()
                DispatchQueue.concurrentPerform(iterations: TextLanes.count) { lane in
                    while let font = preparedFonts.next(inLane: lane) {
                        var sizes: LineSizes = [:]
                        _ = TextLanes.shared.measure([FontKey(name: font.name, size: font.size): ["x"]], into: &sizes)
                    }
                }
            }
            // PNG and PDF are drawn by Graphviz, which sets their text itself.
            if preparedFonts.graphvizDraws { _ = try? GraphvizGate.shared.run { _ in } }
            Graphviz.preparations.signal()
        }
    }

    /// Names the fonts of the drawing `prepare` loads pango for (name and size, the likeliest first),
    /// as soon as the caller knows them: a blueprint's locale is in its first lines, and its checks and
    /// simulations take a while after. Each font set takes a millisecond or so to make; one made for a
    /// guess the drawing does not use is made for nothing. `graphvizDraws` when Graphviz will draw
    /// (PNG, PDF): its plugins are loaded then too. The first list named counts.
    package static func prepare(fonts: [(name: String, size: Double)], graphvizDraws: Bool) {
        preparedFonts.name(fonts, graphvizDraws: graphvizDraws)
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
/// time in each lane until the drawing measures its own text or the process ends.
private final class PreparedFonts: @unchecked Sendable {
    // `@unchecked Sendable` is sound because the fields are only touched with `condition` locked.
    private let condition = NSCondition()
    private var fonts: [(name: String, size: Double)]?
    private var drawnByGraphviz = false
    /// By lane, the fonts it has taken.
    private var taken = Array(repeating: 0, count: TextLanes.count)
    private var isStopped = false

    func name(_ named: [(name: String, size: Double)], graphvizDraws: Bool) {
        condition.lock()
        defer { condition.unlock() }
        if fonts == nil { (fonts, drawnByGraphviz) = (named, graphvizDraws) }
        condition.broadcast()
    }

    func stop() {
        condition.lock()
        defer { condition.unlock() }
        isStopped = true
        condition.broadcast()
    }

    /// Whether Graphviz draws, once the fonts are named; false once loading stopped.
    var graphvizDraws: Bool {
        condition.lock()
        defer { condition.unlock() }
        while fonts == nil && !isStopped { condition.wait() }
        return drawnByGraphviz
    }

    /// The next font `lane` measures, once named; nil once it has all of its own or loading stopped.
    func next(inLane lane: Int) -> (name: String, size: Double)? {
        condition.lock()
        defer { condition.unlock() }
        while fonts == nil && !isStopped { condition.wait() }
        guard !isStopped, let fonts else { return nil }
        let own = fonts.filter { TextLanes.shared.lane(of: $0.name) == lane }
        guard taken[lane] < own.count else { return nil }
        taken[lane] += 1
        return own[taken[lane] - 1]
    }
}

/// Label lines ``Graphviz/measureAhead(_:)`` measures while the caller lays the drawing out.
package final class MeasuredLines: @unchecked Sendable {
    /// Lines to measure, set in one font at one size.
    package typealias Font = (name: String, size: Double, texts: [String])

    // `@unchecked Sendable` is sound because the fields are only touched with `condition` locked.
    private let condition = NSCondition()
    private var sizes: LineSizes = [:]
    private var state = State.waiting

    private enum State {
        case waiting, measuring, done
        /// The drawing took what there was, or Graphviz measures: a measuring not yet begun is not begun.
        case withdrawn
    }

    fileprivate init() {}

    /// The lines the lanes measure; those they leave to Graphviz are left for the drawing, whose own
    /// measuring sees Graphviz's warnings.
    fileprivate func measure(_ lines: [Font]) {
        let begins = condition.withLock {
            guard state == .waiting else { return false }
            state = .measuring
            return true
        }
        guard begins else { return }
        var requested: [FontKey: [String]] = [:]
        for font in lines { requested[FontKey(name: font.name, size: font.size), default: []] += font.texts }
        var measured: LineSizes = [:]
        _ = TextLanes.shared.measure(requested, into: &measured)
        condition.withLock {
            (sizes, state) = (measured, .done)
            condition.broadcast()
        }
    }

    /// What was measured, once a measuring begun is done.
    fileprivate func take() -> LineSizes {
        condition.lock()
        defer { condition.unlock() }
        while state == .measuring { condition.wait() }
        state = .withdrawn
        return sizes
    }

    fileprivate func withdraw() {
        _ = take()
    }
}
