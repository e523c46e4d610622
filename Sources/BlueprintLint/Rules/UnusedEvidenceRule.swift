import BlueprintDiagnostics

package struct UnusedEvidenceRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "unused-evidence", defaultSeverity: .warning,
        summary: "an evidence item no step shows",
        explanation: "Evidence is drawn above the steps that show it; an item no step names with `evidence` has no place in the journey.",
        badExample: "evidence sms \"Text message\"\ncustomer waits \"Waits for the crew\"",
        goodExample: "evidence sms \"Text message\"\ncustomer waits \"Waits for the crew\", evidence sms")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for item in context.blueprint.evidence where item.shownBy.isEmpty && !context.syntaxErrors.mayConcern(item.id) {
            findings.append(Finding(Message(LintMessage.unusedEvidence, ["id": .text(item.id)]), at: item.idRange))
        }
    }
}
