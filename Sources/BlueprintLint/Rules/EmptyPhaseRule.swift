import BlueprintLanguage

public struct EmptyPhaseRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "empty-phase", defaultSeverity: .warning,
        summary: "a phase with no steps (evidence items alone do not count)",
        explanation: "A phase is a column of the diagram; one with no steps (evidence items alone do not count) is an empty column.",
        badExample: "phase \"Report\"\nphase \"Repair\"\n  frontstage fix \"Crew restores the supply\"",
        goodExample: "phase \"Repair\"\n  frontstage fix \"Crew restores the supply\"")

    public static func check(_ context: LintContext) -> [Finding] {
        context.blueprint.phases.compactMap { phase in
            guard phase.steps.isEmpty, let range = phase.keywordRange else { return nil }
            return Finding(Message(LintMessage.emptyPhase, ["title": .text(phase.title ?? "")]), at: range)
        }
    }
}
