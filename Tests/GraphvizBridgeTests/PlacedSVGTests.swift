import Foundation
@testable import GraphvizBridge
import Testing

/// `render` prints the SVG of a placed `nop2` drawing itself (`PlacedGraphSVG`). What it prints must
/// be Graphviz's own SVG of the same graph, byte for byte, with the same warnings.
@Suite struct PlacedSVGTests {
    /// A placed drawing as the renderer makes them, with numbers at `%.2f`'s ties and near zero,
    /// every label justification, both arrowheads and none, dashes, dots and a filled cluster.
    static func placedGraph(nodes extra: [GraphvizNode] = [], edges extraEdges: [GraphvizEdge] = []) -> GraphvizGraph {
        GraphvizGraph(
            name: "blueprint",
            attributes: ["notranslate": "true", "outputorder": "nodesfirst", "bgcolor": "#FFFFFF", "pad": "0.39"],
            nodeDefaults: [
                "shape": "box", "fixedsize": "true", "margin": "0", "fontname": pinnedFont, "fontsize": "8",
                "fontcolor": "#1F2933",
            ],
            edgeDefaults: [
                "fontname": pinnedFont, "fontsize": "8", "fontcolor": "#5F6B7A", "arrowsize": "0.7", "penwidth": "1.2",
            ],
            nodes: [
                GraphvizNode("left", attributes: [
                    "style": "rounded,filled", "fillcolor": "#E0F0DC", "color": "#A9B4C2", "penwidth": "1",
                    "width": "1.75", "height": "1.0417", "margin": "0.0972,0", "labelloc": "t",
                    "label": GraphvizValue.plainLabel(["", "Books a deluxe room", "for two  nights -- R&D"], alignment: .left),
                    "fontsize": "10", "pos": "224.125,542.375!", "id": .literal("step-left"), "class": "step customer",
                    "tooltip": .literal("Books a room\nid: left & \"more\" <b> \\N"),
                ]),
                GraphvizNode("badge", attributes: [
                    "style": "rounded,filled", "fillcolor": "#4C9A4C", "color": "#4C9A4C", "penwidth": "0.5",
                    "width": "0.2361", "height": "0.1806", "label": GraphvizValue.plainLabel(["▲"], alignment: .centre),
                    "fontcolor": "#FFFFFF", "pos": "176.505,534.495!", "class": "badge",
                ]),
                GraphvizNode("right", attributes: [
                    "shape": "plaintext", "width": "2", "height": "0.3056", "label": .raw(#"顾客拨打热线\r&amp;lt;tag&amp;gt;\r"#),
                    "fontname": "Noto Sans CJK SC Bold", "fontsize": "20", "pos": "-0.001,0.005!", "id": .literal("title"),
                ]),
                GraphvizNode("plain", attributes: [
                    "shape": "plaintext", "style": "filled", "fillcolor": "#FAF6EC", "width": "1", "height": "0.5",
                    "label": .literal("dashed box"), "pos": "400,100!", "id": .literal("plain"),
                ]),
            ] + extra,
            edges: [
                GraphvizEdge(from: "left", to: "right", attributes: [
                    "color": "#3E4C5E", "class": "flow hand-off", "pos": "e,224,141 224,505 224,386 224,267 224,148",
                ]),
                GraphvizEdge(from: "badge", to: "left", attributes: [
                    "color": "#C0392B", "style": "dotted", "penwidth": "2", "arrowhead": "empty",
                    "pos": "e,329,401 287,103.5 291.17,103.5 295.33,103.5 299.5,103.5 302.26,103.5 304.5,105.74 304.5,108.5",
                    "label": GraphvizValue.plainLabel(["次日现金需求", "room inspected"], alignment: .centre), "lp": "1225.5,-103.5",
                ]),
                GraphvizEdge(from: "left", to: "badge", attributes: [
                    "style": "dashed", "arrowhead": "none", "pos": "10,10 20,20 30,30 40,40;40,40 50,50 60,60 70,70",
                ]),
                GraphvizEdge(from: "left", to: "plain", attributes: [
                    "color": "#3A7BC8", "pos": "0.125,0.375 1.005,2.675 3.135,-0.001 4.125,0.005;e,9,9 8.5,8.5 8.6,8.6 8.7,8.7 8.8,8.8",
                ]),
            ] + extraEdges,
            subgraphs: [
                GraphvizSubgraph("cluster_lane", attributes: [
                    "id": .literal("lane-evidence"), "bb": "0,604,4340,699", "bgcolor": "transparent", "style": "filled",
                    "fillcolor": "#FAF6EC", "color": "#FAF6EC", "penwidth": "0",
                ], nodes: ["left"]),
                GraphvizSubgraph("cluster_phase", attributes: [
                    "id": .literal("phase-1"), "bb": "140,42,980,727", "bgcolor": "transparent", "style": "solid",
                    "color": "#C9D0D9", "penwidth": "1",
                ]),
                GraphvizSubgraph("cluster_line", attributes: [
                    "id": .literal("line-interaction"), "bb": "0,481,4340,481", "bgcolor": "transparent", "style": "dashed",
                    "color": "#5F6B7A", "penwidth": "1.2",
                ]),
            ]
        )
    }

    static func expectGraphvizsOwnSVG(_ graph: GraphvizGraph, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(PlacedGraphSVG(graph) != nil, "not covered: Graphviz drew it", sourceLocation: sourceLocation)
        let written = try Graphviz.render(graph, layout: "nop2", format: "svg")
        let graphviz = try Graphviz.renderByGraphviz(graph, layout: "nop2", format: "svg")
        let writtenLines = written.text.split(separator: "\n", omittingEmptySubsequences: false)
        let graphvizLines = graphviz.text.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(writtenLines, graphvizLines).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(written.bytes == graphviz.bytes,
                "line \((firstDifference?.offset ?? 0) + 1): \(firstDifference.map { "\($0.element.0)\n  Graphviz: \($0.element.1)" } ?? "lengths differ")",
                sourceLocation: sourceLocation)
        #expect(written.warnings == graphviz.warnings, sourceLocation: sourceLocation)
    }

    @Test func placedDrawingIsGraphvizsOwnSVG() throws {
        try Self.expectGraphvizsOwnSVG(Self.placedGraph())
    }

    /// A printed page: the drawing scaled to `size` (filled with `!`), its pad given per axis.
    @Test(arguments: [
        ("16.5375,11.6944!", "0.8169,0.3889"), ("4,3", "0.2"), ("80,60", "0.39,0.1"), ("80,60!", "1"), ("8", "0"),
    ])
    func scaledPageIsGraphvizsOwnSVG(size: String, pad: String) throws {
        var graph = Self.placedGraph()
        graph.attributes["size"] = .raw(size)
        graph.attributes["pad"] = .raw(pad)
        graph.attributes["margin"] = "0"
        try Self.expectGraphvizsOwnSVG(graph)
    }

    @Test func labelLargerThanItsNodeGivesGraphvizsWarning() throws {
        let cramped = GraphvizNode("cramped", attributes: [
            "width": "0.1", "height": "0.1", "label": .literal("far too long for its box"), "pos": "50,50!",
        ])
        let graph = Self.placedGraph(nodes: [cramped])

        try Self.expectGraphvizsOwnSVG(graph)
        let warnings = try Graphviz.render(graph, layout: "nop2", format: "svg").warnings
        #expect(warnings.contains("node 'cramped', graph 'blueprint' size too small for label"), "\(warnings)")
    }

    /// Lines measured ahead on another thread are measured as the drawing measures them: the same
    /// SVG whether all of its lines, some with others it does not have, or none were measured ahead,
    /// and whether the measuring was done when the drawing began or not.
    @Test func linesMeasuredAheadGiveTheSameSVG() throws {
        let graph = Self.placedGraph()
        let alone = try Graphviz.render(graph, layout: "nop2", format: "svg")
        typealias Lines = [MeasuredLines.Font]
        let all: Lines = try #require(PlacedGraphSVG(graph)).linesToMeasure.map { ($0.key.name, $0.key.size, $0.value) }
        let some: Lines = all.map { ($0.name, $0.size, Array($0.texts.prefix(1))) } + [("Noto Sans CJK SC", 13, ["not in the drawing"])]
        for lines in [all, some, []] {
            for waits in [true, false] {
                let ahead = Graphviz.measureAhead(lines)
                if waits { Thread.sleep(forTimeInterval: 0.05) }
                #expect(try Graphviz.render(graph, layout: "nop2", format: "svg", linesAhead: ahead) == alone)
            }
        }
    }

    /// What the writer does not cover is drawn by Graphviz: the same call, Graphviz's bytes.
    @Test(arguments: [
        ("shape", GraphvizValue.raw("ellipse")), ("peripheries", "2"), ("style", "bold"), ("label", .raw(#"\N"#)),
        ("label", .html("<b>bold</b>")), ("fixedsize", "false"),
    ])
    func uncoveredNodeIsDrawnByGraphviz(attribute: String, value: GraphvizValue) throws {
        var graph = Self.placedGraph()
        graph.nodes[0].attributes[attribute] = value

        #expect(PlacedGraphSVG(graph) == nil)
        #expect(try Graphviz.render(graph, layout: "nop2", format: "svg")
            == Graphviz.renderByGraphviz(graph, layout: "nop2", format: "svg"))
    }

    /// Numbers `%.2f` cannot print in 64 bits, or that are not numbers, are left to Graphviz.
    @Test(arguments: ["1e20,5!", "-3e18,5!", "nan,5!"])
    func unprintableNumbersAreDrawnByGraphviz(pos: String) throws {
        var graph = Self.placedGraph()
        graph.nodes[1].attributes["pos"] = .raw(pos)

        let written = Result { () throws(GraphvizError) in try Graphviz.render(graph, layout: "nop2", format: "svg") }
        let graphviz = Result { () throws(GraphvizError) in try Graphviz.renderByGraphviz(graph, layout: "nop2", format: "svg") }
        #expect(try written.get() == graphviz.get())
    }

    /// A graph the DOT writer refuses is refused the same way, not printed.
    @Test func graphTheDOTWriterRefusesIsRefused() throws {
        var twice = Self.placedGraph()
        twice.nodes.append(twice.nodes[0])
        var strayMember = Self.placedGraph()
        strayMember.subgraphs[0].nodes.append("nowhere")
        var unquotable = Self.placedGraph()
        unquotable.nodes[0].attributes["class"] = .raw("ends in \\")
        for graph in [twice, strayMember, unquotable] {
            #expect(PlacedGraphSVG(graph) == nil)
            #expect(throws: GraphvizError.self) { try Graphviz.render(graph, layout: "nop2", format: "svg") }
        }
    }

    @Test func otherLayoutsAndFormatsAreGraphvizs() throws {
        let graph = Self.placedGraph()
        #expect(try Graphviz.render(graph, layout: "nop", format: "svg")
            == Graphviz.renderByGraphviz(graph, layout: "nop", format: "svg"))
        #expect(try Graphviz.render(graph, layout: "nop2", format: "png")
            == Graphviz.renderByGraphviz(graph, layout: "nop2", format: "png"))
    }
}
