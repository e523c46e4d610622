import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizBridge

/// Fonts from `fonts-noto-cjk`. "Noto Sans CJK SC" also has Latin glyphs, and pinning one family keeps
/// sizes from depending on fontconfig's fallback.
let pinnedFont: GraphvizValue = "Noto Sans CJK SC"

/// A node pinned at (`x`, `y`) points, for layout `nop`.
func pinnedNode(_ name: String, x: Int, y: Int, label: String) -> GraphvizNode {
    GraphvizNode(name, attributes: [
        "pos": .raw("\(x),\(y)!"),
        "label": .literal(label),
        "id": .literal("step-\(name)"),
    ])
}

/// A lane band: a cluster with a pinned bounding box, for layout `nop`.
func lane(_ kind: String, bottom: Int, top: Int, nodes: [String]) -> GraphvizSubgraph {
    GraphvizSubgraph("cluster_\(kind)", attributes: [
        "bb": .raw("0,\(bottom),400,\(top)"),
        "id": .literal("lane-\(kind)"),
        "label": .literal(kind),
    ], nodes: nodes)
}

/// Lanes of pinned boxes with edges to route, like a small blueprint.
func smallBlueprintGraph() -> GraphvizGraph {
    GraphvizGraph(
        name: "blueprint",
        attributes: ["splines": "true", "notranslate": "true"],
        nodeDefaults: [
            "shape": "box", "style": "rounded,filled", "fillcolor": "#eeeeff", "fontname": pinnedFont,
            "fontsize": "12", "width": "1.4", "height": "0.6", "fixedsize": "true",
        ],
        edgeDefaults: ["fontname": pinnedFont, "fontsize": "10"],
        nodes: [
            pinnedNode("call", x: 100, y: 400, label: "顾客拨打热线"),
            pinnedNode("wait", x: 300, y: 400, label: "Customer waits"),
            pinnedNode("answer", x: 100, y: 250, label: "Agent answers"),
            pinnedNode("log", x: 300, y: 250, label: "Agent logs"),
            pinnedNode("lookup", x: 100, y: 100, label: "CRM lookup"),
            pinnedNode("dispatch", x: 300, y: 100, label: "Dispatch crew"),
        ],
        edges: [
            GraphvizEdge(from: "call", to: "answer"),
            GraphvizEdge(from: "answer", to: "lookup"),
            GraphvizEdge(from: "lookup", to: "dispatch", attributes: ["label": .literal("send")]),
            GraphvizEdge(from: "call", to: "wait", attributes: ["style": "dashed"]),
            GraphvizEdge(from: "answer", to: "dispatch"),
            GraphvizEdge(from: "log", to: "wait"),
        ],
        subgraphs: [
            lane("evidence", bottom: 450, top: 470, nodes: []),
            lane("customer", bottom: 360, top: 440, nodes: ["call", "wait"]),
            lane("frontstage", bottom: 210, top: 290, nodes: ["answer", "log"]),
            lane("backstage", bottom: 60, top: 140, nodes: ["lookup", "dispatch"]),
        ]
    )
}

/// Parses SVG bytes as XML; throws if they are not well-formed.
func parseXML(_ bytes: [UInt8]) throws -> XMLDocument {
    try XMLDocument(data: Data(bytes), options: [])
}

/// Every `id` attribute in `document`.
func ids(in document: XMLDocument) throws -> Set<String> {
    Set(try document.nodes(forXPath: "//@id").compactMap(\.stringValue))
}
