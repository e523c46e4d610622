import BlueprintCapacity
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import GraphvizBridge

/// A blueprint drawn on pages of paper.
public struct PagedRenderOutput: Sendable, Hashable {
    /// One file per page for SVG and PNG; one file of every page for PDF; for DOT, one text with the
    /// graph of each page, one after the other.
    public var files: [[UInt8]]
    public var pages: [PrintedPage]
    /// Graphviz's warnings, for the caller to show.
    public var warnings: [String]
}

/// How one page fits its paper.
public struct PrintedPage: Sendable, Hashable {
    /// The size step labels print at, in points.
    public var labelSize: Double
    /// The page's height, not its width, sets its scale: a blueprint this tall needs larger paper,
    /// however it is split.
    public var isLimitedByHeight: Bool
}

extension Renderer {
    /// Draws `blueprint` on pages of `setup`'s paper. It goes on one page when its step labels print
    /// at `PageSetup.smallestLabelSize` or more there; otherwise it is split between phases into as
    /// many pages as that needs. Each page repeats the lanes, the lines and their titles, and a title
    /// block that says which page it is; a flow to or from a step on another page ends at a dashed
    /// chip naming the step and its page. Each page is scaled to fill its paper and centred on it.
    static func render(
        _ analysed: AnalysedBlueprint, options: RenderOptions, page setup: PageSetup, session: RenderSession?
    ) throws(RenderError) -> PagedRenderOutput {
        try checkIDPrefix(options.idPrefix)
        try checkFontFamily(options.fontFamily)
        let shown = analysed.replacingBlueprint(analysed.blueprint.withRemovedSteps(of: options.changes).displayable())
        // Pages measure the same words again and again: one session for all of them.
        let session = session ?? RenderSession()
        let drawn: DrawnPages
        do {
            drawn = try drawPages(shown, options: options, setup: setup, session: session)
        } catch {
            throw graphvizFailure(error)
        }
        var files = drawn.files
        switch options.format {
        case .dot:
            files = [Array(drawn.dot.utf8)]
        case .pdf:
            guard let merged = PDFPages.merge(drawn.pdfPages) else {
                throw RenderError(message: "could not put the \(drawn.pdfPages.count) pages into one PDF: cairo wrote a file this renderer does not read")
            }
            files = [withFixedCreationDate(merged)]
        case .svg, .png:
            break
        }
        return PagedRenderOutput(files: files, pages: drawn.pages, warnings: shownWarnings(drawn.warnings))
    }

    /// What Graphviz drew of each page, before a PDF's pages are put into one file.
    private struct DrawnPages {
        var files: [[UInt8]] = []
        var pdfPages: [[UInt8]] = []
        var dot = ""
        var warnings: [String] = []
        var pages: [PrintedPage] = []
    }

