#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The SVG Graphviz 2.43 writes for a graph laid out with `nop2` whose nodes, edges and clusters all
/// carry their places (`pos`, `lp`, `bb`), written here byte for byte. Graphviz would write the graph
/// as DOT text, read it back, load its layout and SVG plugins, measure every label again and print the
/// drawing, most of a render's time; this measures the label lines in one call and prints.
///
/// It covers the attributes and values the renderer uses and follows Graphviz's own arithmetic
/// (shapes.c, emit.c, labels.c, arrows.c, gvrender_core_svg.c) and its one warning (a label larger
/// than its fixed-size node). For anything else, a graph the DOT writer would refuse included, it
/// gives up (`nil`) and Graphviz draws or the DOT writer refuses: its output is never a guess.
struct PlacedGraphSVG {
    private let graph: GraphvizGraph
    private var nodes: [PlacedNode] = []
    private var edges: [PlacedEdge] = []
    private var clusters: [PlacedCluster] = []
    private var background: SVGColor?
    /// Around the drawing, in points (Graphviz's default 4).
    private var pad = Point(x: 4, y: 4)
    /// `size`, in whole points, and whether it ends in `!` (scale up to fill it too).
    private var size: (width: Double, height: Double, fills: Bool)?

    /// nil when `graph` uses something this writer does not cover.
    init?(_ graph: GraphvizGraph) {
        self.graph = graph
        guard readGraph() else { return nil }
    }

    /// The label lines to measure, by font name and size.
    var linesToMeasure: [FontKey: [String]] {
        var lines: [FontKey: Set<String>] = [:]
        for label in nodes.map(\.label) + edges.compactMap(\.label) {
            for line in label.lines where !line.text.isEmpty {
                lines[label.font, default: []].insert(line.text)
            }
        }
        return lines.mapValues { $0.sorted() }
    }

    /// The SVG and Graphviz's warnings (a label larger than its fixed-size node), given each line's
    /// size as Graphviz measures it; nil when a number came out too large to print as Graphviz does
    /// (or not a number at all), so that Graphviz draws.
    mutating func svg(measured: LineSizes) -> GraphvizOutput? {
        for index in nodes.indices { nodes[index].label.setSizes(measured) }
        for index in edges.indices { edges[index].label?.setSizes(measured) }
        let warnings = nodes.filter { !$0.fitsLabel }.map { "node '\($0.name)', graph '\(graph.name)' size too small for label" }
        let box = boundingBox()
        // Sizes Graphviz would print as integers, and must not overflow here.
        let corners = [box.lowerLeft.x, box.lowerLeft.y, box.upperRight.x, box.upperRight.y, pad.x, pad.y]
        guard corners.allSatisfy({ abs($0) < 1e9 }) else { return nil }
        var out = SVGText()
        writeHeader(&out, box)
        for cluster in clusters { cluster.write(&out) }
        for node in nodes { node.write(&out) }
        for edge in edgesInDrawingOrder() { edge.write(&out) }
        out.put("</g>\n</svg>\n")
        guard out.printedEveryNumber else { return nil }
        return GraphvizOutput(bytes: out.bytes, warnings: warnings)
    }

    // MARK: Reading the graph

    private mutating func readGraph() -> Bool {
        guard graph.isWritableAsDOT else { return false }
        let known: Set<String> = ["notranslate", "outputorder", "bgcolor", "pad", "fontname", "layout", "size", "margin"]
        var attributes: [String: String] = [:]
        for (name, value) in graph.attributes {
            guard known.contains(name), case .raw = value else { return false }
            attributes[name] = value.graphvizText(forAttribute: name)
        }
        // Without `notranslate` Graphviz moves the drawing to the origin; with another order it
        // draws edges among the nodes.
        guard attributes["notranslate"] == "true", attributes["outputorder"] == "nodesfirst",
              attributes["layout"] ?? "nop2" == "nop2" else { return false }
        if let text = attributes["pad"] {
            guard let inches = inchPair(text) else { return false }
            pad = Point(x: inches.x * 72, y: inches.y * 72)
        }
        // emit.c `init_gvc`: a margin adds to the page; none is what Graphviz's SVG has anyway.
        if let text = attributes["margin"], inchPair(text).map({ $0 != Point(x: 0, y: 0) }) ?? true { return false }
        // input.c `getdoubles2ptf`: whole points.
        if let text = attributes["size"] {
            let fills = text.hasSuffix("!")
            guard let inches = inchPair(fills ? String(text.dropLast()) : text), inches.x > 0, inches.y > 0
            else { return false }
            size = (Double(points(inches.x)), Double(points(inches.y)), fills)
        }
        if let text = attributes["bgcolor"] {
            guard let color = SVGColor(text) else { return false }
            background = color
        }
        guard PlacedNode.covers(graph.nodeDefaults), PlacedEdge.covers(graph.edgeDefaults) else { return false }
        var nodeIndex: [String: Int] = [:]
        for (sequence, node) in graph.nodes.enumerated() {
            guard PlacedNode.covers(node.attributes),
                  let placed = PlacedNode(name: node.name, sequence: sequence + 1,
                                          Attributes(node.attributes, defaults: graph.nodeDefaults))
            else { return false }
            guard nodeIndex.updateValue(sequence, forKey: node.name) == nil else { return false }
            nodes.append(placed)
        }
        for (sequence, edge) in graph.edges.enumerated() {
            guard let tail = nodeIndex[edge.tail], let head = nodeIndex[edge.head],
                  PlacedEdge.covers(edge.attributes),
                  let placed = PlacedEdge(tail: edge.tail, head: edge.head, tailIndex: tail, headIndex: head, sequence: sequence + 1,
                                          Attributes(edge.attributes, defaults: graph.edgeDefaults))
            else { return false }
            edges.append(placed)
        }
        var subgraphNames = Set<String>()
        for subgraph in graph.subgraphs {
            // Only clusters with a place are drawn, their nodes where they are pinned; other
            // subgraphs are not covered.
            guard subgraph.name.hasPrefix("cluster"), subgraphNames.insert(subgraph.name).inserted,
                  subgraph.nodes.allSatisfy({ nodeIndex[$0] != nil })
            else { return false }
            guard PlacedCluster.covers(subgraph.attributes),
                  let cluster = PlacedCluster(name: subgraph.name, Attributes(subgraph.attributes, defaults: graph.attributes))
            else { return false }
            clusters.append(cluster)
        }
        return true
    }

