import BlueprintDiagnostics

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
        self.init(name: name, start: range.start)
    }

    public init(name: String, start: SourcePosition) {
        self.name = name
        self.start = start
    }

    public var range: SourceRange {
        // A scalar is a UTF-8 byte that is not a continuation byte: counting those needs no decoding.
        let scalars = name.utf8.withContiguousStorageIfAvailable { bytes in bytes.count { $0 & 0xC0 != 0x80 } } ?? name.unicodeScalars.count
        let end = SourcePosition(line: start.line, column: start.column + scalars, offset: start.offset + name.utf8.count)
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
    /// 1.2: how many serve the step at once.
    case servers
}

public enum AttributeValue: Hashable, Sendable {
    case flag
    case integer(Int, SourceRange)
    case text(StringLiteral)
    /// A single duration; a `takes` or `wait` of two or three values is a `span`.
    case duration(DurationLiteral)
    indirect case span(SpanLiteral)
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

/// A step or evidence declaration. Its fields live in one immutable object: a statement is then a
/// word wide in the tree, and a rule reading it takes one reference instead of copying every field.
public struct StepStatement: Hashable, Sendable {
    // Inlinable, so the rules in other modules read a field without a call.
    @usableFromInline let fields: Fields

    @usableFromInline final class Fields: Sendable {
        @usableFromInline let lane: Lane
        /// The lane keyword was `onstage`, the other name of `frontstage`: the only keyword not
        /// spelt like its lane, so a flag keeps it where a string would take 16 bytes a step.
        @usableFromInline let isWrittenOnstage: Bool
        @usableFromInline let id: Identifier
        @usableFromInline let label: StringLiteral
        @usableFromInline let attributes: [Attribute]
        /// The names of `attributes`: a rule looking for one skips the other statements without reading their attributes.
        @usableFromInline let attributeNames: AttributeNameSet

        init(lane: Lane, isWrittenOnstage: Bool, id: Identifier, label: StringLiteral, attributes: [Attribute]) {
            self.lane = lane
            self.isWrittenOnstage = isWrittenOnstage
            self.id = id
            self.label = label
            self.attributes = attributes
            var names = AttributeNameSet()
            for attribute in attributes { _ = names.insert(attribute.name) }
            attributeNames = names
        }
    }

    public init(lane: Lane, laneKeyword: String, id: Identifier, label: StringLiteral, attributes: [Attribute]) {
        fields = Fields(lane: lane, isWrittenOnstage: lane == .frontstage && laneKeyword == "onstage", id: id, label: label,
                        attributes: attributes)
    }

    @inlinable public var lane: Lane { fields.lane }
    /// As written (`onstage` or `frontstage`).
    public var laneKeyword: String { fields.isWrittenOnstage ? "onstage" : fields.lane.rawValue }
    @inlinable public var id: Identifier { fields.id }
    @inlinable public var label: StringLiteral { fields.label }
    /// In source order, repeats included.
    @inlinable public var attributes: [Attribute] { fields.attributes }
    @inlinable public var attributeNames: AttributeNameSet { fields.attributeNames }

    public static func == (lhs: StepStatement, rhs: StepStatement) -> Bool {
        lhs.fields === rhs.fields || (lhs.lane == rhs.lane && lhs.fields.isWrittenOnstage == rhs.fields.isWrittenOnstage
            && lhs.id == rhs.id && lhs.label == rhs.label && lhs.attributes == rhs.attributes)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lane)
        hasher.combine(fields.isWrittenOnstage)
        hasher.combine(id)
        hasher.combine(label)
        hasher.combine(attributes)
    }
}

public struct PromiseStatement: Hashable, Sendable {
    public var description: StringLiteral
    public var from: Identifier
    public var to: Identifier
    public var within: DurationLiteral
    /// 1.2: `for 95%`, the share of customers the promise is for; nil for the worst case.
    public var share: PercentLiteral?
}

/// Every kind is a few words wide: inline, the largest would set the size of every statement in
/// the tree, and a file of a million short flow lines would pay for a step's fields on each.
/// The rare kinds are boxed; a step keeps its fields in an object of its own, and a flow its ids
/// in the tree's flow table.
public enum StatementKind: Hashable, Sendable {
    indirect case header(HeaderStatement)
    indirect case meta(MetaStatement)
    indirect case locale(LocaleStatement)
    indirect case laneTitle(LaneTitleStatement)
    indirect case lineTitle(LineTitleStatement)
    indirect case phase(PhaseStatement)
    indirect case demand(DemandStatement)
    case step(StepStatement)
    case flow(FlowStatement)
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

/// A step or evidence statement's id and lane, as the syntax tree lists them.
package struct DeclaredItem: Sendable {
    package var name: String
    package var lane: Lane
}

/// A `#` comment.
public struct Comment: Hashable, Sendable {
    /// The text after `#`, as written.
    public var text: String
    public var range: SourceRange
    /// True when the comment follows tokens on its line (it belongs to that statement).
    public var isTrailing: Bool
    /// The text's first letter after any blanks is `l`, as in `lint: ignore`: the linter reads only
    /// these comments' text, where reading every comment's would wait on memory for each on a large file.
    public let mayBeDirective: Bool

    init(text: String, range: SourceRange, isTrailing: Bool) {
        self.text = text
        self.range = range
        self.isTrailing = isTrailing
        mayBeDirective = text.utf8.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } == UInt8(ascii: "l")
    }
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
    /// The first word of a line that holds an arrow, when it is a word: the first step of a flow.
    public var flowStart: String?
    /// The line looks like a step or evidence declaration with an unknown lane keyword, which
    /// would have declared the first of `names`.
    public var mayDeclareItem = false
}

/// A parsed file: every line the grammar accepts, every comment, and a
/// `syntax` diagnostic for each line it does not.
public struct SyntaxTree: Sendable {
    /// Well-formed statements, in source order. Set by the parser alone, which keeps `declaredItems` in step.
    public internal(set) var statements: [Statement] = []
    /// The id and lane of each step and evidence statement, in source order: the model puts every name
    /// in its symbol table first, in one loop over this list, where reading each statement for its
    /// name waited on memory once for the statement and once more for the name's slot.
    package internal(set) var declaredItems: [DeclaredItem] = []
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

    /// What the first `locale` statement says, as the model takes it; nil without one. Known from the
    /// syntax alone, before the model's checks and simulations: a drawing starts loading its face then.
    public var writtenLocale: BlueprintLocale? {
        for statement in statements {
            if case .locale(let locale) = statement.kind { return locale.locale }
        }
        return nil
    }
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
    /// Inlinable: a rule reading one field of the attribute then copies nothing else out.
    @inlinable public func first(_ name: AttributeName) -> Attribute? {
        first { $0.name == name }
    }
}

extension Attribute {
    /// The duration, or a span's largest value: what a span counts as where a single time is needed.
    public var duration: Duration? {
        switch value {
        case .duration(let literal): literal.duration
        case .span(let span): span.largest
        default: nil
        }
    }

    /// The values of a `takes` or `wait`, a single duration as a span of one.
    public var span: SpanLiteral? {
        switch value {
        case .duration(let literal): SpanLiteral(values: [literal])
        case .span(let span): span
        default: nil
        }
    }
}

extension MessageLanguage {
    /// The language of a file's `locale`.
    public init(_ locale: BlueprintLocale) {
        switch locale {
        case .en: self = .en
        case .zhHans: self = .zhHans
        case .zhHant: self = .zhHant
        }
    }
}
