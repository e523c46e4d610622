/// Turning a ``GraphvizGraph`` into DOT text. The text is what Graphviz reads, in-process and from
/// `--format dot` alike, so the two cannot differ.
extension GraphvizJob {
    /// `graph` as DOT text, with its `layout` attribute set to `engine`.
    func dotText(for graph: GraphvizGraph, engine: String) throws(GraphvizError) -> String {
        var writer = DOTWriter()
        try writer.checkQuotable(graph.name, "graph name \(graph.name)", job: self)
        writer.write("digraph \(DOTWriter.identifier(graph.name)) {\n")
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
            guard names.contains(edge.tail), names.contains(edge.head) else {
                throw failure(.invalidGraph, "edge \(edge.tail) -> \(edge.head) names a node that is not in the graph")
            }
            // Each edge statement makes a new edge, so parallel edges stay distinct.
            try writer.statement("\t\(DOTWriter.identifier(edge.tail)) -> \(DOTWriter.identifier(edge.head))",
                                 edge.attributes, describing: "edge \(edge.tail) -> \(edge.head)", always: true, job: self)
        }
        var subgraphNames = Set<String>()
        for subgraph in graph.subgraphs {
            let description = "subgraph \(subgraph.name)"
            try writer.checkQuotable(subgraph.name, description, job: self)
            guard subgraphNames.insert(subgraph.name).inserted else {
                throw failure(.invalidGraph, "\(description) is declared twice")
            }
            writer.write("\tsubgraph \(DOTWriter.identifier(subgraph.name)) {\n")
            try writer.statement("\t\tgraph", subgraph.attributes, describing: description, job: self)
            for member in subgraph.nodes {
                guard names.contains(member) else {
                    throw failure(.invalidGraph, "\(description) names node \(member), which is not in the graph")
                }
                writer.write("\t\t\(DOTWriter.identifier(member));\n")
            }
            writer.write("\t}\n")
        }
        writer.write("}\n")
        return String(decoding: writer.text, as: UTF8.self)
    }
}

/// Whether `string` can be written into DOT text so that Graphviz reads back exactly it: what
/// `dotText(for:engine:)` refuses with an error otherwise.
func readsBackFromDOT(_ string: String) -> Bool {
    DOTWriter.identifierLength(string).map { $0 <= GraphvizValue.scannerLimit } ?? false
}

/// Builds DOT text: every identifier and value written so that cgraph's parser reads back exactly
/// the string it stands for.
private struct DOTWriter {
    /// UTF-8 bytes: appending bytes is cheaper than appending strings, and DOT text runs to megabytes.
    var text: [UInt8] = []

    mutating func write(_ string: String) {
        text += string.utf8
    }

    /// `head [name=value, …];`, or nothing for no attributes unless `always` (a node or edge statement
    /// creates its object even without attributes).
    mutating func statement(
        _ head: String, _ attributes: GraphvizAttributes, describing owner: @autoclosure () -> String,
        always: Bool = false, job: GraphvizJob
    ) throws(GraphvizError) {
        guard !attributes.isEmpty || always else { return }
        write(head)
        var separator = " ["
        for (name, value) in attributes {
            write(separator)
            guard Self.appendIdentifier(name, to: &text) else {
                throw unquotable("attribute name \(name) of \(owner())", job: job)
            }
            text.append(UInt8(ascii: "="))
            separator = ", "
            switch value {
            case .html(let markup):
                // HTML-like text is written between `<` `>`, not quoted; the parser matches its brackets.
                write("<")
                write(markup)
                write(">")
            case .literal, .raw:
                let start = text.count
                guard Self.appendIdentifier(value.graphvizText(forAttribute: name), to: &text) else {
                    throw unquotable("attribute \(name) of \(owner())", job: job)
                }
                guard text.count - start <= GraphvizValue.scannerLimit else {
                    throw tooLong("attribute \(name) of \(owner())", job: job)
                }
            }
        }
        write(separator == " [" ? ";\n" : "];\n")
    }

