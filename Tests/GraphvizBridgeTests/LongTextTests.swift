import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import GraphvizBridge
import Testing

/// The DOT scanner refuses a quoted string over 16,384 bytes; user text longer than that is cut, not refused.
@Suite struct LongTextTests {
    static let longText = String(repeating: "a&\\申", count: 6_000)

    @Test(arguments: ["label", "tooltip", "xlabel"])
    func longLiteralIsCutWithAnEllipsis(name: String) throws {
        let graph = EscapingTests.graph(with: [name: .literal(Self.longText), "id": "node-a"])

        let dot = try Graphviz.dotSource(graph, layout: "nop")
        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let quoted = dot.split(separator: "\"").map(\.utf8.count).max() ?? 0
        #expect(quoted <= GraphvizValue.maximumTextBytes)
        let values = try document.nodes(forXPath: "//@*|//*[local-name()='text']").compactMap(\.stringValue)
        let shown = try #require(values.first { $0.hasPrefix("a&\\申a&") })
        #expect(shown.hasSuffix("…"))
        #expect(Self.longText.hasPrefix(shown.dropLast()))
    }

    @Test func longPlainLabelKeepsTheLinesThatFitAndCutsTheNext() throws {
        let lines = Array(repeating: String(repeating: "申请", count: 500), count: 10)
        let graph = EscapingTests.graph(with: ["label": .plainLabel(lines, alignment: .left), "id": "node-a"])

        let output = try Graphviz.render(graph, layout: "nop", format: "svg")

        let texts = try parseXML(output.bytes).nodes(forXPath: "//*[@id='node-a']//*[local-name()='text']")
            .compactMap(\.stringValue)
        // 3,000 bytes a line: three whole lines and part of the fourth within 12,000 bytes.
        #expect(texts.prefix(3).allSatisfy { $0 == lines[0] })
        #expect(texts.count == 4 && texts[3].hasSuffix("…"))
    }

    @Test func overlongRawValueIsAClearError() {
        let graph = EscapingTests.graph(with: ["comment": .raw(String(repeating: "x", count: 20_000))])
        #expect {
            try Graphviz.render(graph, layout: "nop", format: "svg")
        } throws: { error in
            (error as? GraphvizError)?.description.contains("longer than the 16384 bytes DOT can read") == true
        }
    }
}
