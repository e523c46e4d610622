import BlueprintDiagnostics
import BlueprintLanguage

/// A resolved blueprint: what the file means, with the source ranges rules
/// and tools need. Built from a syntax tree by `Blueprint.init(syntax:)`.
public struct Blueprint: Sendable {
    public var title: String?
    public var persona: String?
    public var scenario: String?
    public var owner: String?
    /// 1.2: `demand`, customers starting the journey per hour; nil when not written.
    public var demandPerHour: Double?
    /// As written with `locale`; nil for the default, English.
    public var writtenLocale: BlueprintLocale?
    public var locale: BlueprintLocale { writtenLocale ?? .en }
    /// Titles written with `lane`; `laneTitle(_:)` falls back to the locale's.
    public var customLaneTitles: [Lane: String] = [:]
    /// Titles written with `line`; `lineTitle(_:)` falls back to the locale's.
    public var customLineTitles: [BlueprintLine: String] = [:]

    public var phases: [Phase] = []
    /// Steps (not evidence items) by first declaration, in source order.
    public var steps: [Step] = []
    public var evidence: [EvidenceItem] = []
    /// Resolved links between declared steps; links naming unknown or evidence ids are left out.
    public var flows: [Flow] = []
    public var recoveries: [RecoveryLink] = []
    /// Flow and recovery links with an undeclared id at one end or both, which stands for a step
    /// still to be written (spec section 8, "Unknown names"). Links naming evidence items are not here.
    public var unknownNameLinks: [UnknownNameLink] = []
    public var promises: [Promise] = []

    /// Every step and evidence declaration in source order, duplicates included.
    public var declarations = Declarations()
    /// Every use of an id, resolved once so reference checks need no lookups: the ids of
    /// each flow statement, then the `recover` and `evidence` attributes of step declarations
    /// (duplicates included, evidence items left out), then the ends of each promise.
    public var references: References {
        References(statements: statements, flowIDSymbols: flowIDSymbols, attributeAndPromiseUses: attributeAndPromiseUses)
    }
    /// The syntax tree's statements: the same storage, not a copy.
    var statements: [Statement] = []
    /// What each id of each flow statement names, in source order: the ids themselves stay in the tree.
    var flowIDSymbols: [PackedSymbol] = []
    var attributeAndPromiseUses: [Reference] = []

    /// The first id of each kind; a later declaration of the same id is a duplicate.
    public var symbols = SymbolTable()
    /// Index into `steps` of the step the journey starts from.
    public var firstCustomerStep: Int?

    public init() {}

    public func laneTitle(_ lane: Lane) -> String {
        customLaneTitles[lane] ?? LocaleTitles.laneTitle(lane, locale: locale)
    }

    public func lineTitle(_ line: BlueprintLine) -> String {
        customLineTitles[line] ?? LocaleTitles.lineTitle(line, locale: locale)
    }

    public func step(named name: String) -> Step? {
        if case .step(let index) = symbols[name] { return steps[index] }
        return nil
    }

    public func evidenceItem(named name: String) -> EvidenceItem? {
        if case .evidence(let index) = symbols[name] { return evidence[index] }
        return nil
    }

    /// Ids of the declared steps, for "did you mean" hints.
    public var stepNames: [String] { steps.map(\.id) }
    public var evidenceNames: [String] { evidence.map(\.id) }

    /// What the `ordinal`th id of the flow statements names, counting the ids of every flow
    /// statement in source order: resolved once, so a rule walking the flows needs no lookup.
    public func flowIDSymbol(at ordinal: Int) -> Symbol? {
        flowIDSymbols[ordinal].symbol
    }
}

/// What an id names.
public enum Symbol: Hashable, Sendable {
    case step(Int)
    case evidence(Int)
}

/// A symbol or none in four bytes, for the ids of flows: a file may hold millions.
struct PackedSymbol: Sendable {
    /// A step's index, `-2 - index` for an evidence item, -1 for an undeclared id.
    private let raw: Int32

    init(_ symbol: Symbol?) {
        raw = switch symbol {
        case .step(let index): Int32(index)
        case .evidence(let index): -2 - Int32(index)
        case nil: -1
        }
    }

    var symbol: Symbol? {
        raw >= 0 ? .step(Int(raw)) : raw == -1 ? nil : .evidence(Int(-2 - raw))
    }
}

