/// A directed graph to hand to Graphviz, described with plain Swift values.
package struct GraphvizGraph: Sendable, Hashable {
    package var name: String
    /// Graph attributes. `layout` is set by the bridge from the engine a call asks for.
    package var attributes: GraphvizAttributes
    /// Defaults for every node (Graphviz `node [...]`).
    package var nodeDefaults: GraphvizAttributes
    /// Defaults for every edge (Graphviz `edge [...]`).
    package var edgeDefaults: GraphvizAttributes
    /// Nodes in the order Graphviz creates them; names must be unique.
    package var nodes: [GraphvizNode]
    /// Edges in the order Graphviz creates them; both ends must name nodes of ``nodes``.
    package var edges: [GraphvizEdge]
    /// Subgraphs; those named `cluster…` are drawn as boxes. With layout `nop`, a cluster's pinned `bb`
    /// draws a band behind nodes without blocking edge routing, which a large node would.
    package var subgraphs: [GraphvizSubgraph]

    package init(
        name: String = "G",
        attributes: GraphvizAttributes = [:],
        nodeDefaults: GraphvizAttributes = [:],
        edgeDefaults: GraphvizAttributes = [:],
        nodes: [GraphvizNode] = [],
        edges: [GraphvizEdge] = [],
        subgraphs: [GraphvizSubgraph] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.subgraphs = subgraphs
    }
}

package struct GraphvizNode: Sendable, Hashable {
    package var name: String
    package var attributes: GraphvizAttributes

    package init(_ name: String, attributes: GraphvizAttributes = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

package struct GraphvizEdge: Sendable, Hashable {
    package var tail: String
    package var head: String
    package var attributes: GraphvizAttributes

    package init(from tail: String, to head: String, attributes: GraphvizAttributes = [:]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A subgraph of the root graph. As in DOT, it starts from the graph attributes of the root graph,
/// so set each attribute it must not inherit (a root `label`, for one).
package struct GraphvizSubgraph: Sendable, Hashable {
    /// Unique among subgraphs; Graphviz draws the subgraph as a box only if it starts with `cluster`.
    package var name: String
    package var attributes: GraphvizAttributes
    /// Names of nodes of ``GraphvizGraph/nodes`` that belong to it; it may have none.
    package var nodes: [String]

    package init(_ name: String, attributes: GraphvizAttributes = [:], nodes: [String] = []) {
        self.name = name
        self.attributes = attributes
        self.nodes = nodes
    }
}
