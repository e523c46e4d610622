import GraphvizBridge
import Testing

@Suite struct LayoutTests {
    @Test func pinnedPositionsAreKept() throws {
        let graph = smallBlueprintGraph()

        let result = try Graphviz.layout(graph, layout: "nop")

        #expect(result.nodes.map(\.name) == graph.nodes.map(\.name))
        #expect(result[node: "call"]?.center == GraphvizPoint(x: 100, y: 400))
        #expect(result[node: "dispatch"]?.center == GraphvizPoint(x: 300, y: 100))
        // Graphviz rounds node sizes to whole points (1.4in = 100.8pt becomes 101pt) and reports them
        // in inches with 5 significant digits.
        let width = try #require(result[node: "call"]).widthPoints
        #expect(abs(width - 101) < 0.01)
    }

    /// Labels are measured with the real font (pango, `fonts-noto-cjk`); Graphviz's own estimate without
    /// pango is 15–18% too wide for CJK.
    @Test func chineseLabelIsAboutOneEmPerCharacter() throws {
        let label = "顾客拨打热线报告停电"
        let fontSize = 14.0

        let width = try laidOutWidth(of: label, fontSize: fontSize)

        let emPerCharacter = width / fontSize / Double(label.count)
        #expect((0.97...1.03).contains(emPerCharacter), "width \(width)pt")
    }

    /// Measuring text directly gives the width a label of that text takes in a layout.
    @Test(arguments: ["Agent logs the fault", "顾客拨打热线报告停电", "★ Moment of truth", "x"])
    func textWidthIsTheWidthOfItsLabel(text: String) throws {
        let laidOut = try laidOutWidth(of: text, fontSize: 10)

        let measured = try Graphviz.textWidths([text], fontName: "Noto Sans CJK SC", size: 10)

        #expect(measured.count == 1)
        #expect(abs(measured[0] - laidOut) < 0.01, "measured \(measured[0])pt, laid out \(laidOut)pt")
    }

    /// The width of a node that is just its label, without margins.
    private func laidOutWidth(of label: String, fontSize: Double) throws -> Double {
        let graph = GraphvizGraph(nodes: [
            GraphvizNode("measure", attributes: [
                "label": .literal(label), "fontname": pinnedFont, "fontsize": .raw("\(fontSize)"),
                "shape": "box", "margin": "0", "width": "0", "height": "0", "pos": "0,0!",
            ])
        ])
        return try #require(try Graphviz.layout(graph, layout: "nop")[node: "measure"]).widthPoints
    }
}