/// Every use of an id in a file, in the order `Blueprint.references` describes. A flow's ids are
/// read from its statement as the sequence goes, not copied: a file of a million flows would
/// otherwise keep each id twice.
public struct References: Sequence, Sendable {
    fileprivate let statements: [Statement]
    fileprivate let flowIDSymbols: [PackedSymbol]
    fileprivate let attributeAndPromiseUses: [Reference]
    /// Which references to make; nil for all.
    fileprivate var test: (@Sendable (Reference.Use, Symbol?) -> Bool)?

    fileprivate init(statements: [Statement], flowIDSymbols: [PackedSymbol], attributeAndPromiseUses: [Reference]) {
        self.statements = statements
        self.flowIDSymbols = flowIDSymbols
        self.attributeAndPromiseUses = attributeAndPromiseUses
    }

    /// The references whose use and symbol pass `test`, in the same order. The others are never made:
    /// a check that looks for a few among hundreds of thousands would otherwise make each one.
    public func matching(_ test: @escaping @Sendable (Reference.Use, Symbol?) -> Bool) -> References {
        var matching = self
        matching.test = test
        return matching
    }

    public func makeIterator() -> Iterator {
        Iterator(references: self)
    }

    public var underestimatedCount: Int { test == nil ? flowIDSymbols.count + attributeAndPromiseUses.count : 0 }

    public struct Iterator: IteratorProtocol {
        fileprivate let references: References
        private var nextStatement = 0
        private var flowIDs: FlowIDs?
        private var nextFlowID = 0
        private var nextSymbol = 0
        private var nextOtherUse = 0

        fileprivate init(references: References) {
            self.references = references
        }

        public mutating func next() -> Reference? {
            while true {
                if let ids = flowIDs, nextFlowID < ids.count {
                    defer { nextFlowID += 1; nextSymbol += 1 }
                    let symbol = references.flowIDSymbols[nextSymbol].symbol
                    if let test = references.test, !test(.flow, symbol) { continue }
                    return Reference(id: ids[nextFlowID], use: .flow, symbol: symbol)
                }
                flowIDs = nil
                guard nextStatement < references.statements.count else { break }
                if case .flow(let flow) = references.statements[nextStatement].kind {
                    flowIDs = flow.ids
                    nextFlowID = 0
                }
                nextStatement += 1
            }
            let uses = references.attributeAndPromiseUses
            while nextOtherUse < uses.count {
                defer { nextOtherUse += 1 }
                // Read in place: a reference copied out retains its id's name.
                if let test = references.test, !test(uses[nextOtherUse].use, uses[nextOtherUse].symbol) { continue }
                return uses[nextOtherUse]
            }
            return nil
        }
    }
}

/// One use of an id, with what it names.
public struct Reference: Hashable, Sendable {
    public enum Use: Hashable, Sendable {
        /// An id of a flow statement; it must name a step.
        case flow
        /// The id after `recover`; it must name a step.
        case recovery
        /// The id of an `evidence` attribute; it must name an evidence item.
        case evidence
        /// `from` or `to` of a promise; it must name a step.
        case promise
    }

    public var id: Identifier
    public var use: Use
    /// Nil when the id is not declared.
    public var symbol: Symbol?
}

public struct Phase: Hashable, Sendable {
    /// Nil for the unnamed first phase of steps declared before any `phase`.
    public var title: String?
    /// The `phase` keyword; nil for the unnamed first phase.
    public var keywordRange: SourceRange?
    /// Indices into `Blueprint.steps`, in declaration order.
    public var steps: [Int] = []
    /// Indices into `Blueprint.evidence`.
    public var evidence: [Int] = []
}

public struct Failure: Hashable, Sendable {
    public var description: String
    /// Index of the recovery step, when `recover` names a declared step.
    public var recovery: Int?
    public var keywordRange: SourceRange
}

public struct Step: Hashable, Sendable {
    public var id: String
    public var label: String
    /// The step's id in its declaration: where step diagnostics point.
    public var idRange: SourceRange
    public var phase: Int
    public var lane: Lane
    public var isMomentOfTruth = false
    /// The attributes past the id and label, in one allocation made only for a step that has one:
    /// a file of a million bare steps then costs a third of the memory.
    private var details: StepDetailsBox?

    public init(id: String, lane: Lane, label: String, phase: Int, idRange: SourceRange) {
        self.id = id
        self.lane = lane
        self.label = label
        self.phase = phase
        self.idRange = idRange
    }

    public var emotion: Int? {
        get { details?.value.emotion }
        set { modifyDetails { $0.emotion = newValue } }
    }