    /// Graphviz's `compute_bb`: nodes, edge control points and labels, and clusters.
    private func boundingBox() -> Box {
        var box = Box(lowerLeft: Point(x: Double(Int32.max), y: Double(Int32.max)),
                      upperRight: Point(x: -Double(Int32.max), y: -Double(Int32.max)))
        // Graphviz visits each node's out-edges after the node; minima and maxima do not depend on order.
        for node in nodes {
            let half = Point(x: node.pointWidth / 2, y: node.pointHeight / 2)
            box.expand(Box(lowerLeft: Point(x: node.center.x - half.x, y: node.center.y - half.y),
                           upperRight: Point(x: node.center.x + half.x, y: node.center.y + half.y)))
        }
        for edge in edges {
            for spline in edge.splines { for point in spline.points { box.expand(point) } }
            if let label = edge.label { box.expand(label: label) }
        }
        for cluster in clusters { box.expand(cluster.box) }
        return box
    }

    /// Edges as Graphviz walks them after the nodes: each node's out-edges in node order, and those
    /// by their head node's order, then their own (cgraph's `agedgeseqcmpf`).
    private func edgesInDrawingOrder() -> [PlacedEdge] {
        edges.sorted { ($0.tailIndex, $0.headIndex, $0.sequence) < ($1.tailIndex, $1.headIndex, $1.sequence) }
    }

    /// emit.c `init_job_viewport`, `init_job_pagination` and `setup_page` for one unrotated page, then
    /// the SVG renderer's start of graph and page, and the background.
    private func writeHeader(_ out: inout SVGText, _ box: Box) {
        var extent = Point(x: box.upperRight.x + pad.x - (box.lowerLeft.x - pad.x),
                           y: box.upperRight.y + pad.y - (box.lowerLeft.y - pad.y))
        var zoom = 1.0
        if let size, size.width > 0.001, size.height > 0.001 {
            if extent.x == 0 { extent.x = size.width }
            if extent.y == 0 { extent.y = size.height }
            if size.width < extent.x || size.height < extent.y
                || (size.fills && size.width > extent.x && size.height > extent.y) {
                zoom = min(size.width / extent.x, size.height / extent.y)
            }
        }
        let focus = Point(x: (box.lowerLeft.x + box.upperRight.x) / 2, y: (box.lowerLeft.y + box.upperRight.y) / 2)
        let image = Point(x: extent.x * zoom, y: extent.y * zoom)
        let pageSize = Point(x: image.x / zoom, y: image.y / zoom)
        // The one page's box in drawing units (`clip`), centred on the drawing.
        let pageCorner = Point(x: focus.x + pageSize.x * -0.5, y: focus.y + pageSize.y * -0.5)
        let page = Box(lowerLeft: pageCorner, upperRight: Point(x: pageCorner.x + pageSize.x, y: pageCorner.y + pageSize.y))
        out.put("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
        out.put("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n")
        out.put(" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n")
        out.put("<!-- Generated by graphviz version 2.43.0 (0)\n -->\n")
        out.put("<!--")
        if !graph.name.isEmpty {
            out.put(" Title: ")
            out.putEscaped(graph.name)
        }
        out.put(" Pages: 1 -->\n")
        out.put("<svg width=\"\(roundedToInt(image.x))pt\" height=\"\(roundedToInt(image.y))pt\"\n")
        out.put(" viewBox=\"0.00 0.00 ")
        out.putFixed(image.x)
        out.put(" ")
        out.putFixed(image.y)
        out.put("\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n")
        out.put("<g id=\"graph0\" class=\"graph\" transform=\"scale(")
        out.putNumber(zoom)
        out.put(" ")
        out.putNumber(zoom)
        out.put(") rotate(0) translate(")
        out.putNumber(-page.lowerLeft.x)
        out.put(" ")
        out.putNumber(page.upperRight.y)
        out.put(")\">\n")
        if !graph.name.isEmpty {
            out.put("<title>")
            out.putEscaped(graph.name)
            out.put("</title>\n")
        }
        if let background, background != .transparent {
            out.putPolygon(page.corners, Pen(fill: background, stroke: .transparent))
        }
    }
}

extension GraphvizGraph {
    /// Whether every name and value reads back from DOT text as it is (else the DOT writer refuses
    /// the graph with an error, which Graphviz's own path gives).
    fileprivate var isWritableAsDOT: Bool {
        func readsBack(_ attributes: GraphvizAttributes) -> Bool {
            attributes.allSatisfy { readsBackFromDOT($0.name) && readsBackFromDOT($0.value.graphvizText(forAttribute: $0.name)) }
        }
        return readsBackFromDOT(name) && readsBack(attributes) && readsBack(nodeDefaults) && readsBack(edgeDefaults)
            && nodes.allSatisfy { readsBackFromDOT($0.name) && readsBack($0.attributes) }
            && edges.allSatisfy { readsBack($0.attributes) }
            && subgraphs.allSatisfy { readsBackFromDOT($0.name) && readsBack($0.attributes) }
    }
}

extension GraphvizValue {
    /// HTML-like labels are not covered.
    fileprivate var isCovered: Bool {
        if case .html = self { false } else { true }
    }
}

/// A font as Graphviz measures with it.
struct FontKey: Hashable {
    var name: String
    var size: Double
}

/// Each label line's width and height as Graphviz measures it, by font.
typealias LineSizes = [FontKey: [String: (width: Double, height: Double)]]

// MARK: Nodes

private struct PlacedNode {
    static func covers(_ attributes: GraphvizAttributes) -> Bool {
        attributes.allSatisfy { attribute in
            switch attribute.name {
            case "shape", "fixedsize", "margin", "fontname", "fontsize", "fontcolor", "style", "fillcolor", "color",
                "penwidth", "width", "height", "label", "labelloc", "pos", "id", "class", "tooltip":
                attribute.value.isCovered
            default: false
            }
        }
    }

