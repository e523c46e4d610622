/// A rendered drawing and the warnings Graphviz gave while making it.
public struct GraphvizOutput: Sendable, Hashable {
    public var bytes: [UInt8]
    /// Graphviz's warning messages, without the `Warning: ` prefix.
    public var warnings: [String]

    public init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }

    /// The output as text, for the text formats (svg, dot, json…).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Where a layout engine put the nodes, as Graphviz reports them after layout.
public struct GraphvizLayoutResult: Sendable, Hashable {
    /// The nodes in the order of ``GraphvizGraph/nodes``.
    public var nodes: [GraphvizNodeGeometry]
    /// The drawing's bounding box in points (Graphviz `bb`).
    public var boundingBox: GraphvizRect
    public var warnings: [String]

    public init(nodes: [GraphvizNodeGeometry], boundingBox: GraphvizRect, warnings: [String]) {
        self.nodes = nodes
        self.boundingBox = boundingBox
        self.warnings = warnings
    }

    public subscript(node name: String) -> GraphvizNodeGeometry? {
        nodes.first { $0.name == name }
    }
}

/// One node's final size and place. Graphviz gives sizes in inches and positions in points (1/72 inch).
public struct GraphvizNodeGeometry: Sendable, Hashable {
    public var name: String
    public var widthInches: Double
    public var heightInches: Double
    /// The centre of the node, in points, y growing upwards.
    public var center: GraphvizPoint

    public init(name: String, widthInches: Double, heightInches: Double, center: GraphvizPoint) {
        self.name = name
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.center = center
    }

    public var widthPoints: Double { widthInches * 72 }
    public var heightPoints: Double { heightInches * 72 }
}

public struct GraphvizPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle in points, given by its lower-left and upper-right corners as Graphviz does.
public struct GraphvizRect: Sendable, Hashable {
    public var lowerLeft: GraphvizPoint
    public var upperRight: GraphvizPoint

    public init(lowerLeft: GraphvizPoint, upperRight: GraphvizPoint) {
        self.lowerLeft = lowerLeft
        self.upperRight = upperRight
    }
}
