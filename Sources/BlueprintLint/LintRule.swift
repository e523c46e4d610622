import BlueprintLanguage
import BlueprintModel

/// A rule finding: where and what. The linter adds the rule id and the
/// severity the configuration gives it.
public struct Finding: Hashable, Sendable {
    public var message: String
    public var range: SourceRange

    public init(_ message: String, at range: SourceRange) {
        self.message = message
        self.range = range
    }
}

/// One lint rule: a small type with its help text and a check over a file.
public protocol LintRule: Sendable {
    static var descriptor: RuleDescriptor { get }
    static func check(_ context: LintContext) -> [Finding]
}

/// What every rule sees of one file.
public struct LintContext: Sendable {
    public let syntax: SyntaxTree
    public let blueprint: Blueprint
    /// One per promise of `blueprint.promises`, same order.
    public let promiseChecks: [PromiseCheck]

    public init(syntax: SyntaxTree, blueprint: Blueprint, promiseChecks: [PromiseCheck]) {
        self.syntax = syntax
        self.blueprint = blueprint
        self.promiseChecks = promiseChecks
    }

    public init(syntax: SyntaxTree) {
        let blueprint = Blueprint(syntax: syntax)
        // One budget for the whole file: many promises over one dense loop must not multiply it.
        let analysis = PromiseAnalysis(blueprint, workBound: max(1_000, 1_000_000 / max(1, blueprint.promises.count)))
        self.init(syntax: syntax, blueprint: blueprint, promiseChecks: blueprint.promises.map(analysis.check))
    }

    /// Indices into `blueprint.declarations` of step declarations (not evidence items), duplicates
    /// included: the lines the attribute rules check. Rules read each statement in place, as
    /// `declarations[index].statement.…`: on a large file, copying every statement out costs
    /// more than the checks themselves.
    public var stepDeclarationIndices: some Sequence<Int> {
        let declarations = blueprint.declarations
        return declarations.indices.lazy.filter { declarations[$0].statement.lane != .evidence }
    }

    public var evidenceDeclarations: some Sequence<StepStatement> {
        blueprint.declarations.lazy.map(\.statement).filter { $0.lane == .evidence }
    }

    /// Where diagnostics about the whole file go: the header, else the first statement, else 1:1.
    public var fileRange: SourceRange {
        syntax.headerKeywordRange ?? syntax.firstStatementStart.map { SourceRange(at: $0) } ?? .fileStart
    }

    /// `'a' → 'b'` style list of step ids.
    public func path(_ steps: [Int]) -> String {
        steps.map { blueprint.steps[$0].id }.joined(separator: " → ")
    }
}