    private static func drawPages(
        _ analysed: AnalysedBlueprint, options: RenderOptions, setup: PageSetup, session: RenderSession
    ) throws(GraphvizError) -> DrawnPages {
        let pages = try pageGraphs(analysed, options: options, setup: setup, session: session)
        let paper = setup.size
        let scales = pages.map { fittingScale(of: $0.size, on: paper) }
        var drawn = DrawnPages()
        for (index, page) in pages.enumerated() {
            var graph = page.graph
            fit(&graph, size: page.size, scale: scales[index], on: paper)
            switch options.format {
            case .dot:
                drawn.dot += try Graphviz.dotSource(graph, layout: layoutEngine)
            case .svg:
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "svg")
                drawn.warnings += output.warnings
                drawn.files.append(SVGFinishing(
                    blueprint: page.blueprint, idPrefix: options.idPrefix, typeface: Typeface.of(options, locale: page.blueprint.locale)
                ).finish(output.bytes))
            case .png:
                graph.attributes["dpi"] = .raw(number(pngResolution))
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "png")
                drawn.warnings += output.warnings
                drawn.files.append(output.bytes)
            case .pdf:
                let output = try Graphviz.render(graph, layout: layoutEngine, format: "pdf")
                drawn.warnings += output.warnings
                drawn.pdfPages.append(output.bytes)
            }
        }
        drawn.pages = zip(pages, scales).map { page, scale in
            PrintedPage(labelSize: scale * TextStyles.stepLabel.size,
                        isLimitedByHeight: paper.height / (page.size.height + 2 * Spacing.pad) <= scale)
        }
        return drawn
    }

    /// The scale at which a drawing of `size` (without its pad) fills `paper`, pad included; never
    /// more than `largestPageScale`, so a small blueprint on a large sheet does not turn into a poster.
    static func fittingScale(of size: Size, on paper: Size) -> Double {
        min(paper.width / (size.width + 2 * Spacing.pad), paper.height / (size.height + 2 * Spacing.pad), largestPageScale)
    }

    static let largestPageScale = 2.0

    /// Graphviz scales the drawing, its pad included, to `size`: a pad that gives the drawing the
    /// paper's proportions at `scale` makes the page exactly the paper, with the drawing centred.
    static func fit(_ graph: inout GraphvizGraph, size: Size, scale: Double, on paper: Size) {
        let padX = (paper.width / scale - size.width) / 2, padY = (paper.height / scale - size.height) / 2
        graph.attributes["size"] = .raw(number(paper.width / 72, precision: 4) + "," + number(paper.height / 72, precision: 4) + "!")
        graph.attributes["pad"] = .raw(number(padX / 72, precision: 4) + "," + number(padY / 72, precision: 4))
        // PDF output would otherwise get half an inch more on every side, beyond the paper.
        graph.attributes["margin"] = "0"
    }

    struct PageGraph {
        var graph: GraphvizGraph
        var size: Size
        var blueprint: Blueprint
        var legendBesideTitleBlock = false
    }

    /// The laid-out graph of every page: the whole blueprint when it fits, else runs of phases, each
    /// as long as fits on the paper with labels at the smallest size allowed, or as the paper's height
    /// allows when even that is too tall.
    static func pageGraphs(
        _ analysed: AnalysedBlueprint, options: RenderOptions, setup: PageSetup, session: RenderSession
    ) throws(GraphvizError) -> [PageGraph] {
        let blueprint = analysed.blueprint
        let paper = setup.size
        let smallestScale = PageSetup.smallestLabelSize / TextStyles.stepLabel.size
        let whole = try diagramGraph(analysed, options: options, session: session)
        if blueprint.phases.count <= 1 || fittingScale(of: whole.size, on: paper) >= smallestScale {
            return [PageGraph(graph: whole.graph, size: whole.size, blueprint: blueprint)]
        }
        let capacity = stepCapacity(analysed)
        func laidOut(_ page: BlueprintPage, legend: LegendPlacement = .fitting) throws(GraphvizError) -> PageGraph {
            // The promises are told once, on the first page.
            let promises = page.context.number == 1 ? analysed.replacingBlueprint(page.blueprint).promises : []
            let content = DiagramContent(
                page.blueprint, promises: promises, capacity: capacity, theme: options.theme, typeface: Typeface.of(options, locale: blueprint.locale),
                notes: options.notes, page: page.context, changes: options.changes)
            let metrics = try TextMetrics.measure(content.textRequest(), in: content.typeface, session: session)
            let drawing = Renderer.laidOut(content, blueprint: page.blueprint, metrics: metrics, legend: legend)
            return PageGraph(graph: drawing.graph(), size: Size(width: drawing.layout.width, height: drawing.layout.height),
                             blueprint: page.blueprint, legendBesideTitleBlock: drawing.layout.legend.minY < drawing.layout.header.minY)
        }
        func fits(_ size: Size) -> Bool {
            let heightScale = paper.height / (size.height + 2 * Spacing.pad)
            return paper.width / (size.width + 2 * Spacing.pad) >= min(smallestScale, heightScale)
        }
        // Phases go on the current page while it fits; the phases not placed yet count as the next
        // page's, for the chips.
        var pageOfPhase: [Int] = []
        let phaseCount = blueprint.phases.count
        var page = 1
        while pageOfPhase.count < phaseCount {
            var end = pageOfPhase.count + 1
            while end < phaseCount {
                let trial = pageOfPhase + Array(repeating: page, count: end + 1 - pageOfPhase.count)
                    + Array(repeating: page + 1, count: phaseCount - end - 1)
                let candidate = try laidOut(blueprint.page(number: page, count: page + 1, pageOfPhase: trial))
                guard fits(candidate.size) else { break }
                end += 1
            }
            pageOfPhase += Array(repeating: page, count: end - pageOfPhase.count)
            page += 1
        }
        let pages = blueprint.pages(pageOfPhase: pageOfPhase)
        var graphs: [PageGraph] = []
        for page in pages { graphs.append(try laidOut(page)) }
        // A narrower page has no room beside its title block for the legend that fits beside a wider
        // one's: a reader turning the pages finds the legend in one place, under the lanes, on all.
        if Set(graphs.map(\.legendBesideTitleBlock)).count > 1 {
            graphs = []
            for page in pages { graphs.append(try laidOut(page, legend: .underLanes)) }
        }
        return graphs
    }
}
