import GraphvizBridge
import Testing

@Suite struct RenderTests {
    @Test func svgIsXMLWithTheNodeIDs() throws {
        let output = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg")

        let document = try parseXML(output.bytes)
        let found = try ids(in: document)
        for node in smallBlueprintGraph().nodes {
            #expect(found.contains("step-\(node.name)"))
        }
        for kind in ["evidence", "customer", "frontstage", "backstage"] {
            #expect(found.contains("lane-\(kind)"))
        }
        #expect(output.warnings.isEmpty)
    }

    @Test func pngStartsWithThePNGSignature() throws {
        let output = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "png")
        #expect(output.bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func pdfStartsWithPDFHeader() throws {
        let output = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "pdf")
        #expect(output.bytes.starts(with: Array("%PDF".utf8)))
    }

    @Test func sameInputGivesSameBytes() throws {
        let first = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg")
        let second = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg")
        #expect(first.bytes == second.bytes)
    }

    /// cgraph orders subgraphs by ID, which by default is the address of the interned name.
    @Test func clustersAreDrawnInDeclarationOrderWhateverRanBefore() throws {
        let names = (0..<12).map { "cluster_" + String(repeating: "z", count: ($0 * 7) % 13) + "\($0)" }
        let graph = GraphvizGraph(
            nodes: [GraphvizNode("a", attributes: ["pos": "0,0!"])],
            subgraphs: names.map { GraphvizSubgraph($0, attributes: ["bb": "-10,-10,10,10"]) }
        )

        for round in 0..<5 {
            // Other jobs first, so that names are interned at different addresses.
            _ = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg")
            let document = try parseXML(try Graphviz.render(graph, layout: "nop", format: "svg").bytes)

            let titles = try document.nodes(forXPath: "//*[@class='cluster']/*[local-name()='title']")
            #expect(titles.map(\.stringValue) == names, "round \(round)")
        }
    }

    @Test func htmlLabelIsDrawnAsMarkup() throws {
        var graph = smallBlueprintGraph()
        graph.nodes[0].attributes["label"] = .html("<b>" + GraphvizValue.htmlLabelText("a<b & \"c\"") + "</b>")

        let svg = try Graphviz.render(graph, layout: "nop", format: "svg")

        let document = try parseXML(svg.bytes)
        let bold = try document.nodes(forXPath: "//*[local-name()='text'][@font-weight='bold']")
        #expect(bold.map(\.stringValue) == [#"a<b & "c""#])
    }
}
