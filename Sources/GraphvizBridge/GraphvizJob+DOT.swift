/// Turning a ``GraphvizGraph`` into DOT text. The text is what Graphviz reads, in-process and from
/// `--format dot` alike, so the two cannot differ.
extension GraphvizJob {
    /// `graph` as DOT text, with its `layout` attribute set to `engine`.
    func dotText(for graph: GraphvizGraph, engine: String) throws(GraphvizError) -> String {
        var writer = DOTWriter()
        try writer.checkQuotable(graph.name, "graph name \(graph.name)", job: self)
        writer.text += "digraph \(DOTWriter.identifier(graph.name)) {\n"
        var graphAttributes = graph.attributes
        graphAttributes["layout"] = .raw(engine)
        try writer.statement("\tgraph", graphAttributes, describing: "graph", job: self)
        try writer.statement("\tnode", graph.nodeDefaults, describing: "node default", job: self)
        try writer.statement("\tedge", graph.edgeDefaults, describing: "edge default", job: self)

        var names = Set<String>()
        names.reserveCapacity(graph.nodes.count)
        for node in graph.nodes {
            try writer.checkQuotable(node.name, "node name \(node.name)", job: self)
            guard names.insert(node.name).inserted else {
                throw failure(.invalidGraph, "node \(node.name) is declared twice")
            }
            try writer.statement("\t" + DOTWriter.identifier(node.name), node.attributes,
                                 describing: "node \(node.name)", always: true, job: self)
        }
        for edge in graph.edges {
            let description = "edge \(edge.tail) -> \(edge.head)"
            guard names.contains(edge.tail), names.contains(edge.head) else {
                throw failure(.invalidGraph, "\(description) names a node that is not in the graph")
            }
            // Each edge statement makes a new edge, so parallel edges stay distinct.
            try writer.statement("\t\(DOTWriter.identifier(edge.tail)) -> \(DOTWriter.identifier(edge.head))",
                                 edge.attributes, describing: description, always: true, job: self)
        }
        var subgraphNames = Set<String>()
        for subgraph in graph.subgraphs {
            let description = "subgraph \(subgraph.name)"
            try writer.checkQuotable(subgraph.name, description, job: self)
            guard subgraphNames.insert(subgraph.name).inserted else {
                throw failure(.invalidGraph, "\(description) is declared twice")
            }
            writer.text += "\tsubgraph \(DOTWriter.identifier(subgraph.name)) {\n"
            try writer.statement("\t\tgraph", subgraph.attributes, describing: description, job: self)
            for member in subgraph.nodes {
                guard names.contains(member) else {
                    throw failure(.invalidGraph, "\(description) names node \(member), which is not in the graph")
                }
                writer.text += "\t\t\(DOTWriter.identifier(member));\n"
            }
            writer.text += "\t}\n"
        }
        writer.text += "}\n"
        return writer.text
    }
}

/// Builds DOT text: every identifier and value written so that cgraph's parser reads back exactly
/// the string it stands for.
private struct DOTWriter {
    var text = ""

    /// `head [name=value, …];`, or nothing for no attributes unless `always` (a node or edge statement
    /// creates its object even without attributes).
    mutating func statement(
        _ head: String, _ attributes: GraphvizAttributes, describing owner: String, always: Bool = false,
        job: GraphvizJob
    ) throws(GraphvizError) {
        guard !attributes.isEmpty || always else { return }
        text += head
        var separator = " ["
        for (name, value) in attributes {
            try checkQuotable(name, "attribute name \(name) of \(owner)", job: job)
            text += separator + Self.identifier(name) + "="
            separator = ", "
            switch value {
            case .html(let markup):
                // HTML-like text is written between `<` `>`, not quoted; the parser matches its brackets.
                text += "<" + markup + ">"
            case .literal, .raw:
                let graphvizText = value.graphvizText(forAttribute: name)
                try checkQuotable(graphvizText, "attribute \(name) of \(owner)", job: job)
                text += Self.identifier(graphvizText)
            }
        }
        text += separator == " [" ? ";\n" : "];\n"
    }

    func checkQuotable(_ string: String, _ subject: @autoclosure () -> String, job: GraphvizJob) throws(GraphvizError) {
        guard Self.survivesDOTQuoting(string) else {
            throw job.failure(
                .invalidGraph,
                "\(subject()) has a backslash before a quote, a line break or its end, which DOT cannot write")
        }
    }

    /// `string` as a DOT identifier: bare when it is a name or a number DOT reads as itself, else quoted
    /// with its quotes escaped (a quoted string keeps every other character, backslashes included).
    static func identifier(_ string: String) -> String {
        if isBare(string) { return string }
        guard string.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + string + "\"" }
        var quoted = "\""
        quoted.reserveCapacity(string.utf8.count + 2)
        for character in string.unicodeScalars {
            if character == "\"" { quoted += "\\" }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    private static func isBare(_ string: String) -> Bool {
        guard let first = string.utf8.first else { return false }
        let isName = !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) && string.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        if isName { return !keywords.contains(string.lowercased()) }
        // A numeral: an optional minus, digits with at most one point, at least one digit.
        var bytes = Substring(string).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = bytes.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        let points = bytes.filter { $0 == UInt8(ascii: ".") }.count
        return digits > 0 && points <= 1 && digits + points == bytes.count
    }

    /// Whether DOT can quote `string` so that it reads back unchanged. A quote is written as `\"` and a
    /// backslash unchanged, so an odd run of backslashes must not end the text or stand before a `"` (it
    /// would escape the quote) or a line break (DOT's line continuation).
    private static func survivesDOTQuoting(_ string: String) -> Bool {
        var backslashRun = 0
        for scalar in string.unicodeScalars {
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
}