    var name: String
    var id: String
    var className: String
    var tooltip: String?
    var center: Point
    var label: PlacedLabel
    var style: Style
    var fill: SVGColor?
    var stroke: SVGColor
    var penWidth: Double?
    var isPlainText: Bool
    /// `margin` in whole points, each side.
    var margin: (x: Double, y: Double)
    /// Graphviz's node size: the box it draws (`bb` of poly_init) and what `compute_bb` adds up.
    var boxWidth = 0.0, boxHeight = 0.0
    /// `width` and `height` in whole points: the size asked for.
    var fixedWidth = 0.0, fixedHeight = 0.0
    var pointWidth = 0.0, pointHeight = 0.0
    var vertices: [Point] = []
    var xScale = 1.0, yScale = 1.0

    init?(name: String, sequence: Int, _ attributes: Attributes) {
        self.name = name
        guard attributes["fixedsize"] == "true" else { return nil }
        switch attributes["shape"] ?? "ellipse" {
        case "box", "rect", "rectangle": isPlainText = false
        case "plaintext": isPlainText = true
        default: return nil
        }
        guard let style = Style(attributes["style"] ?? "", allowed: [.filled, .rounded, .dashed, .dotted]),
              let center = attributes["pos"].flatMap(Point.pinned),
              let fontSize = attributes.number("fontsize", default: 14, minimum: 1),
              let fontColor = SVGColor(attributes["fontcolor"] ?? "black"),
              let widthInches = attributes.number("width", default: 0.75, minimum: 0.01), widthInches < 1e6,
              let heightInches = attributes.number("height", default: 0.5, minimum: 0.02), heightInches < 1e6,
              let label = PlacedLabel(attributes["label"] ?? "\\N", font: FontKey(name: attributes["fontname"] ?? "Times-Roman", size: fontSize),
                                      color: fontColor),
              let stroke = SVGColor(attributes["color"] ?? "black")
        else { return nil }
        self.style = style
        self.center = center
        self.label = label
        self.label.verticalAlignment = switch attributes["labelloc"]?.first {
        case "t": "t"
        case "b": "b"
        default: "c"
        }
        self.stroke = stroke
        if style.contains(.filled) {
            guard let fill = SVGColor(attributes["fillcolor"] ?? attributes["color"] ?? "lightgrey") else { return nil }
            self.fill = fill
        }
        if let text = attributes["penwidth"], !text.isEmpty {
            guard let width = attributes.number("penwidth", default: 1, minimum: 0) else { return nil }
            penWidth = width
        }
        // `margin` is "x,y" or one value for both, in inches; without one, Graphviz pads labels by
        // constants of its own (not covered).
        guard let inches = attributes["margin"].flatMap(inchPair) else { return nil }
        margin = (Double(points(inches.x)), Double(points(inches.y)))
        id = attributes.escapeString("id") ?? "node\(sequence)"
        className = attributes["class"] ?? ""
        if let text = attributes["tooltip"], !text.isEmpty {
            guard let tip = tooltipText(text) else { return nil }
            tooltip = tip
        }
        guard !hasObjectEscape(id) else { return nil }
        initialiseShape(widthInches: widthInches, heightInches: heightInches)
    }

    /// shapes.c `poly_init` for a fixed-size box, then `gv_nodesize` and `poly_gencode`'s scale. The
    /// corner goes through Graphviz's trigonometry (without skew, distortion or orientation, which
    /// change nothing when 0): its rounding is what Graphviz prints.
    private mutating func initialiseShape(widthInches: Double, heightInches: Double) {
        let width = Double(points(widthInches)), height = Double(points(heightInches))
        (fixedWidth, fixedHeight) = (width, height)
        let sectorAngle = 2 * Double.pi / 4
        let sideLength = sin(sectorAngle / 2)
        var angle = (sectorAngle - Double.pi) / 2
        var corner = Point(x: 0.5 * cos(angle), y: 0.5 * sin(angle))
        angle += (Double.pi - sectorAngle) / 2
        angle += sectorAngle
        corner.x += sideLength * cos(angle)
        corner.y += sideLength * sin(angle)
        let alpha = atan2(corner.y, corner.x)
        let length = hypot(corner.x, corner.y)
        var p = Point(x: length * cos(alpha), y: length * sin(alpha))
        p.x *= width
        p.y *= height
        let xMax = 2 * abs(p.x), yMax = 2 * abs(p.y)
        boxWidth = max(width, xMax)
        boxHeight = max(height, yMax)
        let scaleX = boxWidth / xMax, scaleY = boxHeight / yMax
        vertices = [p, Point(x: -p.x, y: p.y), Point(x: -p.x, y: -p.y), Point(x: p.x, y: -p.y)]
            .map { Point(x: $0.x * scaleX, y: $0.y * scaleY) }
        let nodeWidth = boxWidth / 72, nodeHeight = boxHeight / 72
        pointWidth = nodeWidth * 72
        pointHeight = nodeHeight * 72
        let halfWidth = pointWidth / 2
        xScale = (halfWidth + halfWidth) / Double(points(nodeWidth))
        yScale = pointHeight / Double(points(nodeHeight))
    }

