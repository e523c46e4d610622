internal import CGraphviz
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

typealias CGraph = UnsafeMutablePointer<Agraph_t>

/// The calls into Graphviz that one job makes. Only valid inside ``GraphvizGate/run(_:)``; every
/// function frees what it allocated before returning, on failure too.
struct GraphvizJob {
    let context: OpaquePointer
    let gate: GraphvizGate

    var warnings: [String] { gate.currentMessages.warnings }

    func failure(_ kind: GraphvizError.Kind, _ message: String) -> GraphvizError {
        let messages = gate.currentMessages
        return GraphvizError(
            kind: kind, message: message, graphvizErrors: messages.errors, graphvizWarnings: messages.warnings)
    }

    /// `agerrors()` only counts errors; warnings leave it at zero.
    var graphvizReportedError: Bool { agerrors() > 0 }

    /// Reads `dot` with cgraph's parser, the one the `dot` command uses, and closes the graph after `body`.
    ///
    /// Layout runs on this parsed copy rather than on the graph that wrote the text, so node and edge
    /// order (and with them SVG ids such as `edge3`, and drawing order) are what `dot` reads.
    func withParsedGraph<Result>(
        _ dot: String, _ body: (CGraph) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        var text = Array(dot.utf8)
        let parsed = text.withUnsafeMutableBytes { bytes -> CGraph? in
            guard let stream = fmemopen(bytes.baseAddress, bytes.count, "r") else { return nil }
            defer { fclose(stream) }
            return agread(stream, cgraphviz_creation_order_disc())
        }
        guard let parsed else {
            throw failure(.invalidGraph, "Graphviz could not read back its own DOT text")
        }
        let result: Result
        do throws(GraphvizError) {
            guard !graphvizReportedError else {
                throw failure(.invalidGraph, "Graphviz could not read back its own DOT text")
            }
            result = try body(parsed)
        } catch {
            _ = cgraphviz_close(parsed)
            throw error
        }
        // Closing only fails if cgraph's own bookkeeping does.
        guard cgraphviz_close(parsed) == 0 else { throw failure(.renderFailed, "Graphviz could not close the graph") }
        return result
    }

    /// Runs `engine` on `cgraph`, then frees the layout after `body`.
    func withLayout<Result>(
        _ cgraph: CGraph, engine: String, _ body: () throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        let status = gvLayout(context, cgraph, engine)
        // A failed layout may still have allocated part of its data.
        defer {
            if status == 0, engine.hasPrefix("nop") { cgraphviz_free_nop_layout_lists(cgraph) }
            gvFreeLayout(context, cgraph)
        }
        guard status == 0, !graphvizReportedError else {
            throw failure(.layoutFailed, "Graphviz layout \(engine) failed")
        }
        return try body()
    }

    func render(_ cgraph: CGraph, format: String) throws(GraphvizError) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, cgraph, format, &data, &length)
        defer { gvFreeRenderData(data) }
        guard status == 0, !graphvizReportedError, let data else {
            throw failure(.renderFailed, "Graphviz could not render format \(format)")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// Each line's width and the height Graphviz gives it, as a label's lines are measured.
    func textSizes(_ texts: [String], fontName: String, size: Double) -> [(width: Double, height: Double)] {
        withMutableCString(fontName) { font in
            texts.map { text in
                let measured = withMutableCString(text) { cgraphviz_text_size(context, $0, font, size) }
                return (measured.x, measured.y)
            }
        }
    }

    /// Measures those of `texts` that `sizes` does not hold yet in `font`, and adds them.
    func measure(_ texts: [String], in font: FontKey, into sizes: inout LineSizes) {
        let missing = texts.filter { sizes[font]?[$0] == nil }
        guard !missing.isEmpty else { return }
        let measured = textSizes(missing, fontName: font.name, size: font.size)
        sizes[font, default: [:]].merge(zip(missing, measured)) { first, _ in first }
    }

    /// Node sizes and places after layout. `attach_attrs` stores them as the attributes `width`,
    /// `height`, `pos` and `bb`, the same text `dot -Tdot` prints.
    func readGeometry(of graph: GraphvizGraph, in cgraph: CGraph) throws(GraphvizError) -> GraphvizLayoutResult {
        attach_attrs(cgraph)
        var nodes: [GraphvizNodeGeometry] = []
        nodes.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            guard let cnode = lookUpNode(node.name, in: cgraph).map(UnsafeMutableRawPointer.init),
                let width = attribute("width", of: cnode).flatMap(Double.init),
                let height = attribute("height", of: cnode).flatMap(Double.init),
                let center = attribute("pos", of: cnode).flatMap(Self.numbers), center.count == 2
            else {
                throw failure(.layoutFailed, "Graphviz gave no size or position for node \(node.name)")
            }
            nodes.append(GraphvizNodeGeometry(
                name: node.name, widthInches: width, heightInches: height,
                center: GraphvizPoint(x: center[0], y: center[1])))
        }
        guard let box = attribute("bb", of: UnsafeMutableRawPointer(cgraph)).flatMap(Self.numbers), box.count == 4
        else {
            throw failure(.layoutFailed, "Graphviz gave no bounding box")
        }
        return GraphvizLayoutResult(
            nodes: nodes,
            boundingBox: GraphvizRect(
                lowerLeft: GraphvizPoint(x: box[0], y: box[1]), upperRight: GraphvizPoint(x: box[2], y: box[3])),
            warnings: warnings)
    }

    func lookUpNode(_ name: String, in cgraph: CGraph) -> UnsafeMutablePointer<Agnode_t>? {
        withMutableCString(name) { agnode(cgraph, $0, 0) }
    }

    private func attribute(_ name: String, of object: UnsafeMutableRawPointer) -> String? {
        withMutableCString(name) { agget(object, $0) }.map { String(cString: $0) }
    }

    /// Parses Graphviz's comma-separated numbers: "x,y" or "llx,lly,urx,ury".
    private static func numbers(_ text: String) -> [Double]? {
        let fields = text.split(separator: ",")
        let values = fields.compactMap { Double($0) }
        return values.count == fields.count ? values : nil
    }
}

/// cgraph's 2.42 API takes `char *` everywhere but copies what it is given, so a temporary C string will do.
func withMutableCString<Result>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) -> Result) -> Result {
    text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
}