    public var actor: String? {
        get { details?.value.actor }
        set { modifyDetails { $0.actor = newValue } }
    }

    public var channel: String? {
        get { details?.value.channel }
        set { modifyDetails { $0.channel = newValue } }
    }

    public var note: String? {
        get { details?.value.note }
        set { modifyDetails { $0.note = newValue } }
    }

    /// The time standard; a span counts as its largest value, as in worst-case promise costs.
    public var takes: Duration? {
        get { details?.value.takesSpan?.maximum }
        set { modifyDetails { $0.takesSpan = newValue.map(TimeSpan.init(exactly:)) } }
    }

    /// The expected wait; a span counts as its largest value.
    public var wait: Duration? {
        get { details?.value.waitSpan?.maximum }
        set { modifyDetails { $0.waitSpan = newValue.map(TimeSpan.init(exactly:)) } }
    }

    /// `takes` with every value it may have (1.2).
    public var takesSpan: TimeSpan? {
        get { details?.value.takesSpan }
        set { modifyDetails { $0.takesSpan = newValue } }
    }

    /// `wait` with every value it may have (1.2).
    public var waitSpan: TimeSpan? {
        get { details?.value.waitSpan }
        set { modifyDetails { $0.waitSpan = newValue } }
    }

    /// 1.2: how many serve the step at once; nil when not written.
    public var servers: Int? {
        get { details?.value.servers }
        set { modifyDetails { $0.servers = newValue } }
    }

    public var tolerance: Duration? {
        get { details?.value.tolerance }
        set { modifyDetails { $0.tolerance = newValue } }
    }

    public var failures: [Failure] {
        get { details?.value.failures ?? [] }
        set { modifyDetails { $0.failures = newValue } }
    }

    /// Indices into `Blueprint.evidence` of the declared evidence items this step shows.
    public var shownEvidence: [Int] {
        get { details?.value.shownEvidence ?? [] }
        set { modifyDetails { $0.shownEvidence = newValue } }
    }

    /// `wait` + `takes`: what the step adds to a promise's cost.
    public var cost: Duration { Self.cost(wait: wait, takes: takes) }

    /// The cost of a step with this `wait` and `takes`, for callers that read the two fields in
    /// place: calling `cost` on an element of an array copies the whole step out first.
    static func cost(wait: Duration?, takes: Duration?) -> Duration { (wait ?? .zero) + (takes ?? .zero) }

    /// Changes the details in place when this step alone holds them (copy on write). Details left
    /// empty are dropped, so two steps with the same attributes compare equal however they got them.
    mutating func modifyDetails(_ change: (inout StepDetails) -> Void) {
        if details == nil {
            var value = StepDetails()
            change(&value)
            if value != StepDetails() { details = StepDetailsBox(value) }
        } else if isKnownUniquelyReferenced(&details!) {
            change(&details!.value)
            if details!.value == StepDetails() { details = nil }
        } else {
            var value = details!.value
            change(&value)
            details = value == StepDetails() ? nil : StepDetailsBox(value)
        }
    }
}

/// What a step has beyond its id, label and place.
struct StepDetails: Hashable, Sendable {
    var emotion: Int?
    var actor: String?
    var channel: String?
    var note: String?
    var takesSpan: TimeSpan?
    var waitSpan: TimeSpan?
    var servers: Int?
    var tolerance: Duration?
    var failures: [Failure] = []
    var shownEvidence: [Int] = []
}

/// The details of steps, shared by copies of a step until one of them changes.
final class StepDetailsBox: Hashable, @unchecked Sendable {
    // `@unchecked Sendable` is sound because `value` is only written through `Step.modifyDetails`,
    // when the writing step holds the only reference.
    var value: StepDetails

    init(_ value: StepDetails) {
        self.value = value
    }

