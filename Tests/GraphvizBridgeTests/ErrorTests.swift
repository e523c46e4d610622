import GraphvizBridge
import Testing

@Suite struct ErrorTests {
    @Test func unknownLayoutEngineIsAnErrorWithGraphvizText() {
        #expect {
            try Graphviz.render(smallBlueprintGraph(), layout: "no-such-engine", format: "svg")
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.kind == .layoutFailed
                && error.graphvizErrors.contains { $0.contains(#"Layout type: "no-such-engine" not recognized"#) }
        }
    }

    @Test func unknownFormatIsAnError() {
        #expect {
            try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "no-such-format")
        } throws: { error in
            guard let error = error as? GraphvizError else { return false }
            return error.kind == .renderFailed && error.description.contains("no-such-format")
        }
    }

    @Test func badAttributeValuesBecomeWarnings() throws {
        var graph = smallBlueprintGraph()
        graph.nodes[0].attributes["shape"] = "no-such-shape"

        let output = try Graphviz.render(graph, layout: "nop", format: "svg")

        #expect(output.warnings == ["using box for unknown shape no-such-shape"])
    }

    /// Graphviz's error count is sticky; the bridge must reset it so one failure does not fail every later job.
    @Test func goodJobAfterFailedOnesSucceeds() throws {
        var unpinned = smallBlueprintGraph()
        unpinned.nodes[0].attributes["pos"] = nil
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(smallBlueprintGraph(), layout: "no-such-engine", format: "svg")
        }
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(unpinned, layout: "nop", format: "svg")
        }

        let output = try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg")

        #expect(output.warnings.isEmpty)
        #expect(output.text.contains("</svg>"))
    }

    /// Unbalanced `<` `>` break the DOT text; a mismatched tag breaks Graphviz's HTML parser.
    @Test(arguments: ["a > b", "a < b", "<b>bold</i>"])
    func malformedHTMLLabelIsAnError(markup: String) throws {
        var graph = smallBlueprintGraph()
        graph.nodes[0].attributes["label"] = .html(markup)

        #expect(throws: GraphvizError.self) {
            try Graphviz.render(graph, layout: "nop", format: "svg")
        }
        #expect(try Graphviz.render(smallBlueprintGraph(), layout: "nop", format: "svg").warnings.isEmpty)
    }

    @Test func duplicateNodeIsRefused() {
        var graph = smallBlueprintGraph()
        graph.nodes.append(GraphvizNode(graph.nodes[0].name))

        #expect {
            try Graphviz.dotSource(graph, layout: "nop")
        } throws: { error in
            (error as? GraphvizError)?.kind == .invalidGraph
        }
    }

    @Test func subgraphWithUnknownNodeIsRefused() {
        var graph = smallBlueprintGraph()
        graph.subgraphs.append(GraphvizSubgraph("cluster_ghosts", nodes: ["nowhere"]))

        #expect {
            try Graphviz.dotSource(graph, layout: "nop")
        } throws: { error in
            (error as? GraphvizError)?.kind == .invalidGraph
        }
    }

    @Test func edgeToUnknownNodeIsRefused() {
        var graph = smallBlueprintGraph()
        graph.edges.append(GraphvizEdge(from: "call", to: "nowhere"))

        #expect {
            try Graphviz.dotSource(graph, layout: "nop")
        } throws: { error in
            (error as? GraphvizError)?.kind == .invalidGraph
        }
    }
}
