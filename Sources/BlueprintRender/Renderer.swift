import BlueprintAnalysis
import BlueprintCapacity
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import Foundation
import GraphvizBridge

public enum RenderFormat: String, CaseIterable, Sendable {
    case svg, png, pdf
    /// The graph handed to Graphviz, as DOT text: `dot -Tsvg` on it draws the same diagram.
    case dot
}

public struct RenderOptions: Sendable, Hashable {
    public var format: RenderFormat
    public var theme: RenderTheme
    /// Put before every `id` of an SVG, and every reference to one, so two diagrams can share an HTML
    /// page. Letters, digits, `_`, `-` and `.`, starting with a letter or `_`.
    public var idPrefix: String
    public var notes: NotesPlacement
    /// The font family every label is set in, and measured in; nil sets a blueprint in the Noto Sans
    /// CJK face of its language (Traditional Chinese in TC, Simplified Chinese and English in SC).
    public var fontFamily: String?
    /// What a compare drawing marks (`blueprint render --compare`); nil draws the blueprint alone.
    public var changes: ChangeMarks?

    public init(
        format: RenderFormat = .svg, theme: RenderTheme = .light, idPrefix: String = "", notes: NotesPlacement = .panel,
        fontFamily: String? = nil, changes: ChangeMarks? = nil
    ) {
        self.format = format
        self.theme = theme
        self.idPrefix = idPrefix
        self.notes = notes
        self.fontFamily = fontFamily
        self.changes = changes
    }
}

/// A rendered diagram and what Graphviz warned about while drawing it.
public struct RenderOutput: Sendable, Hashable {
    public var bytes: [UInt8]
    /// Graphviz's warnings, for the caller to show; the renderer never prints.
    public var warnings: [String]
}

public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Renders blueprints as service-blueprint diagrams through Graphviz, in-process.
///
/// The layout is computed here (lanes as rows, phases as columns, steps in slots by flow order) and
/// pinned, and the edges are routed along the free channels between the boxes; text is measured with
/// the real font as Graphviz measures it, and Graphviz (layout `nop2`) draws, or the bridge prints its
/// SVG. Safe to call from any thread; Graphviz calls are serialised by the bridge.
public enum Renderer {
    /// Starts loading pango on another thread: a process that is about to draw calls it first, so that
    /// the loading overlaps reading and checking the input. Then ``prepare(locale:fontFamily:format:)``.
    ///
    /// `measurementCache` is the path of a file where the sizes of text measured are kept from one
    /// process to the next (a file that is missing, damaged or out of date is replaced); while it
    /// holds a drawing's text, pango is not loaded at all.
    public static func prepare(measurementCache: String? = nil) {
        Graphviz.prepare(measurementCache: measurementCache.map(measurementStorage(at:)))
    }