    /// Graphviz warns "size too small for label" otherwise (shapes.c `poly_init`).
    var fitsLabel: Bool { !(fixedWidth < label.width || fixedHeight < label.height) }

    func write(_ out: inout SVGText) {
        out.put("<!-- ")
        out.putEscaped(name)
        out.put(" -->\n")
        out.putGroupStart(id: id, kind: "node", className: className)
        out.put("<title>")
        out.putEscaped(name)
        out.put("</title>\n")
        if let tooltip {
            out.put("<g id=\"a_")
            out.putEscaped(id)
            out.put("\"><a xlink:title=\"")
            out.putEscaped(tooltip, raw: true)
            out.put("\">\n")
        }
        var pen = Pen(fill: fill, stroke: stroke, width: penWidth, dash: style.dash)
        var peripheries = isPlainText ? 0 : 1
        if peripheries == 0, fill != nil {
            peripheries = 1
            pen.stroke = .transparent
        }
        if peripheries == 1 {
            let corners = vertices.map { Point(x: $0.x * xScale + center.x, y: $0.y * yScale + center.y) }
            if style.contains(.rounded) {
                out.putBezier(roundedCorners(corners), pen)
            } else {
                out.putPolygon(corners, pen)
            }
        }
        // The label's box: shapes.c `poly_init` (`space`), with the node's margins.
        var padded = (x: label.width, y: label.height)
        if padded.x > 0 || padded.y > 0 {
            padded.x += 2 * margin.x
            padded.y += 2 * margin.y
        }
        let extraX = padded.x - label.width
        let space = Point(x: max(padded.x, fixedWidth) - extraX, y: padded.y + (fixedHeight - padded.y))
        label.write(&out, at: center, space: space)
        if tooltip != nil { out.put("</a>\n</g>\n") }
        out.put("</g>\n")
    }

    /// shapes.c `round_corners` in its `ROUNDED` mode: the Bézier points of the outline.
    private func roundedCorners(_ corners: [Point]) -> [Point] {
        let sides = corners.count
        var offset = 12.0
        for side in 0..<sides {
            let (p0, p1) = (corners[side], corners[(side + 1) % sides])
            let (dx, dy) = (p1.x - p0.x, p1.y - p0.y)
            offset = min(offset, (dx * dx + dy * dy).squareRoot() / 3)
        }
        var b: [Point] = []
        for side in 0..<sides {
            let (p0, p1) = (corners[side], corners[(side + 1) % sides])
            let (dx, dy) = (p1.x - p0.x, p1.y - p0.y)
            let t = offset / (dx * dx + dy * dy).squareRoot()
            b.append(interpolate(0.5 * t, p0, p1))
            b.append(interpolate(t, p0, p1))
            b.append(interpolate(1 - t, p0, p1))
            b.append(interpolate(1 - 0.5 * t, p0, p1))
        }
        var points: [Point] = []
        for side in 0..<sides {
            points += [b[4 * side], b[4 * side + 1], b[4 * side + 1], b[4 * side + 2], b[4 * side + 2], b[4 * side + 3]]
        }
        points += [points[0], points[1]]
        return Array(points.dropFirst())
    }
}

private func interpolate(_ t: Double, _ p: Point, _ q: Point) -> Point {
    Point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y))
}

// MARK: Edges

private struct PlacedEdge {
    static func covers(_ attributes: GraphvizAttributes) -> Bool {
        attributes.allSatisfy { attribute in
            switch attribute.name {
            case "fontname", "fontsize", "fontcolor", "arrowsize", "penwidth", "color", "class", "pos", "style",
                "arrowhead", "label", "lp":
                attribute.value.isCovered
            default: false
            }
        }
    }

    struct Spline {
        var points: [Point]
        var end: Point?
    }

    var tail: String
    var head: String
    var tailIndex: Int
    var headIndex: Int
    var sequence: Int
    var className: String
    var splines: [Spline] = []
    var color: SVGColor
    var penWidth: Double?
    var arrowSize: Double
    var dash: Dash?
    /// nil for no arrowhead.
    var arrowIsOpen: Bool?
    var label: PlacedLabel?

    init?(tail: String, head: String, tailIndex: Int, headIndex: Int, sequence: Int, _ attributes: Attributes) {
        self.tail = tail
        self.head = head
        self.tailIndex = tailIndex
        self.headIndex = headIndex
        self.sequence = sequence
        className = attributes["class"] ?? ""
        guard let style = Style(attributes["style"] ?? "", allowed: [.dashed, .dotted]),
              let color = SVGColor(attributes["color"] ?? "black"),
              let arrowSize = attributes.number("arrowsize", default: 1, minimum: 0),
              let pos = attributes["pos"], !pos.isEmpty
        else { return nil }
        dash = style.dash
        self.color = color
        self.arrowSize = arrowSize
        if let text = attributes["penwidth"], !text.isEmpty {
            guard let width = attributes.number("penwidth", default: 1, minimum: 0) else { return nil }
            penWidth = width
        }
        switch attributes["arrowhead"] ?? "normal" {
        case "normal": arrowIsOpen = false
        case "empty", "onormal": arrowIsOpen = true
        case "none": arrowIsOpen = nil
        default: return nil
        }
        guard let splines = Self.splines(pos) else { return nil }
        self.splines = splines
        if let text = attributes["label"] {
            guard let fontSize = attributes.number("fontsize", default: 14, minimum: 1),
                  let fontColor = SVGColor(attributes["fontcolor"] ?? "black"),
                  let position = attributes["lp"].flatMap(Point.parse),
                  var label = PlacedLabel(text, font: FontKey(name: attributes["fontname"] ?? "Times-Roman", size: fontSize),
                                          color: fontColor)
            else { return nil }
            label.position = position
            self.label = label
        } else if attributes["lp"] != nil {
            return nil
        }
    }

