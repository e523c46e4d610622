import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizBridge
import Testing

@Suite struct EscapingTests {
    /// Markup, entities, quotes, and the escape sequences Graphviz would otherwise interpret.
    static let hostile = #"<script>alert("x")</script> & &amp; 'q' \n \l \N \G \\ end\"#

    static func graph(with attributes: GraphvizAttributes, edgeAttributes: GraphvizAttributes = [:]) -> GraphvizGraph {
        var tail = GraphvizNode("a", attributes: attributes)
        tail.attributes["pos"] = "0,0!"
        return GraphvizGraph(
            nodeDefaults: ["shape": "box", "fontname": pinnedFont],
            nodes: [tail, GraphvizNode("b", attributes: ["pos": "0,-200!"])],
            edges: [GraphvizEdge(from: "a", to: "b", attributes: edgeAttributes)]
        )
    }

    @Test func labelIsDrawnAsWrittenOnOneLine() throws {
        let graph = Self.graph(with: ["label": .literal(Self.hostile), "id": "node-a"])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        // A `\n` taken as a line break would give two text elements.
        let texts = try document.nodes(forXPath: "//*[@id='node-a']//*[local-name()='text']")
        #expect(texts.map(\.stringValue) == [Self.hostile])
    }

    @Test(arguments: ["tooltip", "id", "URL"])
    func attributeKeepsTheTextAsWritten(name: String) throws {
        let graph = Self.graph(with: [name: .literal(Self.hostile)])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let values = try document.nodes(forXPath: "//@*").compactMap(\.stringValue)
        #expect(values.contains(Self.hostile))
    }

    @Test func edgeLabelsAndTooltipsAreDrawnAsWritten() throws {
        let graph = Self.graph(with: [:], edgeAttributes: [
            "label": .literal(Self.hostile), "headlabel": .literal(Self.hostile),
            "edgetooltip": .literal(Self.hostile), "labeltooltip": .literal(Self.hostile),
        ])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.filter { $0 == Self.hostile }.count == 2)
        let titles = try document.nodes(forXPath: "//@*[local-name()='title']").compactMap(\.stringValue)
        #expect(titles.filter { $0 == Self.hostile }.count >= 2)
    }

    @Test func rawValueKeepsGraphvizEscapes() throws {
        let graph = Self.graph(with: ["label": .raw(#"first\lsecond\l"#), "id": "node-a"])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let texts = try document.nodes(forXPath: "//*[@id='node-a']//*[local-name()='text']")
        #expect(texts.map(\.stringValue) == ["first", "second"])
    }

    @Test func htmlLabelTextEscapesMarkupAndBackslashes() {
        #expect(GraphvizValue.htmlLabelText(#"<a href="x">&'</a> \N"#)
            == #"&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt; \\N"#)
    }

    @Test(arguments: [#"ends in \"#, #"quote \" inside"#, "break \\\n after"])
    func rawValueDOTCannotQuoteIsRefused(value: String) {
        let graph = Self.graph(with: ["label": .raw(value)])

        #expect {
            try Graphviz.dotSource(graph, layout: "nop")
        } throws: { error in
            (error as? GraphvizError)?.kind == .invalidGraph
        }
    }

    @Test func nodeNameIsWrittenAsIs() throws {
        let name = #"<b>&"quoted" \n \\ 'q'"#
        let graph = GraphvizGraph(nodes: [GraphvizNode(name, attributes: ["pos": "0,0!", "id": "node-a"])])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let titles = try document.nodes(forXPath: "//*[@id='node-a']/*[local-name()='title']")
        #expect(titles.map(\.stringValue) == [name])
    }

    @Test func nodeNameDOTCannotQuoteIsRefused() {
        let graph = GraphvizGraph(nodes: [GraphvizNode(#"ends in \"#, attributes: ["pos": "0,0!"])])

        #expect {
            try Graphviz.dotSource(graph, layout: "nop")
        } throws: { error in
            (error as? GraphvizError)?.kind == .invalidGraph
        }
    }

    @Test func rawValueWithPairedBackslashesIsAccepted() throws {
        let graph = Self.graph(with: ["label": .raw(#"a\\"#), "id": "node-a"])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let texts = try document.nodes(forXPath: "//*[@id='node-a']//*[local-name()='text']")
        #expect(texts.map(\.stringValue) == [#"a\"#])
    }

    @Test func hostileTextInHTMLLabelStaysText() throws {
        let label = "<i>" + GraphvizValue.htmlLabelText(Self.hostile) + "</i>"
        let graph = Self.graph(with: ["label": .html(label)])

        let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

        let italic = try document.nodes(forXPath: "//*[local-name()='text'][@font-style='italic']")
        #expect(italic.map(\.stringValue) == [Self.hostile])
    }
}
