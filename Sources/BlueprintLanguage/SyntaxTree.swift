/// The five lanes of a service blueprint, top to bottom.
public enum Lane: String, CaseIterable, Hashable, Sendable, Comparable {
    case evidence
    case customer
    case frontstage
    case backstage
    case support

    /// The lane a lane keyword names; `onstage` is another name for `frontstage`.
    public init?(keyword: String) {
        if keyword == "onstage" { self = .frontstage; return }
        self.init(rawValue: keyword)
    }

    public static func < (lhs: Lane, rhs: Lane) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The three lines that separate the lanes.
public enum BlueprintLine: String, CaseIterable, Hashable, Sendable {
    /// customer | frontstage
    case interaction
    /// frontstage | backstage
    case visibility
    /// backstage | support
    case `internal`
}

public enum BlueprintLocale: String, CaseIterable, Hashable, Sendable {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
}

public enum MetaField: String, CaseIterable, Hashable, Sendable {
    case persona
    case scenario
    case owner
}

public struct Identifier: Hashable, Sendable {
    /// As written. Swift compares strings by canonical equivalence, so ids
    /// match after NFC normalisation as the spec asks.
    public var name: String
    /// Where the id starts. Its end follows from its name, as an id is one word on one line: not
    /// storing it keeps the ids of a large file, and the model's references to them, a fifth smaller.
    public var start: SourcePosition

    public init(name: String, range: SourceRange) {
        self.name = name
        start = range.start
    }

    public var range: SourceRange {
        let end = SourcePosition(line: start.line, column: start.column + name.unicodeScalars.count, offset: start.offset + name.utf8.count)
        return SourceRange(start: start, end: end)
    }
}

public struct StringLiteral: Hashable, Sendable {
    /// The value, escapes resolved.
    public var value: String
    public var range: SourceRange
}

public struct DurationLiteral: Hashable, Sendable {
    public var duration: Duration
    /// As written, e.g. `1h30m`.
    public var text: String
    public var range: SourceRange
}

public enum AttributeName: String, CaseIterable, Hashable, Sendable {
    case moment
    case emotion
    case actor
    case channel
    case note
    case takes
    case wait
    case tolerance
    case fail
    case evidence
}

public enum AttributeValue: Hashable, Sendable {
    case flag
    case integer(Int, SourceRange)
    case text(StringLiteral)
    case duration(DurationLiteral)
    /// Boxed: the largest value by far, and inline it would set the size of every attribute.
    indirect case failure(StringLiteral, recover: Identifier?)
    case reference(Identifier)
}

public struct Attribute: Hashable, Sendable {
    public var name: AttributeName
    /// The attribute's keyword: where attribute diagnostics point.
    public var keywordRange: SourceRange
    public var value: AttributeValue
}

public enum FlowArrow: String, Hashable, Sendable {
    /// `->`: a hand-off of the service.
    case handOff = "->"
    /// `..>`: an information or support flow.
    case information = "..>"
}

public struct HeaderStatement: Hashable, Sendable {
    public var title: StringLiteral
}

public struct MetaStatement: Hashable, Sendable {
    public var field: MetaField
    public var value: StringLiteral
}

public struct LocaleStatement: Hashable, Sendable {
    public var locale: BlueprintLocale
    public var valueRange: SourceRange
}

public struct LaneTitleStatement: Hashable, Sendable {
    public var lane: Lane
    /// As written (`onstage` or `frontstage`).
    public var laneKeyword: String
    public var title: StringLiteral
}

public struct LineTitleStatement: Hashable, Sendable {
    public var line: BlueprintLine
    public var title: StringLiteral
}

public struct PhaseStatement: Hashable, Sendable {
    public var title: StringLiteral
}

public struct StepStatement: Hashable, Sendable {
    public var lane: Lane
    /// As written (`onstage` or `frontstage`).
    public var laneKeyword: String
    public var id: Identifier
    public var label: StringLiteral
    /// In source order, repeats included.
    public var attributes: [Attribute]
}

public struct FlowStatement: Hashable, Sendable {
    /// `a -> b ..> c` has the ids [a, b, c] and the arrows [->, ..>].
    public var ids: [Identifier]
    public var arrows: FlowArrows
    public var label: StringLiteral?
}

/// The arrows of a flow, a bit each: the usual flow of a few links then needs no allocation of its own.
public struct FlowArrows: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Bit `i` of word `i / 64` is set for an information arrow (`..>`).
    private var firstWord: UInt64 = 0
    private var laterWords: [UInt64] = []
    public private(set) var count = 0

    public init() {}

