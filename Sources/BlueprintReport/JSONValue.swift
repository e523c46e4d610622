/// A JSON document whose objects keep their keys in the order written: the JSON format's key
/// order is part of the spec, and SARIF reads best with `$schema` and `version` first.
package enum JSONValue {
    case string(String)
    case int(Int)
    /// A count or a seed past `Int.max`.
    case unsigned(UInt64)
    /// Written in the shortest form that reads back as the same value, without a trailing `.0`; the
    /// caller rounds it to the digits it means. Not a number and infinities are written as `null`.
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// An object with its keys in the order written; members whose value is nil are left out.
    package init(_ members: KeyValuePairs<String, JSONValue?>) {
        self = .object(members.compactMap { member in member.value.map { (member.key, $0) } })
    }

    package init(_ members: [(String, JSONValue?)]) {
        self = .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// One line without spaces, or indented by two spaces per level.
    package func serialized(pretty: Bool) -> String {
        var output = ""
        write(to: &output, indent: pretty ? "" : nil)
        return output
    }

    /// Appends the compact form to `output`.
    func write(to output: inout String) {
        write(to: &output, indent: nil)
    }

    /// `indent` is the current indentation when pretty-printing, nil for compact output.
    private func write(to output: inout String, indent: String?) {
        switch self {
        case .string(let string):
            output += Self.quoted(string)
        case .int(let number):
            output += String(number)
        case .unsigned(let number):
            output += String(number)
        case .number(let number):
            guard number.isFinite else { return output += "null" }
            let written = String(number == 0 ? 0 : number)
            output += written.hasSuffix(".0") ? String(written.dropLast(2)) : written
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &output, indent: indent) { element, output, inner in
                element.write(to: &output, indent: inner)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &output, indent: indent) { member, output, inner in
                output += Self.quoted(member.key) + (inner == nil ? ":" : ": ")
                member.value.write(to: &output, indent: inner)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String, indent: String?,
        writeElement: (Element, inout String, String?) -> Void
    ) {
        output += open
        guard !elements.isEmpty else { return output += close }
        let inner = indent.map { $0 + "  " }
        for (index, element) in elements.enumerated() {
            if index > 0 { output += "," }
            if let inner { output += "\n" + inner }
            writeElement(element, &output, inner)
        }
        if let indent { output += "\n" + indent }
        output += close
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped,
    /// everything else kept as UTF-8.
    static func quoted(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
