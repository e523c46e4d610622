import BlueprintDiagnostics

package struct EmotionOffCustomerRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "emotion-off-customer", defaultSeverity: .warning,
        summary: "`emotion` on a step that is not a customer step",
        explanation: "Emotion is the customer's feeling at a step of the journey; on a staff or system step it is not drawn and usually belongs to the customer step next to it.",
        badExample: "frontstage arrive \"Crew arrives on site\", emotion 1",
        goodExample: "customer greets \"Lets the crew in\", emotion 1")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for statement in context.declarationStatements(where: { $0 != .evidence && $0 != .customer && $1.contains(.emotion) }) {
            guard let emotion = statement.attributes.first(.emotion) else { continue }
            findings.append(Finding(Message(LintMessage.emotionOffCustomer, ["lane": LintMessage.lane(statement.lane), "id": .text(statement.id.name)]),
                                    at: emotion.keywordRange))
        }
    }
}
