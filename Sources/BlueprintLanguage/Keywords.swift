/// Words with a meaning at the start of a statement or in an attribute list.
public enum Keyword {
    public static let laneKeywords = ["evidence", "customer", "frontstage", "onstage", "backstage", "support"]
    public static let statementKeywords = ["blueprint", "persona", "scenario", "owner", "locale", "lane", "line", "phase", "promise", "demand"]
        + laneKeywords
    public static let attributeKeywords = AttributeName.allCases.map(\.rawValue)
    public static let lineKinds = BlueprintLine.allCases.map(\.rawValue)
    public static let locales = BlueprintLocale.allCases.map(\.rawValue)
}

/// Keywords by their UTF-8 bytes, so the parser can match a token without building a String and
/// comparing it with each keyword in turn. Keywords are lowercase ASCII, which no other text is
/// canonically equivalent to: byte equality here is exactly String equality.
struct KeywordTable<Value: Sendable>: Sendable {
    private let entries: [(bytes: [UInt8], value: Value)]

    init(_ entries: [(keyword: String, value: Value)]) {
        self.entries = entries.map { (Array($0.keyword.utf8), $0.value) }
    }

    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        entries.first { Self.matches($0.bytes, bytes) }?.value
    }

    /// Byte by byte: the generic `elementsEqual` over an array and a buffer was not specialised,
    /// and cost more than the rest of the lookup.
    private static func matches(_ keyword: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard keyword.count == bytes.count else { return false }
        for index in keyword.indices where keyword[index] != bytes[index] { return false }
        return true
    }
}
