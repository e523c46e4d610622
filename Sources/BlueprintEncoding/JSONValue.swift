import Foundation

/// Any JSON value, the one JSON type of every output and protocol: reports and SARIF logs write it,
/// the language server reads messages' params into it. Objects keep their keys in the order written
/// (the JSON report's key order is part of the spec, and SARIF reads best with `$schema` first).
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// An integer written exactly: lines, columns, counts.
    case int(Int)
    /// A count or a seed past `Int.max`.
    case unsigned(UInt64)
    /// Any other number; what a parsed message holds for every number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// An object with its keys in the order written; members whose value is nil are left out.
    public init(_ members: KeyValuePairs<String, JSONValue?>) {
        self = .object(JSONObject(members.compactMap { member in member.value.map { (member.key, $0) } }))
    }

    public init(_ members: [(String, JSONValue?)]) {
        self = .object(JSONObject(members.compactMap { key, value in value.map { (key, $0) } }))
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var numberValue: Double? {
        switch self {
        case .number(let number): number
        case .int(let number): Double(number)
        case .unsigned(let number): Double(number)
        default: nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// This value read as a `Decodable` type, as a message's params are.
    public func decode<Value: Decodable>(as type: Value.Type) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(self))
    }

    // MARK: Writing

    /// One line without spaces, or indented by two spaces per level.
    public func serialized(pretty: Bool) -> String {
        var output = ""
        write(to: &output, indent: pretty ? "" : nil)
        return output
    }

    /// Appends the compact form to `output`.
    public func write(to output: inout String) {
        write(to: &output, indent: nil)
    }

    /// `indent` is the current indentation when pretty-printing, nil for compact output.
    private func write(to output: inout String, indent: String?) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let number):
            output += String(number)
        case .unsigned(let number):
            output += String(number)
        case .number(let number):
            output += Self.written(number)
        case .string(let string):
            output += Self.quoted(string)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &output, indent: indent) { element, output, inner in
                element.write(to: &output, indent: inner)
            }
        case .object(let object):
            writeContainer(object.members, open: "{", close: "}", to: &output, indent: indent) { member, output, inner in
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

    /// Integers without a fraction, so ids and versions compare as written; JSON has no NaN or infinity.
    private static func written(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return wholeNumber(number).map(String.init) ?? String(number)
    }

    /// `number` as an integer when it is one that a Double holds exactly.
    fileprivate static func wholeNumber(_ number: Double) -> Int? {
        number.rounded() == number && abs(number) < 1e15 ? Int(number) : nil
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped,
    /// everything else kept as UTF-8.
    public static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        writeQuoted(string, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal, as `quoted` writes it. Byte by byte: every byte of a
    /// multi-byte UTF-8 sequence is 0x80 or above, so only ASCII needs a look.
    package static func writeQuoted(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: output += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: output += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// The members of a JSON object, in the order written; a key written twice keeps its first value.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(_ members: [(String, JSONValue)]) {
        self.members = members.map { (key: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.elementsEqual(rhs.members) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            // A parsed object's key order is the decoder's; nothing reads it in order.
            let members = try container.decode([String: JSONValue].self)
            self = .object(JSONObject(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let object):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in object.members { try container.encode(member.value, forKey: MemberKey(member.key)) }
        default:
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let bool): try container.encode(bool)
            case .int(let number): try container.encode(number)
            case .unsigned(let number): try container.encode(number)
            case .number(let number):
                // Integers go out without a fraction: ids and versions are compared as written.
                if let whole = Self.wholeNumber(number) { try container.encode(whole) } else { try container.encode(number) }
            case .string(let string): try container.encode(string)
            case .array(let array): try container.encode(array)
            case .object: break
            }
        }
    }

    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