    /// The measurement cache's file at `path`, in a folder made for it that only its owner may read.
    /// A FIFO or device there is not waited on, and the file is replaced by a rename, so a process
    /// reading it meanwhile sees the old file or the new one.
    private static func measurementStorage(at path: String) -> MeasurementStorage {
        MeasurementStorage(
            read: { try? readBytes(path, limit: maximumMeasurementCacheBytes, regularFileOnly: true) },
            write: { bytes in
                let folder = (path as NSString).deletingLastPathComponent
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                         attributes: [.posixPermissions: 0o700])
                try? writeAtomically(bytes, toFile: path, named: path, syncing: false)
            })
    }

    /// Far above the file of the most sizes the cache keeps (20,000 take well under a megabyte), and
    /// low enough that a damaged file costs little memory.
    private static let maximumMeasurementCacheBytes = 16 << 20

    /// Names the typeface the drawing is set in once the blueprint's locale is known (its syntax tree
    /// has it, before the checks and simulations that follow), for the loading `prepare` started;
    /// `format` PNG or PDF has Graphviz's plugins loaded there too, as Graphviz draws them.
    public static func prepare(locale: BlueprintLocale, fontFamily: String?, format: RenderFormat = .svg) {
        let typeface = Typeface.of(fontFamily: fontFamily, locale: locale)
        Graphviz.prepare(fonts: TextStyles.inEveryDrawing.map { (typeface.fontName(of: $0), $0.size) },
                         graphvizDraws: format == .png || format == .pdf)
    }

    /// Draws `analysed`, marked as a draft when `draft` is set; a `session` shared by the calls of a
    /// batch saves measuring the same text again.
    static func render(
        _ analysed: AnalysedBlueprint, options: RenderOptions, draft: DraftMarks? = nil, session: RenderSession?
    ) throws(RenderError) -> RenderOutput {
        try checkIDPrefix(options.idPrefix)
        try checkFontFamily(options.fontFamily)
        // From here on, every string is one Graphviz and SVG can take.
        let shown = analysed.replacingBlueprint(analysed.blueprint.withRemovedSteps(of: options.changes).displayable())
        let blueprint = shown.blueprint
        var diagram: (graph: GraphvizGraph, size: Size, linesAhead: MeasuredLines?)
        do {
            diagram = try diagramGraph(shown, options: options, draft: draft, session: session, measuringLinesAhead: options.format == .svg)
        } catch {
            throw graphvizFailure(error)
        }
        if options.format == .png { try checkFitsBitmap(diagram.size, dpi: pngResolution) }
        do {
            var warnings: [String] = []
            let bytes: [UInt8]
            switch options.format {
            case .dot:
                bytes = Array(try Graphviz.dotSource(diagram.graph, layout: layoutEngine).utf8)
            case .svg:
                let output = try Graphviz.render(diagram.graph, layout: layoutEngine, format: "svg", linesAhead: diagram.linesAhead)
                warnings += output.warnings
                bytes = SVGFinishing(blueprint: blueprint, idPrefix: options.idPrefix, typeface: Typeface.of(options, locale: blueprint.locale))
                    .finish(output.bytes)
            case .png:
                diagram.graph.attributes["dpi"] = .raw(number(pngResolution))
                let output = try Graphviz.render(diagram.graph, layout: layoutEngine, format: "png")
                warnings += output.warnings
                bytes = output.bytes
            case .pdf:
                let output = try Graphviz.render(diagram.graph, layout: layoutEngine, format: "pdf")
                warnings += output.warnings
                bytes = withFixedCreationDate(output.bytes)
            }
            return RenderOutput(bytes: bytes, warnings: shownWarnings(warnings))
        } catch {
            throw graphvizFailure(error)
        }
    }

    /// A family name goes into the SVG's `font-family` attributes as it is: letters, digits, spaces,
    /// `-`, `_` and `.` only.
    static func checkFontFamily(_ family: String?) throws(RenderError) {
        guard let family else { return }
        let allowed = family.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || " -_.".unicodeScalars.contains($0) }
        guard allowed, !family.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RenderError(message: "invalid font family '\(family)': use letters, digits, spaces, '-', '_' and '.'")
        }
    }

    static func checkIDPrefix(_ prefix: String) throws(RenderError) {
        guard prefix.isEmpty || SVGFinishing.isValidIDPrefix(prefix) else {
            throw RenderError(message: "invalid id prefix '\(prefix)': use letters, digits, '_', '-' "
                + "and '.', starting with a letter or '_'")
        }
    }

    static func graphvizFailure(_ error: GraphvizError) -> RenderError {
        RenderError(message: "Graphviz failed: \(error.description)")
    }

    /// Twice the resolution of Graphviz's 72 dpi default, so text stays sharp when zoomed or printed.
    static let pngResolution = 144.0
    /// cairo makes no bitmap wider or taller than this; Graphviz would scale a larger drawing down to
    /// fit, which leaves an unreadable sliver of a wide diagram.
    static let largestBitmapSide = 32_767

    /// Refuses a PNG that cairo could not draw at full size. `size` is the drawing without its pad.
    static func checkFitsBitmap(_ size: Size, dpi: Double) throws(RenderError) {
        let scale = dpi / 72
        let width = Int(((size.width + 2 * Spacing.pad) * scale).rounded(.up))
        let height = Int(((size.height + 2 * Spacing.pad) * scale).rounded(.up))
        guard width >= largestBitmapSide || height >= largestBitmapSide else { return }
        throw RenderError(message: "the diagram would be \(width) × \(height) pixels as PNG, more than the "
            + "\(largestBitmapSide) pixels a side that cairo can draw; use --format svg or pdf, which have no such limit, "
            + "or --page to print it on pages")
    }

    /// Whether `prefix` can start every id of an SVG: letters, digits, `_`, `-` and `.`, starting with a
    /// letter or `_`.
    public static func isValidIDPrefix(_ prefix: String) -> Bool { SVGFinishing.isValidIDPrefix(prefix) }

    /// Graphviz's `neato -n2`: nodes stay where they are pinned and edges keep the curves they are given.
    static let layoutEngine = "nop2"

    /// The measured, laid-out graph of a blueprint; with `measuringLinesAhead`, the lines of its labels
    /// are measured on another thread while it is laid out, for Graphviz's SVG to find them measured.
    static func diagramGraph(
        _ analysed: AnalysedBlueprint, options: RenderOptions, draft: DraftMarks? = nil, session: RenderSession? = nil,
        measuringLinesAhead: Bool = false
    ) throws(GraphvizError) -> (graph: GraphvizGraph, size: Size, linesAhead: MeasuredLines?) {
        let content = DiagramContent(
            analysed.blueprint, promises: analysed.promises, capacity: stepCapacity(analysed), theme: options.theme,
            typeface: Typeface.of(options, locale: analysed.blueprint.locale), notes: options.notes, changes: options.changes, draft: draft)
        let metrics = try TextMetrics.measure(content.textRequest(), in: content.typeface, session: session)
        var linesAhead: MeasuredLines?
        let diagram = laidOutGraph(content, blueprint: analysed.blueprint, metrics: metrics) { wrapper in
            guard measuringLinesAhead else { return }
            linesAhead = Graphviz.measureAhead(wrapper.linesSoFar.map { style, lines in
                (name: content.typeface.fontName(of: style), size: style.size, texts: Array(lines))
            })
        }
        return (diagram.graph, diagram.size, linesAhead)
    }

    /// The capacity figures of each step by id, for its badges: worked out on the whole blueprint, as
    /// a page's steps are visited as often as in the whole. Empty without `demand`.
    static func stepCapacity(_ analysed: AnalysedBlueprint) -> [String: StepCapacity] {
        guard analysed.blueprint.demandPerHour != nil else { return [:] }
        let figures = CapacityAnalysis(analysed, simulates: { _ in false }).steps
        return Dictionary(zip(analysed.blueprint.steps.map(\.id), figures), uniquingKeysWith: { first, _ in first })
    }

    /// The graph of `content` laid out with words of the widths `metrics` gives: everything of a
    /// render before Graphviz draws, without a call into Graphviz (the fuzzer gives estimates).
    static func laidOutGraph(
        _ content: DiagramContent, blueprint: Blueprint, metrics: TextMetrics, afterFirstLayout: (TextWrapper) -> Void = { _ in }
    ) -> (graph: GraphvizGraph, size: Size) {
        let laidOut = laidOut(content, blueprint: blueprint, metrics: metrics, afterFirstLayout: afterFirstLayout)
        return (laidOut.graph(), Size(width: laidOut.layout.width, height: laidOut.layout.height))
    }

    /// Where everything of `analysed` goes, measured with the real font as a drawing would be.
    static func geometry(_ analysed: AnalysedBlueprint, options: RenderOptions, session: RenderSession?) throws(RenderError) -> DiagramGeometry {
        try checkFontFamily(options.fontFamily)
        let shown = analysed.replacingBlueprint(analysed.blueprint.withRemovedSteps(of: options.changes).displayable())
        let content = DiagramContent(
            shown.blueprint, promises: shown.promises, capacity: stepCapacity(analysed), theme: options.theme,
            typeface: Typeface.of(options, locale: shown.blueprint.locale), notes: options.notes, changes: options.changes)
        do {
            let metrics = try TextMetrics.measure(content.textRequest(), in: content.typeface, session: session)
            return laidOut(content, blueprint: shown.blueprint, metrics: metrics).geometry()
        } catch {
            throw graphvizFailure(error)
        }
    }

    /// Where the legend goes.
    enum LegendPlacement {
        /// Beside the title block where it fits there without making the band taller, else under the lanes.
        case fitting
        /// Under the lanes, across the whole width.
        case underLanes
    }

    /// The measured, laid-out diagram, ready to become a graph or a geometry. When arrows of the first
    /// layout leave the bands of lanes between their ends, the steps are placed again with free slots
    /// beside theirs for chips, and every arrow is kept to its band, those arrows drawn as connectors
    /// where the slots allow. The connectors that then still put a chip above or below a step (in a
    /// lane their arrow joins) get slots beside their steps too, and the drawing is made again with
    /// every chip in its own step's lane. Slots kept that no chip took are then given back, unless
    /// that makes arrows cross more (counted only where the search for fewer crossings runs: counting
    /// is what takes the time in a drawing of thousands of links).
    ///
    /// `afterFirstLayout` is called once the first layout is made, with the wrapper that broke its text
    /// (nearly every line the drawing will have): after it rather than before, as its two searches for
    /// fewer crossings run at once.
    static func laidOut(
        _ content: DiagramContent, blueprint: Blueprint, metrics: TextMetrics, legend placement: LegendPlacement = .fitting,
        afterFirstLayout: (TextWrapper) -> Void = { _ in }
    ) -> DiagramGraph {
        let wrapper = TextWrapper(metrics: metrics)
        let first = laidOut(content, slots: content.slots, bands: .mayLeave, blueprint: blueprint, wrapper: wrapper, legend: placement)
        afterFirstLayout(wrapper)
        let router = first.diagram.router, leaving = router.linksLeavingTheirBands
        guard !leaving.isEmpty else { return first }
        var room = router.chipRoom(for: leaving), connectors = leaving
        var second = laidOut(
            content, slots: SlotAssignment(blueprint, chipRoom: room),
            bands: .keep(connectorsBesideTheirSteps: connectors, chips: .inBand), blueprint: blueprint, wrapper: wrapper, legend: placement)
        let aside = second.diagram.router.connectorsWithChipsAboveOrBelow
        if !aside.isEmpty {
            room.merge(second.diagram.router.chipRoom(for: aside)) { $0.union($1) }
            let known = Set(connectors)
            connectors += aside.filter { !known.contains($0) }
            second = laidOut(
                content, slots: SlotAssignment(blueprint, chipRoom: room),
                bands: .keep(connectorsBesideTheirSteps: connectors, chips: .ownLane), blueprint: blueprint, wrapper: wrapper,
                legend: placement)
        }
        let taken = second.diagram.router.chipRoomTaken(from: room)
        guard taken.room != room else { return second }
        let third = laidOut(
            content, slots: SlotAssignment(blueprint, chipRoom: taken.room),
            bands: .keep(connectorsBesideTheirSteps: taken.connectors, chips: .ownLane), blueprint: blueprint, wrapper: wrapper,
            legend: placement)
        guard router.links.count <= EdgeRouter.crossingSearchLimit else { return third }
        return third.diagram.router.crossingCost <= second.diagram.router.crossingCost ? third : second
    }

    private static func laidOut(
        _ content: DiagramContent, slots: SlotAssignment, bands: EdgeRouter.BandRule, blueprint: Blueprint, wrapper: TextWrapper,
        legend placement: LegendPlacement
    ) -> DiagramGraph {
        let titles = WrappedTitles(content, wrapper: wrapper, slotCounts: slots.slotCounts)
        let columns = ColumnLayout(
            slotCounts: slots.slotCounts, titleColumnWidth: titles.titleColumnWidth, phaseTitleWidths: titles.phaseWidths)
        let titleBlock = content.titleBlock.arranged(wrapper, width: columns.contentWidth)
        // The legend shares the top band with the title block where it fits there without making the
        // band taller; else it goes under the lanes, across the whole width.
        let besideWidth = columns.contentWidth - titleBlock.size.width - Spacing.legendBesideGap
        let legendBeside = content.legend.arranged(wrapper, width: besideWidth)
        let legendFitsBeside = placement == .fitting && besideWidth > 0 && legendBeside.size.width <= besideWidth
            && legendBeside.size.height <= titleBlock.size.height
        let legend = legendFitsBeside ? legendBeside : content.legend.arranged(wrapper, width: columns.contentWidth)
        let notes = content.notes?.arranged(wrapper, width: columns.contentWidth)
        let cards = (content.stepCards(placedBy: slots) + content.evidence).map { $0.wrapped(wrapper) }
        let sizes = MeasuredSizes(
            stepHeights: cards.prefix(content.steps.count).map(\.height),
            evidenceHeights: cards.dropFirst(content.steps.count).map(\.height),
            laneTitles: titles.lanes.mapValues { Double($0.count) * TextStyles.laneTitle.lineHeight },
            lineTitleLines: titles.lines.mapValues(\.count),
            phaseHeader: Double(titles.phases.map(\.count).max() ?? 1) * TextStyles.phaseTitle.lineHeight
                + 2 * Spacing.phaseHeaderPadding,
            titleBlock: titleBlock.size,
            legend: legend.size,
            legendBesideTitleBlock: legendFitsBeside,
            notes: notes?.size)
        let diagram = PositionedDiagram(
            columns: columns, slots: slots, stepLanes: blueprint.steps.map(\.lane), sizes: sizes,
            links: PositionedDiagram.links(of: blueprint), bands: bands)
        return DiagramGraph(
            content: content, diagram: diagram, wrapper: wrapper,
            steps: Array(cards.prefix(content.steps.count)), evidence: Array(cards.dropFirst(content.steps.count)),
            titleBlock: titleBlock, legend: legend, notes: notes, titles: titles)
    }

    /// cairo stamps a PDF with the time it was made; the epoch, written over it digit for digit so
    /// every byte offset in the file stays valid, makes the same input give the same bytes.
    static func withFixedCreationDate(_ pdf: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (D:".utf8)
        guard let range = pdf.firstRange(of: key) else { return pdf }
        var fixed = pdf
        var index = range.upperBound
        for digit in "19700101000000".utf8 {
            guard index < fixed.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(fixed[index]) else { break }
            fixed[index] = digit
            index += 1
        }
        return fixed
    }

    /// Graphviz's warnings worth showing, each once. Boxes are sized from text measured word by word,
    /// and pango may set a line of emoji a little wider than its words add up to: Graphviz then warns
    /// that the node is "too small for label", though nothing is lost, so that warning is dropped.
    static func shownWarnings(_ warnings: [String]) -> [String] {
        var seen = Set<String>()
        return warnings.filter { !$0.hasSuffix("size too small for label") && seen.insert($0).inserted }
    }
}

