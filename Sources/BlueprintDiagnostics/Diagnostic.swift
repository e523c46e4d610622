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

/// Another place in the file that explains a diagnostic: the first declaration of a duplicate id,
/// a step of a broken promise's worst path.
public struct RelatedLocation: Hashable, Sendable {
    public var range: SourceRange
    public var message: Message

    public init(range: SourceRange, message: Message) {
        self.range = range
        self.message = message
    }
}

/// A replacement of the text in `range` (empty to insert) by `replacement`.
public struct TextEdit: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A change that would resolve a diagnostic.
public struct Fix: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Corrects what the diagnostic is about.
        case correction
        /// Silences the rule on the line (`# lint: ignore RULE`): offered for every diagnostic.
        case suppression
    }

    public var title: Message
    /// Non-overlapping, in source order.
    public var edits: [TextEdit]
    /// Whether `lint --fix` applies it without asking: only fixes with one obvious meaning are
    /// (a single "did you mean" candidate, ASCII punctuation for full-width, a duration's units).
    public var isSafe: Bool
    public var kind: Kind

    public init(title: Message, edits: [TextEdit], isSafe: Bool, kind: Kind = .correction) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
        self.kind = kind
    }
}

/// A finding about a source file: a value the library produces and a front end prints.
public struct Diagnostic: Hashable, Sendable {
    public var severity: Severity
    public var rule: RuleID
    /// What the diagnostic says, in every language.
    public var text: Message
    public var range: SourceRange
    public var related: [RelatedLocation]
    public var fixes: [Fix]

    public init(severity: Severity, rule: RuleID, text: Message, range: SourceRange,
                related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.severity = severity
        self.rule = rule
        self.text = text
        self.range = range
        self.related = related
        self.fixes = fixes
    }

    public init(severity: Severity, rule: RuleID, message: String, range: SourceRange) {
        self.init(severity: severity, rule: rule, text: .verbatim(message), range: range)
    }

    /// The message in English.
    public var message: String { text.text(in: .en) }

    public func message(in language: MessageLanguage) -> String { text.text(in: language) }

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

/// How many diagnostics of each severity: those a file had past the diagnostic limit.
public struct DiagnosticCounts: Hashable, Sendable {
    public var errors = 0
    public var warnings = 0

    public init(errors: Int = 0, warnings: Int = 0) {
        self.errors = errors
        self.warnings = warnings
    }

    public var total: Int { errors + warnings }

    public mutating func add(_ count: Int, _ severity: Severity) {
        switch severity {
        case .error: errors += count
        case .warning: warnings += count
        }
    }
}
