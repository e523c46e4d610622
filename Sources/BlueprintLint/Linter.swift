import BlueprintLanguage
import BlueprintModel

/// Everything linting one file produced.
public struct LintResult: Sendable {
    public var syntax: SyntaxTree
    public var blueprint: Blueprint
    public var promiseChecks: [PromiseCheck]
    /// Sorted by line, column, rule and message; ignored and switched-off rules removed.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Parses, resolves and runs every rule over a file.
public struct Linter: Sendable {
    /// Every rule, in the order of the spec's table.
    public static let rules: [any LintRule.Type] = [
        SyntaxRule.self, MissingHeaderRule.self, DuplicateIDRule.self, UndefinedReferenceRule.self, WrongKindRule.self,
        InvalidAttributeRule.self, MomentOffStageRule.self, EmotionOffCustomerRule.self, NoCustomerRule.self,
        DisconnectedStepRule.self, VisibilityLeakRule.self, CustomerWithoutTouchpointRule.self,
        FailWithoutRecoveryRule.self, WaitOverToleranceRule.self, UnusedEvidenceRule.self, EmptyPhaseRule.self,
        PromiseBrokenRule.self, PromiseUnreachableRule.self, PromiseLoopRule.self, PromiseUntimedRule.self,
    ]

    public static var descriptors: [RuleDescriptor] { rules.map { $0.descriptor } }

    public static var ruleIDs: [RuleID] { rules.map { $0.descriptor.id } }

    public static func descriptor(for id: RuleID) -> RuleDescriptor? {
        rules.first { $0.descriptor.id == id }?.descriptor
    }

    public var configuration: LintConfiguration

    public init(configuration: LintConfiguration = .default) {
        self.configuration = configuration
    }

    public func lint(_ source: SourceText) -> LintResult {
        lint(Parser.parse(source))
    }

    public func lint(_ syntax: SyntaxTree) -> LintResult {
        let context = LintContext(syntax: syntax)
        let ignores = IgnoreDirectives(syntax)
        var diagnostics: [Diagnostic] = []
        for rule in Self.rules {
            let descriptor = rule.descriptor
            guard let severity = configuration.severity(of: descriptor.id, default: descriptor.defaultSeverity) else { continue }
            for finding in rule.check(context) where !ignores.silences(descriptor.id, onLine: finding.range.start.line) {
                diagnostics.append(Diagnostic(severity: severity, rule: descriptor.id, message: finding.message, range: finding.range))
            }
        }
        diagnostics.sort(by: Diagnostic.sortedOrder)
        return LintResult(syntax: syntax, blueprint: context.blueprint, promiseChecks: context.promiseChecks, diagnostics: diagnostics)
    }
}