    static func == (lhs: StepDetailsBox, rhs: StepDetailsBox) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

public struct EvidenceItem: Hashable, Sendable {
    public var id: String
    public var label: String
    public var note: String?
    public var channel: String?
    /// Nil when declared before any phase and no step precedes the first phase.
    public var phase: Int?
    public var idRange: SourceRange
    /// Indices into `Blueprint.steps` of the steps that show it.
    public var shownBy: [Int] = []
}

public struct Flow: Hashable, Sendable {
    public var from: Int
    public var to: Int
    public var arrow: FlowArrow
    public var label: String?
    /// The first id of the link, where flow diagnostics about the link point.
    public var fromRange: SourceRange
    /// 1.2: the percentage of the customers leaving `from` by `->` that take this flow; only a `->`
    /// flow of one link has one.
    public var share: Double?
}

extension Flow {
    /// A flow made outside a file: a compare drawing draws the flows a change removed.
    public init(from: Int, to: Int, arrow: FlowArrow, label: String?, fromRange: SourceRange) {
        self.init(from: from, to: to, arrow: arrow, label: label, fromRange: fromRange, share: nil)
    }
}

/// A link of a flow or `recover` with an undeclared id at one end or both.
public struct UnknownNameLink: Hashable, Sendable {
    public enum End: Hashable, Sendable {
        case step(Int)
        /// An undeclared id, by name: every use of one name is one node.
        case unknown(String)
    }

    public var from: End
    public var to: End
    /// Nil for a recovery link.
    public var arrow: FlowArrow?
}

/// A `fail … recover r` link from the failing step to its recovery step.
public struct RecoveryLink: Hashable, Sendable {
    public var from: Int
    public var to: Int
}

public struct Promise: Hashable, Sendable {
    public var description: String
    /// Indices of the endpoints; nil when the id is undeclared or names an evidence item.
    public var from: Int?
    public var to: Int?
    public var within: Duration
    /// 1.2: `for P%`, the percentage of customers the promise is for; nil for a worst-case promise.
    public var share: Double?
    /// The `promise` keyword: where promise diagnostics point.
    public var range: SourceRange
    public var statement: PromiseStatement
}

/// The step and evidence declarations of a file, read from its syntax tree's statements when
/// asked for: the model shares the tree's statements instead of keeping a copy of each.
public struct Declarations: RandomAccessCollection, Sendable {
    // Inlinable, as the rules read a statement per declaration each: inlined, the read borrows the
    // statement where a call would retain and release it.
    /// The syntax tree's statements: the same storage, not a copy.
    @usableFromInline let statements: [Statement]
    @usableFromInline var entries: [Entry] = []

    @usableFromInline struct Entry: Sendable {
        /// Indices into `statements`; `first` is `.max` for a first declaration.
        @usableFromInline var statement: UInt32
        @usableFromInline var first: UInt32
        /// The statement's lane and attribute names, beside the index: a rule looking for a few
        /// declarations finds them here without reading every statement.
        @usableFromInline var lane: Lane
        @usableFromInline var attributeNames: AttributeNameSet
    }

    public init() {
        statements = []
    }

    init(statements: [Statement]) {
        self.statements = statements
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { entries.count }

    public subscript(position: Int) -> Declaration {
        let entry = entries[position]
        let first = entry.first == .max ? nil : Self.stepStatement(statements[Int(entry.first)]).id.range
        return Declaration(statement: Self.stepStatement(statements[Int(entry.statement)]), isDuplicate: first != nil, firstDeclaration: first)
    }

    /// The declaration's statement alone: what most rules read, without the first declaration's range.
    @inlinable public func statement(at position: Int) -> StepStatement {
        // Matched in place: passing the statement on would copy it, box and all.
        guard case .step(let step) = statements[Int(entries[position].statement)].kind else {
            preconditionFailure("a declaration that is not a step statement")
        }
        return step
    }

    @inlinable public func isEvidence(at position: Int) -> Bool {
        entries[position].lane == .evidence
    }

    @inlinable public func lane(at position: Int) -> Lane {
        entries[position].lane
    }

    @inlinable public func attributeNames(at position: Int) -> AttributeNameSet {
        entries[position].attributeNames
    }

    @inlinable public func isDuplicate(at position: Int) -> Bool {
        entries[position].first != .max
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Adds `step`, the declaration at `statement`, a duplicate of the one at `first`.
    mutating func append(_ step: StepStatement, statement: Int, duplicating first: Int?) {
        entries.append(Entry(statement: UInt32(statement), first: first.map(UInt32.init) ?? .max, lane: step.lane,
                             attributeNames: step.attributeNames))
    }

    private static func stepStatement(_ statement: Statement) -> StepStatement {
        guard case .step(let step) = statement.kind else { preconditionFailure("a declaration that is not a step statement") }
        return step
    }
}

/// One step or evidence declaration as written, duplicates included.
public struct Declaration: Hashable, Sendable {
    public var statement: StepStatement
    /// True when an earlier declaration already defined this id.
    public var isDuplicate: Bool
    /// The earlier declaration's id, for duplicates.
    public var firstDeclaration: SourceRange?
}
