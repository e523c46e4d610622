/// A directed graph to hand to Graphviz, described with plain Swift values.
public struct GraphvizGraph: Sendable, Hashable {
    public var name: String
    /// Graph attributes. `layout` is set by the bridge from the engine a call asks for.
    public var attributes: GraphvizAttributes
    /// Defaults for every node (Graphviz `node [...]`).
    public var nodeDefaults: GraphvizAttributes
    /// Defaults for every edge (Graphviz `edge [...]`).
    public var edgeDefaults: GraphvizAttributes
    /// Nodes in the order Graphviz creates them; names must be unique.
    public var nodes: [GraphvizNode]
    /// Edges in the order Graphviz creates them; both ends must name nodes of ``nodes``.
    public var edges: [GraphvizEdge]
    /// Subgraphs; those named `cluster…` are drawn as boxes. With layout `nop`, a cluster's pinned `bb`
    /// draws a band behind nodes without blocking edge routing, which a large node would.
    public var subgraphs: [GraphvizSubgraph]

    public init(
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

public struct GraphvizNode: Sendable, Hashable {
    public var name: String
    public var attributes: GraphvizAttributes

    public init(_ name: String, attributes: GraphvizAttributes = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

public struct GraphvizEdge: Sendable, Hashable {
    public var tail: String
    public var head: String
    public var attributes: GraphvizAttributes

    public init(from tail: String, to head: String, attributes: GraphvizAttributes = [:]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// A subgraph of the root graph. As in DOT, it starts from the graph attributes of the root graph,
/// so set each attribute it must not inherit (a root `label`, for one).
public struct GraphvizSubgraph: Sendable, Hashable {
    /// Unique among subgraphs; Graphviz draws the subgraph as a box only if it starts with `cluster`.
    public var name: String
    public var attributes: GraphvizAttributes
    /// Names of nodes of ``GraphvizGraph/nodes`` that belong to it; it may have none.
    public var nodes: [String]

    public init(_ name: String, attributes: GraphvizAttributes = [:], nodes: [String] = []) {
        self.name = name
        self.attributes = attributes
        self.nodes = nodes
    }
}
