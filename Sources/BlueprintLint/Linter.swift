import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// Everything linting one file produced.
package struct LintResult: Sendable {
    package var syntax: SyntaxTree
    package var analysed: AnalysedBlueprint
    /// Sorted by line, column, rule and message; ignored and switched-off rules removed. At most
    /// `Linter.diagnosticLimit`: the first found.
    package var diagnostics: [Diagnostic]
    /// Found past the limit, counted and dropped.
    package var omitted: DiagnosticCounts

    package var hasErrors: Bool { omitted.errors > 0 || diagnostics.contains { $0.severity == .error } }
}

/// Parses, resolves and runs every rule over a file.
package struct Linter: Sendable {
    /// Every rule: the spec's table in its order, then the project's own.
    package static let rules: [any LintRule.Type] = [
        SyntaxRule.self, MissingHeaderRule.self, DuplicateIDRule.self, UndefinedReferenceRule.self, WrongKindRule.self,
        InvalidAttributeRule.self, MomentOffStageRule.self, EmotionOffCustomerRule.self, NoCustomerRule.self,
        DisconnectedStepRule.self, VisibilityLeakRule.self, CustomerWithoutTouchpointRule.self,
        FailWithoutRecoveryRule.self, WaitOverToleranceRule.self, UnusedEvidenceRule.self, EmptyPhaseRule.self,
        PromiseBrokenRule.self, PromiseUnreachableRule.self, PromiseLoopRule.self,
        OverCapacityRule.self, BusyStepRule.self, QueueOverToleranceRule.self, PromiseUntimedRule.self,
        // Beyond the spec's table: slips it lets through.
        DuplicatePhaseRule.self, SelfFlowRule.self, UnnamedPhaseRule.self, SuspiciousCharacterRule.self,
    ]

    /// Every rule's descriptor, with its summary and explanation in every language.
    package static let descriptors: [RuleDescriptor] = rules.map { rule in
        var descriptor = rule.descriptor
        descriptor.translations = RuleTranslations.texts[descriptor.id] ?? [:]
        return descriptor
    }

    package static var ruleIDs: [RuleID] { rules.map { $0.descriptor.id } }

    package static func descriptor(for id: RuleID) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    package var configuration: LintConfiguration

    /// The diagnostics a file keeps; the rest are counted. Nobody reads ten thousand diagnostics,
    /// and keeping a million of them would cost a hundred times the file's size in memory.
    package static let diagnosticLimit = 10_000

    /// The diagnostics this linter keeps: `diagnosticLimit` but for a fixer, which must see them all.
    package var limit: Int

    package init(configuration: LintConfiguration = .default, limit: Int = Linter.diagnosticLimit) {
        self.configuration = configuration
        self.limit = limit
    }

    /// Runs every rule the configuration leaves on over a file already parsed, resolved and
    /// promise-checked; each diagnostic kept also gets the fix that silences it on its line.
    package func lint(_ context: LintContext) -> LintResult {
        let syntax = context.syntax
        let ignores = IgnoreDirectives(syntax)
        var diagnostics: [Diagnostic] = []
        var omitted = DiagnosticCounts()
        for rule in Self.rules {
            let descriptor = rule.descriptor
            guard let severity = configuration.severity(of: descriptor.id, default: descriptor.defaultSeverity) else { continue }
            var findings = Findings(limit: limit, rule: descriptor.id, ignores: ignores)
            rule.check(context, into: &findings)
            omitted.add(findings.omitted, severity)
            for finding in findings.kept {
                diagnostics.append(Diagnostic(severity: severity, rule: descriptor.id, text: finding.message, range: finding.range,
                                              related: finding.related, fixes: finding.fixes))
            }
        }
        diagnostics.sort(by: Diagnostic.sortedOrder)
        if diagnostics.count > limit {
            for diagnostic in diagnostics[limit...] { omitted.add(1, diagnostic.severity) }
            diagnostics.removeSubrange(limit...)
        }
        let lineEnds = LineEnds(syntax)
        for index in diagnostics.indices {
            if let ignore = lineEnds.ignoreFix(for: diagnostics[index].rule, onLine: diagnostics[index].range.start.line) {
                diagnostics[index].fixes.append(ignore)
            }
        }
        return LintResult(syntax: syntax, analysed: context.analysed, diagnostics: diagnostics, omitted: omitted)
    }
}
