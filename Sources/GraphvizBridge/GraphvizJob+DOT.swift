internal import CGraphviz
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Turning a ``GraphvizGraph`` into DOT text, through cgraph's own graph builder and writer.
extension GraphvizJob {
    /// `graph` as DOT text written by cgraph, with its `layout` attribute set to `engine`.
    func dotText(for graph: GraphvizGraph, engine: String) throws(GraphvizError) -> String {
        try checkQuotable(graph.name, "graph name \(graph.name)")
        let created = withMutableCString(graph.name) {
            agopen($0, cgraphviz_directed(), cgraphviz_creation_order_disc())
        }
        guard let cgraph = created else {
            throw failure(.invalidGraph, "Graphviz could not open graph \(graph.name)")
        }
        defer { close(cgraph) }

        var graphAttributes = graph.attributes
        graphAttributes["layout"] = .raw(engine)
        try declare(graphAttributes, kind: AGRAPH, in: cgraph, describing: "graph")
        try declare(graph.nodeDefaults, kind: AGNODE, in: cgraph, describing: "node default")
        try declare(graph.edgeDefaults, kind: AGEDGE, in: cgraph, describing: "edge default")
        for node in graph.nodes {
            try add(node, to: cgraph)
        }
        for edge in graph.edges {
            try add(edge, to: cgraph)
        }
        for subgraph in graph.subgraphs {
            try add(subgraph, to: cgraph)
        }
        guard !graphvizReportedError else {
            throw failure(.invalidGraph, "Graphviz refused graph \(graph.name)")
        }
        return try write(cgraph)
    }

    private func add(_ node: GraphvizNode, to cgraph: CGraph) throws(GraphvizError) {
        try checkQuotable(node.name, "node name \(node.name)")
        guard lookUpNode(node.name, in: cgraph) == nil else {
            throw failure(.invalidGraph, "node \(node.name) is declared twice")
        }
        guard let cnode = withMutableCString(node.name, { agnode(cgraph, $0, 1) }) else {
            throw failure(.invalidGraph, "Graphviz could not create node \(node.name)")
        }
        try set(node.attributes, on: UnsafeMutableRawPointer(cnode), kind: AGNODE, in: cgraph,
                describing: "node \(node.name)")
    }

    private func add(_ edge: GraphvizEdge, to cgraph: CGraph) throws(GraphvizError) {
        let description = "edge \(edge.tail) -> \(edge.head)"
        guard let tail = lookUpNode(edge.tail, in: cgraph), let head = lookUpNode(edge.head, in: cgraph) else {
            throw failure(.invalidGraph, "\(description) names a node that is not in the graph")
        }
        // Without a name, each call makes a new edge, so parallel edges stay distinct.
        guard let cedge = agedge(cgraph, tail, head, nil, 1) else {
            throw failure(.invalidGraph, "Graphviz could not create \(description)")
        }
        try set(edge.attributes, on: UnsafeMutableRawPointer(cedge), kind: AGEDGE, in: cgraph,
                describing: description)
    }

    private func add(_ subgraph: GraphvizSubgraph, to cgraph: CGraph) throws(GraphvizError) {
        let description = "subgraph \(subgraph.name)"
        try checkQuotable(subgraph.name, description)
        guard withMutableCString(subgraph.name, { agsubg(cgraph, $0, 0) }) == nil else {
            throw failure(.invalidGraph, "\(description) is declared twice")
        }
        guard let csubgraph = withMutableCString(subgraph.name, { agsubg(cgraph, $0, 1) }) else {
            throw failure(.invalidGraph, "Graphviz could not create \(description)")
        }
        try set(subgraph.attributes, on: UnsafeMutableRawPointer(csubgraph), kind: AGRAPH, in: cgraph,
                describing: description)
        for member in subgraph.nodes {
            guard let node = lookUpNode(member, in: cgraph), agsubnode(csubgraph, node, 1) != nil else {
                throw failure(.invalidGraph, "\(description) names node \(member), which is not in the graph")
            }
        }
    }

