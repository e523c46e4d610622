import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// A rule finding: where and what. The linter adds the rule id and the
/// severity the configuration gives it.
package struct Finding: Hashable, Sendable {
    package var message: Message
    package var range: SourceRange
    package var related: [RelatedLocation]
    package var fixes: [Fix]

    package init(_ message: Message, at range: SourceRange, related: [RelatedLocation] = [], fixes: [Fix] = []) {
        self.message = message
        self.range = range
        self.related = related
        self.fixes = fixes
    }
}

/// One lint rule: a small type with its help text and a check over a file.
package protocol LintRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    static func check(_ context: LintContext, into findings: inout Findings)
}

/// What a rule found: the first `limit` findings, and how many came after them. A finding past the
/// limit is counted and dropped, so a file of a million faults costs no more memory than the limit's
/// worth. Findings on lines that `# lint: ignore` the rule are neither kept nor counted.
package struct Findings: Sendable {
    package let limit: Int
    package private(set) var kept: [Finding] = []
    /// Found after the first `limit`, not kept.
    package private(set) var omitted = 0
    private let silenced: (rule: RuleID, ignores: IgnoreDirectives)?

    package init(limit: Int) {
        self.limit = limit
        silenced = nil
    }

    init(limit: Int, rule: RuleID, ignores: IgnoreDirectives) {
        self.limit = limit
        silenced = (rule, ignores)
    }

    /// Every finding so far, kept or not.
    package var count: Int { kept.count + omitted }

    package mutating func append(_ finding: Finding) {
        if let silenced, silenced.ignores.silences(silenced.rule, onLine: finding.range.start.line) { return }
        if kept.count < limit {
            kept.append(finding)
        } else {
            omitted += 1
        }
    }

    /// Counts findings that were never built: syntax errors the parser stopped keeping.
    package mutating func countOmitted(_ count: Int) {
        omitted += count
    }
}

/// What every rule sees of one file.
package struct LintContext: Sendable {
    package let syntax: SyntaxTree
    /// The model with each promise checked.
    package let analysed: AnalysedBlueprint
    package var blueprint: Blueprint { analysed.blueprint }
    /// Language 1.2's figures: each step's load, and a simulation of each promise `for` a share of customers.
    package let capacity: CapacityAnalysis
    /// What the file's syntax errors may have caused, which rules do not report.
    package let syntaxErrors: SyntaxErrorEffects
    /// The text the tree was parsed from, when the caller has it: messages quote what was written.
    package let source: SourceText?

    package init(syntax: SyntaxTree, analysed: AnalysedBlueprint, source: SourceText? = nil) {
        self.syntax = syntax
        self.analysed = analysed
        // Only a promise for a share of customers is judged by simulation, and only by its share; a
        // step's figures only by its load, which needs `demand`.
        var simulation = SimulationOptions()
        simulation.shareOnly = true
        self.capacity = CapacityAnalysis(analysed, options: simulation, figuresSteps: analysed.blueprint.demandPerHour != nil,
                                         simulates: { $0.share != nil })
        self.syntaxErrors = SyntaxErrorEffects(syntax)
        self.source = source
    }

    package init(syntax: SyntaxTree, source: SourceText? = nil, promiseWork: Int = PromiseAnalysis.defaultFileWork) {
        self.init(syntax: syntax, analysed: AnalysedBlueprint(Blueprint(syntax: syntax), promiseWork: promiseWork), source: source)
    }

    /// The text of `range` as written, when the source is at hand.
    package func written(_ range: SourceRange) -> String? {
        guard let source, range.start.offset <= range.end.offset, range.end.offset <= source.bytes.count else { return nil }
        return String(decoding: source.bytes[range.start.offset..<range.end.offset], as: UTF8.self)
    }

    /// The statements of step and evidence declarations, duplicates included, whose lane and attribute
    /// names pass `test`: the lines an attribute rule checks. The test reads what the model keeps beside
    /// each declaration, so a rule reads from the syntax tree only the statements it may report on.
    package func declarationStatements(where test: @escaping (Lane, AttributeNameSet) -> Bool) -> some Sequence<StepStatement> {
        let declarations = blueprint.declarations
        return declarations.indices.lazy.filter { test(declarations.lane(at: $0), declarations.attributeNames(at: $0)) }
            .map { declarations.statement(at: $0) }
    }

    /// The statements of every step and evidence declaration, duplicates included.
    package var declarationStatements: some Sequence<StepStatement> {
        let declarations = blueprint.declarations
        return declarations.indices.lazy.map { declarations.statement(at: $0) }
    }

    /// Where diagnostics about the whole file go: the header, else the first statement, else 1:1.
    package var fileRange: SourceRange {
        syntax.headerKeywordRange ?? syntax.firstStatementStart.map { SourceRange(at: $0) } ?? .fileStart
    }

    /// Where `name` is declared, as a related location with `note` (by default, what it is declared as).
    package func declaration(of name: String, note: Message?) -> RelatedLocation? {
        switch blueprint.symbols[name] {
        case .step(let index)?:
            RelatedLocation(range: blueprint.steps[index].idRange, message: note ?? Message(LintMessage.declaredAsStep, ["id": .text(name)]))
        case .evidence(let index)?:
            RelatedLocation(range: blueprint.evidence[index].idRange, message: note ?? Message(LintMessage.declaredAsEvidence, ["id": .text(name)]))
        case nil:
            nil
        }
    }
}