    /// neatoinit.c `user_spline`: splines separated by `;`, each `[e,x,y ]x,y …` with 3n+1 points,
    /// read with `strtod` as Graphviz reads them. Once an end point is given, every later spline
    /// keeps it, as in Graphviz.
    private static func splines(_ pos: String) -> [Spline]? {
        pos.withCString { text -> [Spline]? in
            var result: [Spline] = []
            var end: Point?
            var cursor = text
            while true {
                while cursor.pointee == 0x20 { cursor += 1 }
                if cursor.pointee == UInt8(ascii: "s"), cursor[1] == UInt8(ascii: ",") { return nil }
                if cursor.pointee == UInt8(ascii: "e"), cursor[1] == UInt8(ascii: ",") {
                    cursor += 2
                    guard let point = Point.scan(&cursor) else { return nil }
                    end = point
                }
                var points: [Point] = []
                while true {
                    while cursor.pointee == 0x20 { cursor += 1 }
                    if cursor.pointee == 0 || cursor.pointee == UInt8(ascii: ";") { break }
                    guard let point = Point.scan(&cursor) else { return nil }
                    points.append(point)
                }
                guard points.count >= 4, points.count % 3 == 1 else { return nil }
                result.append(Spline(points: points, end: end))
                guard cursor.pointee == UInt8(ascii: ";") else { return result }
                cursor += 1
            }
        }
    }

    func write(_ out: inout SVGText) {
        // The bridge's graphs are directed (`digraph`).
        let title = tail + "->" + head
        out.put("<!-- ")
        out.putEscaped(title)
        out.put(" -->\n")
        out.putGroupStart(id: "edge\(sequence)", kind: "edge", className: className)
        out.put("<title>")
        out.putEscaped(title)
        out.put("</title>\n")
        let pen = Pen(fill: nil, stroke: color, width: penWidth, dash: dash)
        let arrowWidth = penWidth ?? 1
        for spline in splines {
            out.putBezier(spline.points, pen)
            if let end = spline.end, let isOpen = arrowIsOpen {
                writeArrow(&out, tip: end, from: spline.points[spline.points.count - 1], open: isOpen,
                           penWidth: arrowWidth)
            }
        }
        if let label { label.write(&out, at: label.position, space: Point(x: label.width, y: label.height)) }
        out.put("</g>\n")
    }

    /// arrows.c `arrow_gen` and `arrow_type_normal`: a solid-lined triangle, `open` unfilled.
    private func writeArrow(_ out: inout SVGText, tip p: Point, from start: Point, open: Bool, penWidth: Double) {
        let epsilon = 0.0001
        var u = Point(x: start.x - p.x, y: start.y - p.y)
        let s = 10 / ((u.x * u.x + u.y * u.y).squareRoot() + epsilon)
        u.x += u.x >= 0 ? epsilon : -epsilon
        u.y += u.y >= 0 ? epsilon : -epsilon
        u.x *= s
        u.y *= s
        u.x *= 1.0 * arrowSize
        u.y *= 1.0 * arrowSize
        var arrowWidth = 0.35
        if penWidth > 4 { arrowWidth *= penWidth / 4 }
        let v = Point(x: -u.y * arrowWidth, y: u.x * arrowWidth)
        let q = Point(x: p.x + u.x, y: p.y + u.y)
        let triangle = [Point(x: q.x - v.x, y: q.y - v.y), p, Point(x: q.x + v.x, y: q.y + v.y)]
        out.putPolygon(triangle, Pen(fill: open ? nil : color, stroke: color, width: self.penWidth, dash: nil))
    }
}

// MARK: Clusters

private struct PlacedCluster {
    /// A cluster starts from the root graph's attributes; those of the root this writer covers do
    /// not change a cluster's drawing.
    static func covers(_ attributes: GraphvizAttributes) -> Bool {
        attributes.allSatisfy { attribute in
            switch attribute.name {
            case "id", "bb", "bgcolor", "style", "fillcolor", "color", "penwidth": attribute.value.isCovered
            default: false
            }
        }
    }

    var name: String
    var id: String
    var box: Box
    var pen: Pen

    init?(name: String, _ attributes: Attributes) {
        self.name = name
        guard let id = attributes.escapeString("id"), !hasObjectEscape(id),
              let numbers = attributes["bb"].map({ $0.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) } }),
              numbers.count == 4, numbers.allSatisfy({ $0 != nil }),
              let style = Style(attributes["style"] ?? "", allowed: [.filled, .dashed, .dotted, .solid])
        else { return nil }
        self.id = id
        let (x0, y0, x1, y1) = (numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!)
        box = Box(lowerLeft: Point(x: x0, y: min(y0, y1)), upperRight: Point(x: x1, y: max(y0, y1)))
        var filled = style.contains(.filled)
        var fillText: String?, penText: String?
        if let color = attributes["color"], !color.isEmpty { (fillText, penText) = (color, color) }
        if let color = attributes["fillcolor"], !color.isEmpty { fillText = color }
        if !filled || fillText == nil, let color = attributes["bgcolor"], !color.isEmpty {
            fillText = color
            filled = true
        }
        guard let stroke = SVGColor(penText ?? "black"), let fill = SVGColor(fillText ?? "lightgrey") else { return nil }
        var width: Double?
        if let text = attributes["penwidth"], !text.isEmpty {
            guard let value = attributes.number("penwidth", default: 1, minimum: 0) else { return nil }
            width = value
        }
        pen = Pen(fill: filled ? fill : nil, stroke: stroke, width: width, dash: style.dash)
    }

    func write(_ out: inout SVGText) {
        out.putGroupStart(id: id, kind: "cluster", className: "")
        out.put("<title>")
        out.putEscaped(name)
        out.put("</title>\n")
        out.putPolygon(box.corners, pen)
        out.put("</g>\n")
    }
}

// MARK: Labels