    /// Sets attribute defaults for every object of `kind` (and, for the graph, the graph's own values).
    private func declare(
        _ attributes: GraphvizAttributes, kind: Int32, in cgraph: CGraph, describing owner: String
    ) throws(GraphvizError) {
        for (name, value) in attributes {
            try checkQuotable(value, name: name, owner: owner)
            let symbol = withGraphvizString(value, forAttribute: name, in: cgraph) { text in
                withMutableCString(name) { agattr(cgraph, kind, $0, text) }
            }
            guard symbol != nil else {
                throw failure(.invalidGraph, "Graphviz refused \(owner) attribute \(name)")
            }
        }
    }

    private func set(
        _ attributes: GraphvizAttributes, on object: UnsafeMutableRawPointer, kind: Int32, in cgraph: CGraph,
        describing owner: String
    ) throws(GraphvizError) {
        for (name, value) in attributes {
            try checkQuotable(value, name: name, owner: owner)
            let status = withMutableCString(name) { cName -> Int32 in
                // An attribute must be declared before an object can have it; "" is Graphviz's "unset".
                let declared = agattr(cgraph, kind, cName, nil) ?? withMutableCString("") { agattr(cgraph, kind, cName, $0) }
                guard let symbol = declared else { return -1 }
                return withGraphvizString(value, forAttribute: name, in: cgraph) { agxset(object, symbol, $0) }
            }
            guard status == 0 else {
                throw failure(.invalidGraph, "Graphviz refused attribute \(name) of \(owner)")
            }
        }
    }

    private func checkQuotable(_ value: GraphvizValue, name: String, owner: String) throws(GraphvizError) {
        // HTML-like values are written between `<` `>`, not quoted.
        if case .html = value { return }
        try checkQuotable(value.graphvizText(forAttribute: name), "attribute \(name) of \(owner)")
    }

    private func checkQuotable(_ text: String, _ subject: @autoclosure () -> String) throws(GraphvizError) {
        guard Self.survivesDOTQuoting(text) else {
            throw failure(
                .invalidGraph,
                "\(subject()) has a backslash before a quote, a line break or its end, which DOT cannot write")
        }
    }

    /// Whether cgraph can write `text` as a quoted DOT string that reads back unchanged. It writes a `"`
    /// as `\"` and a backslash unchanged, so an odd run of backslashes must not end the text or stand
    /// before a `"` (it would escape the quote) or a line break (DOT's line continuation).
    private static func survivesDOTQuoting(_ text: String) -> Bool {
        var backslashRun = 0
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                backslashRun += 1
                continue
            }
            if backslashRun % 2 == 1, scalar == "\"" || scalar == "\n" {
                return false
            }
            backslashRun = 0
        }
        return backslashRun % 2 == 0
    }

    /// Hands `body` the C string Graphviz must store for `value` as attribute `name`. HTML-like text must
    /// be interned with `agstrdup_html` first: cgraph then finds that marked copy when it stores the value.
    private func withGraphvizString<Result>(
        _ value: GraphvizValue, forAttribute name: String, in cgraph: CGraph,
        _ body: (UnsafeMutablePointer<CChar>) -> Result
    ) -> Result {
        guard case .html(let markup) = value else {
            return withMutableCString(value.graphvizText(forAttribute: name), body)
        }
        let interned = withMutableCString(markup) { agstrdup_html(cgraph, $0) }
        defer { agstrfree(cgraph, interned) }
        // agstrdup_html returns NULL only for a NULL argument.
        return body(interned!)
    }

    private func write(_ cgraph: CGraph) throws(GraphvizError) -> String {
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else {
            throw failure(.writeFailed, "could not open a memory stream for the DOT text")
        }
        let writeStatus = agwrite(cgraph, stream)
        // Closing the stream is what makes `buffer` and `size` final.
        let closeStatus = fclose(stream)
        defer { free(buffer) }
        guard writeStatus == 0, closeStatus == 0, let buffer else {
            throw failure(.writeFailed, "Graphviz could not write graph as DOT")
        }
        return String(decoding: UnsafeRawBufferPointer(start: buffer, count: size), as: UTF8.self)
    }
}
