/// A rendered drawing and the warnings Graphviz gave while making it.
package struct GraphvizOutput: Sendable, Hashable {
    package var bytes: [UInt8]
    /// Graphviz's warning messages, without the `Warning: ` prefix.
    package var warnings: [String]

    package init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }

    /// The output as text, for the text formats (svg, dot, json…).
    package var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Where a layout engine put the nodes, as Graphviz reports them after layout.
package struct GraphvizLayoutResult: Sendable, Hashable {
    /// The nodes in the order of ``GraphvizGraph/nodes``.
    package var nodes: [GraphvizNodeGeometry]
    /// The drawing's bounding box in points (Graphviz `bb`).
    package var boundingBox: GraphvizRect
    package var warnings: [String]

    package init(nodes: [GraphvizNodeGeometry], boundingBox: GraphvizRect, warnings: [String]) {
        self.nodes = nodes
        self.boundingBox = boundingBox
        self.warnings = warnings
    }

    package subscript(node name: String) -> GraphvizNodeGeometry? {
        nodes.first { $0.name == name }
    }
}

/// One node's final size and place. Graphviz gives sizes in inches and positions in points (1/72 inch).
package struct GraphvizNodeGeometry: Sendable, Hashable {
    package var name: String
    package var widthInches: Double
    package var heightInches: Double
    /// The centre of the node, in points, y growing upwards.
    package var center: GraphvizPoint

    package init(name: String, widthInches: Double, heightInches: Double, center: GraphvizPoint) {
        self.name = name
        self.widthInches = widthInches
        self.heightInches = heightInches
        self.center = center
    }

    package var widthPoints: Double { widthInches * 72 }
    package var heightPoints: Double { heightInches * 72 }
}

package struct GraphvizPoint: Sendable, Hashable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle in points, given by its lower-left and upper-right corners as Graphviz does.
package struct GraphvizRect: Sendable, Hashable {
    package var lowerLeft: GraphvizPoint
    package var upperRight: GraphvizPoint

    package init(lowerLeft: GraphvizPoint, upperRight: GraphvizPoint) {
        self.lowerLeft = lowerLeft
        self.upperRight = upperRight
    }
}