/// A plain label as labels.c `make_simple_label` splits it, drawn by `emit_label`.
private struct PlacedLabel {
    struct Line {
        var text: String
        /// `l`, `r` or `n` (centred).
        var justification: UInt8
        var width = 0.0
        var height = 0.0
    }

    var lines: [Line] = []
    var font: FontKey
    var color: SVGColor
    var verticalAlignment: Character = "c"
    var position = Point(x: 0, y: 0)
    var width = 0.0
    var height = 0.0

    /// nil for text this writer does not interpret as Graphviz would (object escapes such as `\N`,
    /// entities other than `&amp;`, or control characters).
    init?(_ text: String, font: FontKey, color: SVGColor) {
        guard color != .transparent, font.size < 1e6, let decoded = decodedEntities(text) else { return nil }
        self.font = font
        self.color = color
        var line: [UInt8] = []
        var bytes = decoded.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "\\") {
                guard let next = bytes.next() else { return nil }
                switch next {
                case UInt8(ascii: "n"), UInt8(ascii: "l"), UInt8(ascii: "r"):
                    lines.append(Line(text: String(decoding: line, as: UTF8.self), justification: next))
                    line = []
                case UInt8(ascii: "G"), UInt8(ascii: "N"), UInt8(ascii: "E"), UInt8(ascii: "H"), UInt8(ascii: "T"), UInt8(ascii: "L"):
                    return nil
                default:
                    line.append(next)
                }
            } else if byte == UInt8(ascii: "\n") {
                lines.append(Line(text: String(decoding: line, as: UTF8.self), justification: UInt8(ascii: "n")))
                line = []
            } else if byte < 0x20 {
                return nil
            } else {
                line.append(byte)
            }
        }
        if !line.isEmpty {
            lines.append(Line(text: String(decoding: line, as: UTF8.self), justification: UInt8(ascii: "n")))
        }
    }

    /// labels.c `storeline`: the widest line, the heights added up.
    mutating func setSizes(_ measured: LineSizes) {
        width = 0
        height = 0
        for index in lines.indices {
            if lines[index].text.isEmpty {
                lines[index].width = 0
                lines[index].height = Double(Int(font.size * 1.2))
            } else {
                let size = measured[font]?[lines[index].text] ?? (0, 0)
                lines[index].width = size.width
                lines[index].height = size.height
            }
            width = max(width, lines[index].width)
            height += lines[index].height
        }
    }

    /// labels.c `emit_label` with the SVG renderer's `svg_textspan`.
    func write(_ out: inout SVGText, at center: Point, space: Point) {
        guard !lines.isEmpty else { return }
        var y: Double = switch verticalAlignment {
        case "t": center.y + space.y / 2 - font.size
        case "b": center.y - space.y / 2 + height - font.size
        default: center.y + height / 2 - font.size
        }
        for line in lines {
            if !line.text.isEmpty {
                let x: Double
                let anchor: String
                switch line.justification {
                case UInt8(ascii: "l"): (x, anchor) = (center.x - space.x / 2, "start")
                case UInt8(ascii: "r"): (x, anchor) = (center.x + space.x / 2, "end")
                default: (x, anchor) = (center.x, "middle")
                }
                out.put("<text text-anchor=\"\(anchor)\" x=\"")
                out.putNumber(x)
                out.put("\" y=\"")
                // `svg_textspan` moves the baseline by the line's `yoffset_centerline`, a fifth of the
                // font size from Graphviz 2.43's pango plugin.
                out.putNumber(-(y + 0.2 * font.size))
                out.put("\" font-family=\"")
                out.put(font.name)
                out.put("\" font-size=\"")
                out.putFixed(font.size)
                out.put("\"")
                if color != .black {
                    out.put(" fill=\"")
                    out.put(color.text)
                    out.put("\"")
                }
                out.put(">")
                out.putEscaped(line.text, raw: true)
                out.put("</text>\n")
            }
            y -= line.height
        }
    }
}

// MARK: Values

/// Attributes as Graphviz reads them: the text it receives, own values over the defaults.
private struct Attributes {
    var own: GraphvizAttributes
    var defaults: GraphvizAttributes

    init(_ own: GraphvizAttributes, defaults: GraphvizAttributes) {
        self.own = own
        self.defaults = defaults
    }

    subscript(name: String) -> String? {
        (own[name] ?? defaults[name])?.graphvizText(forAttribute: name)
    }

    /// Graphviz's `late_double`: the default when unset, at least `minimum`; nil for text that is not
    /// a number as a whole (Graphviz would read its start: not covered).
    func number(_ name: String, default value: Double, minimum: Double) -> Double? {
        guard let text = self[name], !text.isEmpty else { return value }
        guard let number = Double(text) else { return nil }
        return max(number, minimum)
    }

    /// An escape string read by `strdup_and_subst_obj`: `\\` becomes `\`.
    func escapeString(_ name: String) -> String? {
        guard let text = self[name], !text.isEmpty else { return nil }
        return collapsingBackslashes(text)
    }
}

/// `x,y` or one value for both, in inches, as Graphviz reads `pad`, `margin` and `size`; nil for a
/// negative value (Graphviz would take it as 0: not covered).
private func inchPair(_ text: String) -> Point? {
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
    guard (1...2).contains(values.count), values.allSatisfy({ $0.map { $0 >= 0 && $0 < 1e6 } == true }) else { return nil }
    return Point(x: values[0]!, y: values.count > 1 ? values[1]! : values[0]!)
}

/// `strdup_and_subst_obj` on text without object escapes: `\\` becomes `\`, other pairs stay.
private func collapsingBackslashes(_ text: String) -> String {
        var result: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "\\"), let next = bytes.next() {
                if next != UInt8(ascii: "\\") { result.append(byte) }
                result.append(next)
            } else {
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
}