    public init(arrayLiteral arrows: FlowArrow...) {
        for arrow in arrows { append(arrow) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> FlowArrow {
        precondition(position >= 0 && position < count, "arrow index out of range")
        let word = position < 64 ? firstWord : laterWords[position / 64 - 1]
        return word >> UInt64(position % 64) & 1 == 1 ? .information : .handOff
    }

    public mutating func append(_ arrow: FlowArrow) {
        if count >= 64 && count % 64 == 0 { laterWords.append(0) }
        if arrow == .information {
            let bit = UInt64(1) << UInt64(count % 64)
            if count < 64 { firstWord |= bit } else { laterWords[count / 64 - 1] |= bit }
        }
        count += 1
    }
}

public struct PromiseStatement: Hashable, Sendable {
    public var description: StringLiteral
    public var from: Identifier
    public var to: Identifier
    public var within: DurationLiteral
}

public enum StatementKind: Hashable, Sendable {
    case header(HeaderStatement)
    case meta(MetaStatement)
    case locale(LocaleStatement)
    case laneTitle(LaneTitleStatement)
    case lineTitle(LineTitleStatement)
    case phase(PhaseStatement)
    case step(StepStatement)
    case flow(FlowStatement)
    /// Boxed: a promise is the largest statement and a rare one, and inline it would
    /// set the size of every statement in the tree.
    indirect case promise(PromiseStatement)
}

/// One statement on one line. A step line with a syntax error after its id is one too (it keeps what
/// parsed before the error); every other bad line is only a diagnostic.
public struct Statement: Hashable, Sendable {
    public var kind: StatementKind
    /// From the first token to the end of the last token (the trailing comment excluded).
    public var range: SourceRange
    public var line: Int { range.start.line }
}

/// A `#` comment.
public struct Comment: Hashable, Sendable {
    /// The text after `#`, as written.
    public var text: String
    public var range: SourceRange
    /// True when the comment follows tokens on its line (it belongs to that statement).
    public var isTrailing: Bool
}

/// A line with a syntax error, and what it named: the linter keeps quiet about what the error may
/// have caused elsewhere (a step left disconnected by a broken flow line, say).
public struct BadLine: Hashable, Sendable {
    public var line: Int
    /// Just after the line's last token, before any comment.
    public var end: SourcePosition
    /// A step or evidence line that declares its item all the same.
    public var declaresItem: Bool
    /// The words on the line after the first (up to `namesKept`): ids it may have declared or named.
    public var names: [String] = []
    /// A line of junk may hold millions of words; a real line a few.
    public static let namesKept = 256
    /// The line holds an arrow, so flows may be missing.
    public var mayHoldFlows = false
    /// The line looks like a step or evidence declaration with an unknown lane keyword, which
    /// would have declared the first of `names`.
    public var mayDeclareItem = false
}

/// A parsed file: every line the grammar accepts, every comment, and a
/// `syntax` diagnostic for each line it does not.
public struct SyntaxTree: Sendable {
    /// Well-formed statements, in source order.
    public var statements: [Statement] = []
    /// Every comment, in source order.
    public var comments: [Comment] = []
    /// One per bad line.
    public var diagnostics: [Diagnostic] = []
    /// The `blueprint` keyword of the header line, present even when that line has a syntax error.
    public var headerKeywordRange: SourceRange?
    /// Where the first statement starts (bad lines count as statements); nil for a file with none.
    public var firstStatementStart: SourcePosition?
    /// Lines that had a syntax error.
    public var errorLines: [Int] = []
    /// What each line with a syntax error may have meant to add.
    public var badLines: [BadLine] = []
    /// Syntax errors after the first `SyntaxTree.errorLimit`: counted, with no diagnostic, error
    /// line or bad line kept, so a file of junk costs memory in proportion to its good lines.
    public var omittedErrorCount = 0

    /// The syntax errors of a file that are kept. A file with more is not a blueprint being
    /// written, and what the rest may have meant is not worked out.
    public static let errorLimit = 10_000

    public init() {}

    public var hasSyntaxErrors: Bool { !diagnostics.isEmpty || omittedErrorCount > 0 }
}

extension StepStatement {
    /// The first attribute with this name: the one whose value counts.
    public func first(_ name: AttributeName) -> Attribute? {
        attributes.first(name)
    }
}

extension [Attribute] {
    /// The first attribute with this name: the one whose value counts. Rules reading statements
    /// in place call this on `attributes`, since a method of the statement would copy it out.
    public func first(_ name: AttributeName) -> Attribute? {
        first { $0.name == name }
    }
}

extension Attribute {
    public var duration: Duration? {
        if case .duration(let literal) = value { return literal.duration }
        return nil
    }
}
