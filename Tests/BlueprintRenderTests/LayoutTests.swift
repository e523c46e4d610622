import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import GraphvizBridge
import Testing

@Suite struct TextWrappingTests {
    /// The wrapped lines of every Chinese label, measured whole by Graphviz with the real font, fit
    /// inside their box.
    @Test func chineseLabelsFitTheirBoxes() throws {
        let content = DiagramContent(blueprint(chineseClinic), promises: [], theme: .light)
        let wrapper = TextWrapper(metrics: try TextMetrics.measure(content.textRequest(), in: content.typeface))
        var lines: [(text: String, size: Double)] = []
        for card in content.steps + content.evidence {
            lines += wrapper.lines(of: card.label, style: card.labelStyle, maxWidth: Card.innerWidth).map { ($0, card.labelStyle.size) }
        }
        #expect(lines.count > content.steps.count + content.evidence.count, "some labels should wrap")
        let graph = GraphvizGraph(
            nodeDefaults: ["shape": "plaintext", "margin": "0", "width": "0", "height": "0", "pos": "0,0!",
                           "fontname": .raw(content.typeface.family)],
            nodes: lines.enumerated().map { index, line in
                GraphvizNode("n\(index)", attributes: ["label": .literal(line.text), "fontsize": .raw(number(line.size))])
            })
        for (line, node) in zip(lines, try Graphviz.layout(graph, layout: "nop").nodes) {
            #expect(node.widthPoints <= Card.innerWidth + 1, "'\(line.text)' is \(node.widthPoints)pt wide")
        }
    }

    @Test func overlongWordsAreCutToFit() throws {
        var request = TextMetrics.Request()
        let word = String(repeating: "x", count: 80)
        request.add(word, style: TextStyles.stepLabel, maxWidth: 100)
        let metrics = try TextMetrics.measure(request, in: .forLocale(.en))
        let lines = TextWrapper(metrics: metrics).lines(of: word, style: TextStyles.stepLabel, maxWidth: 100)
        #expect(lines.count > 1 && lines.joined() == word)
        // A piece is as wide as its letters, which are what was measured.
        let letterWidth = metrics.width(of: "x", in: TextStyles.stepLabel)
        #expect(lines.allSatisfy { Double($0.count) * letterWidth <= 100 })
    }
}
