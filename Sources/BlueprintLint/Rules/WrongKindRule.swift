import BlueprintDiagnostics
import BlueprintModel

package struct WrongKindRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "wrong-kind", defaultSeverity: .error,
        summary: "a flow, `recover` or promise names an evidence item, or `evidence` names a step",
        explanation: "Evidence items are things the customer sees or touches, not steps: they are linked to steps with the `evidence` attribute, never with flows, recovery links or promises.",
        badExample: "evidence sms \"Text message\"\nfrontstage notify \"Agent texts the arrival time\"\nnotify -> sms",
        goodExample: "evidence sms \"Text message\"\nfrontstage notify \"Agent texts the arrival time\", evidence sms")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for reference in context.blueprint.references {
            let name = reference.id.name
            let message: LintMessage
            switch (reference.use, reference.symbol) {
            case (.flow, .evidence?): message = .flowNamesEvidence
            case (.recovery, .evidence?): message = .recoverNamesEvidence
            case (.promise, .evidence?): message = .promiseNamesEvidence
            case (.evidence, .step?): message = .evidenceNamesStep
            default: continue
            }
            findings.append(Finding(Message(message, ["id": .text(name)]), at: reference.id.range,
                                    related: [context.declaration(of: name, note: nil)].compactMap { $0 }))
        }
    }
}