/// Lane, line and phase titles broken into lines once, so the sizes computed from them and the
/// drawing agree.
struct WrappedTitles {
    var lanes: [Lane: [String]]
    var lines: [BlueprintLine: [String]]
    var phases: [[String]]
    var titleColumnWidth: Double
    /// Width of each phase's widest title line.
    var phaseWidths: [Double]

    init(_ content: DiagramContent, wrapper: TextWrapper, slotCounts: [Int]) {
        let titleWidth = Spacing.laneTitleMaxWidth - 2 * Spacing.laneTitleInset
        lanes = content.laneTitles.mapValues { wrapper.lines(of: $0, style: TextStyles.laneTitle, maxWidth: titleWidth) }
        lines = content.lineTitles.mapValues { wrapper.lines(of: $0, style: TextStyles.lineTitle, maxWidth: titleWidth) }
        let widest = max(
            lanes.values.map { wrapper.width(of: $0, style: TextStyles.laneTitle) }.max() ?? 0,
            lines.values.map { wrapper.width(of: $0, style: TextStyles.lineTitle) }.max() ?? 0)
        titleColumnWidth = min(max(widest + 2 * Spacing.laneTitleInset, Spacing.laneTitleMinWidth), Spacing.laneTitleMaxWidth)
        phases = zip(content.phaseTitles, slotCounts).map { title, slots in
            let room = Double(max(slots, 2)) * Spacing.slotWidth - 4 * Spacing.phaseHeaderPadding
            return wrapper.lines(of: title, style: TextStyles.phaseTitle, maxWidth: room)
        }
        phaseWidths = phases.map { wrapper.width(of: $0, style: TextStyles.phaseTitle) }
    }
}
