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
        for reference in context.blueprint.references.matching({ message(for: $0, naming: $1) != nil }) {
            guard let message = message(for: reference.use, naming: reference.symbol) else { continue }
            let name = reference.id.name
            findings.append(Finding(Message(message, ["id": .text(name)]), at: reference.id.range,
                                    related: [context.declaration(of: name, note: nil)].compactMap { $0 }))
        }
    }

    /// What is wrong with a use naming `symbol`; nil when it names the kind it must.
    private static func message(for use: Reference.Use, naming symbol: Symbol?) -> LintMessage? {
        switch (use, symbol) {
        case (.flow, .evidence?): .flowNamesEvidence
        case (.recovery, .evidence?): .recoverNamesEvidence
        case (.promise, .evidence?): .promiseNamesEvidence
        case (.evidence, .step?): .evidenceNamesStep
        default: nil
        }
    }
}
