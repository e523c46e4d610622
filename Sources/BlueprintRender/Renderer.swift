import BlueprintLanguage
import BlueprintModel
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

    public init(format: RenderFormat = .svg, theme: RenderTheme = .light, idPrefix: String = "") {
        self.format = format
        self.theme = theme
        self.idPrefix = idPrefix
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
/// pinned, and the edges are routed along the free channels between the boxes; Graphviz (layout `nop2`)
/// measures text with the real font and draws. Safe to call from any thread; Graphviz calls are
/// serialised by the bridge.
public enum Renderer {
    /// Draws `blueprint`. `promiseChecks` saves computing them again when the caller has linted it;
    /// a `session` shared by the calls of a batch saves measuring the same text again.
    public static func render(
        _ blueprint: Blueprint, promiseChecks: [PromiseCheck]? = nil, options: RenderOptions = RenderOptions(),
        session: RenderSession? = nil
    ) throws(RenderError) -> RenderOutput {
        guard options.idPrefix.isEmpty || SVGFinishing.isValidIDPrefix(options.idPrefix) else {
            throw RenderError(message: "invalid id prefix '\(options.idPrefix)': use letters, digits, '_', '-' "
                + "and '.', starting with a letter or '_'")
        }
        do {
            let checks = promiseChecks ?? blueprint.promises.map(PromiseAnalysis(blueprint).check)
            var (graph, warnings) = try diagramGraph(blueprint, promiseChecks: checks, theme: options.theme, session: session)
            let bytes: [UInt8]
            switch options.format {
            case .dot:
                bytes = Array(try Graphviz.dotSource(graph, layout: layoutEngine).utf8)
            case .svg:
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "svg")
                warnings += output.warnings
                bytes = SVGFinishing(blueprint: blueprint, idPrefix: options.idPrefix).finish(output.bytes)
            case .png:
                // Twice the resolution of Graphviz's 72 dpi default, so text stays sharp when zoomed or printed.
                graph.attributes["dpi"] = "144"
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "png")
                warnings += output.warnings
                bytes = output.bytes
            case .pdf:
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "pdf")
                warnings += output.warnings
                bytes = withFixedCreationDate(output.bytes)
            }
            return RenderOutput(bytes: bytes, warnings: deduplicated(warnings))
        } catch {
            throw RenderError(message: "Graphviz failed: \(error.description)")
        }
    }

    /// Whether `prefix` can start every id of an SVG: letters, digits, `_`, `-` and `.`, starting with a
    /// letter or `_`.
    public static func isValidIDPrefix(_ prefix: String) -> Bool { SVGFinishing.isValidIDPrefix(prefix) }

    /// Graphviz's `neato -n2`: nodes stay where they are pinned and edges keep the curves they are given.
    static let layoutEngine = "nop2"

    /// The measured, laid-out graph of a blueprint, and Graphviz's warnings from measuring it.
    static func diagramGraph(
        _ blueprint: Blueprint, promiseChecks: [PromiseCheck], theme: RenderTheme, session: RenderSession? = nil
    ) throws(GraphvizError) -> (GraphvizGraph, [String]) {
        let content = DiagramContent(blueprint, promiseChecks: promiseChecks, theme: theme)
        let metrics = try TextMetrics.measure(content.textRequest(), session: session)
        let wrapper = TextWrapper(metrics: metrics)
        let slots = SlotAssignment(blueprint)
        let titles = WrappedTitles(content, wrapper: wrapper, slotCounts: slots.slotCounts)
        let columns = ColumnLayout(
            slotCounts: slots.slotCounts, titleColumnWidth: titles.titleColumnWidth, phaseTitleWidths: titles.phaseWidths)
        let titleBlockMarkup = content.titleBlock.markup(wrapper, width: columns.contentWidth)
        let legendMarkup = content.legend.markup(wrapper, width: columns.contentWidth)

        // Second pass: the real height of every box, with its text wrapped and its markers laid out.
        // Boxes of one shape are the same height, so one box of each shape is measured, unless the
        // session knows the shape already.
        var measured = [
            GraphvizNode("title", attributes: ["label": .html(titleBlockMarkup)]),
            GraphvizNode("legend", attributes: ["label": .html(legendMarkup)]),
        ]
        let cards = (content.steps + content.evidence).map { $0.wrapped(wrapper) }
        let cardMarkups = cards.map(\.markup)
        var shapeNodes: [CardShape: Int] = [:]
        let cardShapes = cards.indices.map { index in
            let shape = cards[index].shape
            if shapeNodes[shape] == nil, session?.cardHeight(shape) == nil {
                shapeNodes[shape] = measured.count
                measured.append(GraphvizNode("c\(measured.count)", attributes: ["label": .html(cardMarkups[index])]))
            }
            return shape
        }
        let measurement = try Graphviz.layout(
            GraphvizGraph(name: "measure", nodeDefaults: ["shape": "plain", "fontname": .raw(pinnedFontFamily), "pos": "0,0!"],
                          nodes: measured),
            layout: layoutEngine)
        func size(_ index: Int) -> Size {
            Size(width: measurement.nodes[index].widthPoints, height: measurement.nodes[index].heightPoints)
        }
        for (shape, node) in shapeNodes { session?.remember(measurement.nodes[node].heightPoints, for: shape) }
        let cardHeights = cardShapes.map { shape in
            shapeNodes[shape].map { measurement.nodes[$0].heightPoints } ?? session!.cardHeight(shape)!
        }
        let sizes = MeasuredSizes(
            stepHeights: Array(cardHeights.prefix(content.steps.count)),
            evidenceHeights: Array(cardHeights.dropFirst(content.steps.count)),
            laneTitles: titles.lanes.mapValues { Double($0.count) * TextStyles.laneTitle.lineHeight },
            phaseHeader: Double(titles.phases.map(\.count).max() ?? 1) * TextStyles.phaseTitle.lineHeight
                + 2 * Spacing.phaseHeaderPadding,
            titleBlock: size(0),
            legend: size(1))
        let layout = DiagramLayout(columns: columns, slots: slots, stepLanes: blueprint.steps.map(\.lane), sizes: sizes)
        let graph = DiagramGraph(
            content: content, layout: layout, sizes: sizes, wrapper: wrapper,
            stepMarkups: Array(cardMarkups.prefix(content.steps.count)),
            evidenceMarkups: Array(cardMarkups.dropFirst(content.steps.count)),
            titleBlockMarkup: titleBlockMarkup, legendMarkup: legendMarkup, titles: titles
        ).graph()
        return (graph, measurement.warnings)
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

    private static func deduplicated(_ warnings: [String]) -> [String] {
        var seen = Set<String>()
        return warnings.filter { seen.insert($0).inserted }
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