    func checkQuotable(_ string: String, _ subject: @autoclosure () -> String, job: GraphvizJob) throws(GraphvizError) {
        guard let length = Self.identifierLength(string) else { throw unquotable(subject(), job: job) }
        guard length <= GraphvizValue.scannerLimit else { throw tooLong(subject(), job: job) }
    }

    private func tooLong(_ subject: String, job: GraphvizJob) -> GraphvizError {
        job.failure(.invalidGraph, "\(subject) is longer than the \(GraphvizValue.scannerLimit) bytes DOT can read")
    }

    private func unquotable(_ subject: String, job: GraphvizJob) -> GraphvizError {
        job.failure(.invalidGraph, "\(subject) has a backslash before a quote, a line break or its end, which DOT cannot write")
    }

    /// `string` as a DOT identifier: bare when it is a name or a number DOT reads as itself, else quoted
    /// with its quotes escaped (a quoted string keeps every other character, backslashes included).
    static func identifier(_ string: String) -> String {
        var text: [UInt8] = []
        appendIdentifier(string, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends `string` as a DOT identifier: bare when it is a name or a number DOT reads as itself,
    /// else quoted with its quotes escaped (a quoted string keeps every other character, backslashes
    /// included). False, with nothing appended, when DOT cannot quote it so that it reads back
    /// unchanged: an odd run of backslashes before a `"` (it would escape the quote), before a line
    /// break (DOT's line continuation) or at the end.
    @discardableResult
    static func appendIdentifier(_ string: String, to text: inout [UInt8]) -> Bool {
        var string = string
        // Native strings hand out their UTF-8 storage without copying.
        return string.withUTF8 { bytes in
            switch form(of: bytes) {
            case nil: return false
            case .bare:
                text.append(contentsOf: bytes)
            case .quoted(quotes: 0):
                text.append(UInt8(ascii: "\""))
                text.append(contentsOf: bytes)
                text.append(UInt8(ascii: "\""))
            case .quoted:
                text.append(UInt8(ascii: "\""))
                for byte in bytes {
                    if byte == UInt8(ascii: "\"") { text.append(UInt8(ascii: "\\")) }
                    text.append(byte)
                }
                text.append(UInt8(ascii: "\""))
            }
            return true
        }
    }

    /// The length of `string` written by `appendIdentifier`, or nil when it cannot be written: what
    /// checking a string needs, without writing it anywhere.
    static func identifierLength(_ string: String) -> Int? {
        var string = string
        return string.withUTF8 { bytes in
            switch form(of: bytes) {
            case nil: nil
            case .bare: bytes.count
            case .quoted(let quotes): bytes.count + quotes + 2
            }
        }
    }

    private enum IdentifierForm {
        case bare
        /// Between quotes, each of its own quotes escaped.
        case quoted(quotes: Int)
    }

    private static func form(of bytes: UnsafeBufferPointer<UInt8>) -> IdentifierForm? {
        if isBare(bytes) { return .bare }
        // Bytes suffice: every character that matters is ASCII, and no byte of a multi-byte
        // UTF-8 sequence is.
        var backslashRun = 0
        var quotes = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\\") {
                backslashRun += 1
                continue
            }
            if byte == UInt8(ascii: "\"") { quotes += 1 }
            if backslashRun % 2 == 1, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") { return nil }
            backslashRun = 0
        }
        return backslashRun % 2 == 0 ? .quoted(quotes: quotes) : nil
    }

    private static let keywords = ["node", "edge", "graph", "digraph", "subgraph", "strict"].map { Array($0.utf8) }

    private static func isBare(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) {
            let isName = bytes.allSatisfy { byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
            // Keywords in any case; a name has no byte that `| 0x20` would confuse.
            return isName && !keywords.contains { keyword in
                keyword.count == bytes.count && zip(keyword, bytes).allSatisfy { $0 == $1 | 0x20 }
            }
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
}
