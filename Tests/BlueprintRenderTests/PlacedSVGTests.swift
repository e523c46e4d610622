import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
@testable import GraphvizBridge
import Testing

/// An SVG is printed from the placed drawing without Graphviz's layout and renderer. For every kind
/// of diagram the renderer makes, that must be Graphviz's own SVG of the same graph, byte for byte,
/// with the same warnings.
@Suite struct PlacedSVGTests {
    static func expectGraphvizsOwnSVG(_ graph: GraphvizGraph, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(PlacedGraphSVG(graph) != nil, "not covered: Graphviz drew it", sourceLocation: sourceLocation)
        let written = try Graphviz.render(graph, layout: Renderer.layoutEngine, format: "svg")
        let graphviz = try Graphviz.renderByGraphviz(graph, layout: Renderer.layoutEngine, format: "svg")
        let pairs = zip(written.text.split(separator: "\n"), graphviz.text.split(separator: "\n"))
        let firstDifference = pairs.first { $0.0 != $0.1 }
        #expect(written.bytes == graphviz.bytes,
                "\(firstDifference.map { "printed: \($0.0)\nGraphviz: \($0.1)" } ?? "lengths differ")",
                sourceLocation: sourceLocation)
        #expect(written.warnings == graphviz.warnings, sourceLocation: sourceLocation)
    }

    static func expectGraphvizsOwnSVG(
        _ source: String, options: RenderOptions = RenderOptions(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let analysed = AnalysedBlueprint(blueprint(source))
        // As `Renderer.render` draws it: text made displayable first, label lines measured ahead.
        let shown = analysed.replacingBlueprint(analysed.blueprint.displayable())
        let diagram = try Renderer.diagramGraph(shown, options: options, measuringLinesAhead: true)
        try expectGraphvizsOwnSVG(diagram.graph, sourceLocation: sourceLocation)
        let measuredAhead = try Graphviz.render(diagram.graph, layout: Renderer.layoutEngine, format: "svg", linesAhead: diagram.linesAhead)
        let measuredAfter = try Graphviz.render(diagram.graph, layout: Renderer.layoutEngine, format: "svg")
        #expect(measuredAhead == measuredAfter, "lines measured ahead drew another SVG", sourceLocation: sourceLocation)
    }

    @Test(arguments: exampleFiles())
    func exampleIsGraphvizsOwnSVG(file: URL) throws {
        let source = try String(contentsOf: file, encoding: .utf8)
        try Self.expectGraphvizsOwnSVG(source)
        try Self.expectGraphvizsOwnSVG(source, options: RenderOptions(theme: .dark, notes: .tooltip))
    }

    /// Each printed page: a run of phases scaled to the paper.
    @Test(arguments: [PaperSize.a3, .a4])
    func pagesAreGraphvizsOwnSVG(paper: PaperSize) throws {
        let file = try #require(exampleFiles().first { $0.lastPathComponent == "hotel-stay.blueprint" })
        let analysed = AnalysedBlueprint(blueprint(try String(contentsOf: file, encoding: .utf8)))
        let setup = PageSetup(paper: paper)
        let pages = try Renderer.pageGraphs(analysed, options: RenderOptions(), setup: setup, session: RenderSession())
        #expect(pages.count > 1)
        for page in pages {
            var graph = page.graph
            Renderer.fit(&graph, size: page.size, scale: Renderer.fittingScale(of: page.size, on: setup.size),
                              on: setup.size)
            try Self.expectGraphvizsOwnSVG(graph)
        }
    }

    @Test func chineseInBothScriptsIsGraphvizsOwnSVG() throws {
        try Self.expectGraphvizsOwnSVG(chineseClinic)
        try Self.expectGraphvizsOwnSVG(chineseClinic.replacingOccurrences(of: "locale zh-Hans", with: "locale zh-Hant"))
    }

    @Test func specExampleWithMarkedChangesIsGraphvizsOwnSVG() throws {
        try Self.expectGraphvizsOwnSVG(outageRepair)
        let changes = ChangeMarks(
            steps: ["log": .init(kind: .changed, text: "log: takes: 2m → 4m"), "dispatch": .init(kind: .added, text: "dispatch added")],
            flows: [:],
            list: [.init(kind: .changed, text: "log: takes: 2m → 4m"), .init(kind: .removed, text: "customer wait removed")])
        try Self.expectGraphvizsOwnSVG(outageRepair, options: RenderOptions(changes: changes))
    }

    @Test(arguments: [3, 17, 29])
    func generatedShapesAreGraphvizsOwnSVG(seed: UInt64) throws {
        try Self.expectGraphvizsOwnSVG(BlueprintGenerator.routingShapes(seed: seed))
        try Self.expectGraphvizsOwnSVG(BlueprintGenerator.typical(steps: 12 + Int(seed), seed: seed))
    }

    @Test func capacityBadgesAreGraphvizsOwnSVG() throws {
        try Self.expectGraphvizsOwnSVG(BlueprintGenerator.capacity(steps: 8))
    }

    /// Text Graphviz escapes, decodes or runs together its own way: entities, XML characters, runs of
    /// spaces, dashes (which XML comments refuse), backslashes with Graphviz's escapes after them.
    @Test(arguments: [
        "R&D &amp; &lt;tag&gt; &#38; &nbsp;", #"<b>"quoted"</b> 'single'"#, "two  spaces  -- and --- dashes",
        #"C:\\path\\N \\G \\E \\l \\n"#, "顾客 — 「拨打」热线", #"\u{0} control \u{7} bell"#,
    ])
    func awkwardTextIsGraphvizsOwnSVG(text: String) throws {
        try Self.expectGraphvizsOwnSVG(HostileTextTests.everywhere(text))
    }
}