/// Whether an escape string still holds an object escape (`\N`, `\G`…) Graphviz would replace.
private func hasObjectEscape(_ text: String) -> Bool {
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
        guard byte == UInt8(ascii: "\\") else { continue }
        guard let next = bytes.next() else { return false }
        if "GNEHTL".utf8.contains(next) { return true }
    }
    return false
}

/// `htmlEntityUTF8` for the one entity the bridge writes (`&amp;`); nil for any other entity.
private func decodedEntities(_ text: String) -> [UInt8]? {
    let bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
    var result: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "&") {
            if bytes[index...].starts(with: "&amp;".utf8) {
                result.append(UInt8(ascii: "&"))
                index += 5
                continue
            }
            if looksLikeEntity(bytes, at: index) { return nil }
        }
        result.append(bytes[index])
        index += 1
    }
    return result
}

/// labels.c `xml_isentity`: `&name;`, `&#digits;` or `&#xhex;`.
private func looksLikeEntity(_ bytes: [UInt8], at start: Int) -> Bool {
    var index = start + 1
    func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }
    func isHex(_ b: UInt8) -> Bool { isDigit(b) || (97...102).contains(b) || (65...70).contains(b) }
    func isLetter(_ b: UInt8) -> Bool { (97...122).contains(b) || (65...90).contains(b) }
    if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X") {
            index += 1
            while index < bytes.count, isHex(bytes[index]) { index += 1 }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
    } else {
        while index < bytes.count, isLetter(bytes[index]) { index += 1 }
    }
    return index < bytes.count && bytes[index] == UInt8(ascii: ";")
}

/// A tooltip as emit.c `preprocessTooltip` and `initMapData` make it: `&amp;` decoded, `\n` `\l`
/// `\r` turned into line breaks, then `\\` into `\`.
private func tooltipText(_ text: String) -> String? {
    guard let decoded = decodedEntities(text) else { return nil }
    var crnl: [UInt8] = []
    var bytes = decoded.makeIterator()
    while let byte = bytes.next() {
        if byte == UInt8(ascii: "\\") {
            guard let next = bytes.next() else { break }
            switch next {
            case UInt8(ascii: "n"), UInt8(ascii: "l"): crnl.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): crnl.append(UInt8(ascii: "\r"))
            default: crnl.append(next)
            }
        } else {
            crnl.append(byte)
        }
    }
    let once = String(decoding: crnl, as: UTF8.self)
    return hasObjectEscape(once) ? nil : collapsingBackslashes(once)
}

private struct Point: Equatable {
    var x: Double
    var y: Double

    /// A node's `pos` (`x,y` or `x,y!`), read as neato reads it: into inches and back.
    static func pinned(_ text: String) -> Point? {
        text.withCString { start -> Point? in
            var cursor = start
            guard let point = scan(&cursor) else { return nil }
            if cursor.pointee == UInt8(ascii: "!") { cursor += 1 }
            guard cursor.pointee == 0 else { return nil }
            return Point(x: 72 * (point.x / 72), y: 72 * (point.y / 72))
        }
    }

    /// `x,y`, the whole text.
    static func parse(_ text: String) -> Point? {
        text.withCString { start -> Point? in
            var cursor = start
            guard let point = scan(&cursor), cursor.pointee == 0 else { return nil }
            return point
        }
    }

    /// `x,y` at `cursor`, read with `strtod` as Graphviz's `sscanf("%lf,%lf")`; moves past it.
    static func scan(_ cursor: inout UnsafePointer<CChar>) -> Point? {
        var end: UnsafeMutablePointer<CChar>?
        let x = strtod(cursor, &end)
        guard let afterX = end, afterX != UnsafeMutablePointer(mutating: cursor), afterX.pointee == UInt8(ascii: ",")
        else { return nil }
        let y = strtod(afterX + 1, &end)
        guard let afterY = end, afterY != afterX + 1 else { return nil }
        cursor = UnsafePointer(afterY)
        return Point(x: x, y: y)
    }
}

private struct Box {
    var lowerLeft: Point
    var upperRight: Point

    /// gvrender_box's order: lower left, upper left, upper right, lower right.
    var corners: [Point] {
        [lowerLeft, Point(x: lowerLeft.x, y: upperRight.y), upperRight, Point(x: upperRight.x, y: lowerLeft.y)]
    }

    mutating func expand(_ other: Box) {
        lowerLeft.x = min(lowerLeft.x, other.lowerLeft.x)
        lowerLeft.y = min(lowerLeft.y, other.lowerLeft.y)
        upperRight.x = max(upperRight.x, other.upperRight.x)
        upperRight.y = max(upperRight.y, other.upperRight.y)
    }

    mutating func expand(_ point: Point) {
        expand(Box(lowerLeft: point, upperRight: point))
    }

    /// utils.c `addLabelBB`.
    mutating func expand(label: PlacedLabel) {
        let (minX, maxX) = (label.position.x - label.width / 2, label.position.x + label.width / 2)
        let (minY, maxY) = (label.position.y - label.height / 2, label.position.y + label.height / 2)
        if minX < lowerLeft.x { lowerLeft.x = minX }
        if maxX > upperRight.x { upperRight.x = maxX }
        if minY < lowerLeft.y { lowerLeft.y = minY }
        if maxY > upperRight.y { upperRight.y = maxY }
    }
}

private struct Style: OptionSet {
    let rawValue: Int
    static let filled = Style(rawValue: 1)
    static let rounded = Style(rawValue: 2)
    static let dashed = Style(rawValue: 4)
    static let dotted = Style(rawValue: 8)
    static let solid = Style(rawValue: 16)

    init(rawValue: Int) { self.rawValue = rawValue }

    /// nil for a style outside `allowed`.
    init?(_ text: String, allowed: Style) {
        var style = Style()
        for word in text.split(separator: ",") {
            let part: Style = switch word {
            case "filled": .filled
            case "rounded": .rounded
            case "dashed": .dashed
            case "dotted": .dotted
            case "solid": .solid
            default: []
            }
            guard !part.isEmpty, allowed.contains(part) else { return nil }
            style.insert(part)
        }
        self = style
    }

