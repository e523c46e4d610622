public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// The stable id of a lint rule, as written in `# lint: ignore` comments,
/// configuration files and every output format.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Reported by the parser; every other rule id belongs to the linter.
    public static let syntax: RuleID = "syntax"
}

/// A finding about a source file: a value the library produces and a front end prints.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var rule: RuleID
    public var message: String
    public var range: SourceRange

    public init(severity: Severity, rule: RuleID, message: String, range: SourceRange) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.range = range
    }

    public var position: SourcePosition { range.start }

    /// Spec order within one file: line, column, rule id, message.
    public static func sortedOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let l = lhs.range.start, r = rhs.range.start
        if l.line != r.line { return l.line < r.line }
        if l.column != r.column { return l.column < r.column }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rule.rawValue.unicodeScalars) }
        // Code-point order: String's own `<` treats canonically equivalent texts as equal.
        return lhs.message.unicodeScalars.lexicographicallyPrecedes(rhs.message.unicodeScalars)
    }
}
