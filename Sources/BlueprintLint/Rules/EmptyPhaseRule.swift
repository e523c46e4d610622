import BlueprintDiagnostics

package struct EmptyPhaseRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "empty-phase", defaultSeverity: .warning,
        summary: "a phase with no steps (evidence items alone, and lines with syntax errors, do not count)",
        explanation: "A phase is a column of the diagram; one with no steps (evidence items alone do not count) is an empty column.",
        badExample: "phase \"Report\"\nphase \"Repair\"\n  frontstage fix \"Crew restores the supply\"",
        goodExample: "phase \"Repair\"\n  frontstage fix \"Crew restores the supply\"")

    /// Steps declared on lines with syntax errors do not fill a phase (spec section 8, "Phases"):
    /// they exist, so flows through them resolve, but the column holds nothing written right.
    package static func check(_ context: LintContext, into findings: inout Findings) {
        let errorLines = Set(context.syntax.errorLines)
        let steps = context.blueprint.steps
        for phase in context.blueprint.phases {
            guard phase.steps.allSatisfy({ errorLines.contains(steps[$0].idRange.start.line) }), let range = phase.keywordRange else { continue }
            findings.append(Finding(Message(LintMessage.emptyPhase, ["title": .text(phase.title ?? "")]), at: range))
        }
    }
}