    /// The last pen style named wins, as in Graphviz.
    var dash: Dash? {
        if contains(.dashed) { return .dashed }
        if contains(.dotted) { return .dotted }
        return nil
    }
}

private enum Dash {
    case dashed, dotted
}

/// A colour as the SVG renderer prints it: `#rrggbb` in lower case, or a name it passes on.
private struct SVGColor: Equatable {
    let text: String
    static let transparent = SVGColor(name: "transparent")
    static let black = SVGColor(name: "black")

    private init(name: String) { text = name }

    init?(_ text: String) {
        if text == "black" || text == "transparent" {
            self.text = text
            return
        }
        let bytes = Array(text.utf8)
        func isHexDigit(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
        }
        guard bytes.count == 7, bytes[0] == UInt8(ascii: "#"), bytes.dropFirst().allSatisfy(isHexDigit) else { return nil }
        self.text = String(decoding: bytes.map { (65...70).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

private struct Pen {
    var fill: SVGColor?
    var stroke: SVGColor
    var width: Double?
    var dash: Dash?
}

/// arith.h `ROUND`, geom.h `POINTS`.
private func points(_ inches: Double) -> Int { roundedToInt(inches * 72) }

private func roundedToInt(_ value: Double) -> Int {
    value >= 0 ? Int(value + 0.5) : Int(value - 0.5)
}

/// SVG text as bytes, with Graphviz's number and escaping rules.
private struct SVGText {
    var bytes: [UInt8] = []
    /// False once a number was not finite or too large for `%.2f` in 64 bits.
    private(set) var printedEveryNumber = true

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func put(_ text: String) { bytes += text.utf8 }

    mutating func putGroupStart(id: String, kind: String, className: String) {
        put("<g id=\"")
        putEscaped(id)
        put("\" class=\"\(kind)")
        if !className.isEmpty {
            put(" ")
            putEscaped(className)
        }
        put("\">\n")
    }

    /// gvprintdouble: `%.2f` with trailing zeros and point dropped, nearly zero as `0`.
    mutating func putNumber(_ value: Double) {
        putDecimal(value > -0.00000001 && value < 0.00000001 ? 0 : value, trimmed: true)
    }

    /// `%.2f`.
    mutating func putFixed(_ value: Double) { putDecimal(value, trimmed: false) }

    private mutating func putDecimal(_ value: Double, trimmed: Bool) {
        guard abs(value) < 1e15 else {
            printedEveryNumber = false
            return
        }
        let scaled = roundedHundredths(abs(value))
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        putDigits(scaled / 100)
        let fraction = scaled % 100
        guard fraction != 0 || !trimmed else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 || !trimmed { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    private mutating func putDigits(_ value: Int64) {
        if value >= 10 { putDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    mutating func putPolygon(_ points: [Point], _ pen: Pen) {
        put("<polygon")
        putPen(pen)
        put(" points=\"")
        for point in points + [points[0]] {
            putNumber(point.x)
            put(",")
            putNumber(-point.y)
            put(" ")
        }
        bytes.removeLast()
        put("\"/>\n")
    }

    mutating func putBezier(_ points: [Point], _ pen: Pen) {
        put("<path")
        putPen(pen)
        put(" d=\"")
        for (index, point) in points.enumerated() {
            bytes.append(index == 0 ? UInt8(ascii: "M") : index == 1 ? UInt8(ascii: "C") : UInt8(ascii: " "))
            putNumber(point.x)
            put(",")
            putNumber(-point.y)
        }
        put("\"/>\n")
    }

    /// gvrender_core_svg.c `svg_grstyle`.
    private mutating func putPen(_ pen: Pen) {
        put(" fill=\"")
        put(pen.fill?.text ?? "none")
        put("\" stroke=\"")
        put(pen.stroke.text)
        if let width = pen.width, width != 1 {
            put("\" stroke-width=\"")
            putNumber(width)
        }
        switch pen.dash {
        case .dashed: put("\" stroke-dasharray=\"5,2")
        case .dotted: put("\" stroke-dasharray=\"1,5")
        case nil: break
        }
        put("\"")
    }

    /// labels.c `xml_string0`.
    mutating func putEscaped(_ text: String, raw: Bool = false) {
        let source = Array(text.utf8)
        var previous: UInt8 = 0
        for (index, byte) in source.enumerated() {
            switch byte {
            case UInt8(ascii: "&") where raw || !looksLikeEntity(source, at: index): put("&amp;")
            case UInt8(ascii: "<"): put("&lt;")
            case UInt8(ascii: ">"): put("&gt;")
            case UInt8(ascii: "-"): put("&#45;")
            case UInt8(ascii: " ") where index > 0 && previous == UInt8(ascii: " "): put("&#160;")
            case UInt8(ascii: "\""): put("&quot;")
            case UInt8(ascii: "'"): put("&#39;")
            case UInt8(ascii: "\n") where raw: put("&#10;")
            case UInt8(ascii: "\r") where raw: put("&#13;")
            default: bytes.append(byte)
            }
            previous = byte
        }
    }
}

/// `magnitude × 100` rounded as printf's `%.2f` rounds: to nearest, ties to even, on the double's
/// exact value.
private func roundedHundredths(_ magnitude: Double) -> Int64 {
    let scaled = magnitude * 100
    // The product's rounding error: `magnitude × 100` is exactly `scaled + error`, so the tie test
    // sees the exact value.
    let error = fma(magnitude, 100, -scaled)
    let whole = scaled.rounded(.down)
    let aboveHalf = (scaled - whole - 0.5) + error
    var hundredths = Int64(whole)
    if aboveHalf > 0 || (aboveHalf == 0 && hundredths & 1 == 1) { hundredths += 1 }
    return hundredths
}
