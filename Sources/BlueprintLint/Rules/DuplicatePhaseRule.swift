import BlueprintDiagnostics

package struct DuplicatePhaseRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "duplicate-phase", defaultSeverity: .warning,
        summary: "two phases with the same title (the second is reported)",
        explanation: "Each phase is a column of the diagram, so two phases with one title draw two columns that read as one stage of the journey. Merge them, or give each its own title.",
        badExample: "phase \"Repair\"\n  frontstage arrive \"Crew arrives on site\"\nphase \"Repair\"\n  frontstage fix \"Crew restores the supply\"",
        goodExample: "phase \"Repair\"\n  frontstage arrive \"Crew arrives on site\"\n  frontstage fix \"Crew restores the supply\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        // By index into the phases: a file of a million phases keeps a small entry for each title.
        let phases = context.blueprint.phases
        var firstWithTitle: [String: Int] = [:]
        // Sized once: growing it rehashed every title seen so far, most of the rule's time in a large file.
        firstWithTitle.reserveCapacity(phases.count)
        for index in phases.indices {
            guard let title = phases[index].title, let range = phases[index].keywordRange else { continue }
            guard let firstIndex = firstWithTitle[title], let first = phases[firstIndex].keywordRange else {
                firstWithTitle[title] = index
                continue
            }
            findings.append(Finding(Message(LintMessage.duplicatePhase, ["title": .text(title), "line": .number(first.start.line)]), at: range,
                                    related: [RelatedLocation(range: first, message: Message(LintMessage.firstTitledHere))]))
        }
    }
}
