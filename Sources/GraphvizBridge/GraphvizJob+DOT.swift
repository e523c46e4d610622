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
            text += separator
            text += Self.identifier(name)
            text += "="
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
        let bytes = string.utf8
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) {
            let isName = bytes.allSatisfy { byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
            return isName && (bytes.count > 8 || !keywords.contains(string.lowercased()))
        }
        // A numeral: an optional minus, digits with at most one point, at least one digit.
        var digits = 0, points = 0
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where index == 0: continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// Whether DOT can quote `string` so that it reads back unchanged. A quote is written as `\"` and a
    /// backslash unchanged, so an odd run of backslashes must not end the text or stand before a `"` (it
    /// would escape the quote) or a line break (DOT's line continuation).
    private static func survivesDOTQuoting(_ string: String) -> Bool {
        // Bytes suffice: every character that matters is ASCII, and no byte of a multi-byte UTF-8
        // sequence is.
        var backslashRun = 0
        for byte in string.utf8 {
            if byte == UInt8(ascii: "\\") {
                backslashRun += 1
                continue
            }
            if backslashRun % 2 == 1, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") {
                return false
            }
            backslashRun = 0
        }
        return backslashRun % 2 == 0
    }
}
