import BlueprintDiagnostics
import BlueprintLanguage

package struct EmptyPhaseRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "empty-phase", defaultSeverity: .warning,
        summary: "a phase with no steps (evidence items alone do not count)",
        explanation: "A phase is a column of the diagram; one with no steps (evidence items alone do not count) is an empty column.",
        badExample: "phase \"Report\"\nphase \"Repair\"\n  frontstage fix \"Crew restores the supply\"",
        goodExample: "phase \"Repair\"\n  frontstage fix \"Crew restores the supply\"")

    /// A step declared on a line with a syntax error fills its phase (spec section 8, "Phases").
    package static func check(_ context: LintContext, into findings: inout Findings) {
        for phase in context.blueprint.phases {
            guard phase.steps.isEmpty, let range = phase.keywordRange else { continue }
            findings.append(Finding(Message(LintMessage.emptyPhase, ["title": .text(phase.title ?? "")]), at: range))
        }
    }
}
