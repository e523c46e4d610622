import BlueprintLanguage
import BlueprintModel

public struct WrongKindRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "wrong-kind", defaultSeverity: .error,
        summary: "a flow or `recover` names an evidence item, or `evidence` names a step",
        explanation: "Evidence items are things the customer sees or touches, not steps: they are linked to steps with the `evidence` attribute, never with flows, recovery links or promises.",
        badExample: "evidence sms \"Text message\"\nfrontstage notify \"Agent texts the arrival time\"\nnotify -> sms",
        goodExample: "evidence sms \"Text message\"\nfrontstage notify \"Agent texts the arrival time\", evidence sms")

    public static func check(_ context: LintContext) -> [Finding] {
        context.blueprint.references.compactMap { reference in
            let message: String
            switch (reference.use, reference.symbol) {
            case (.flow, .evidence?): message = "flow refers to evidence item '\(reference.id.name)', not a step"
            case (.recovery, .evidence?): message = "'recover' names evidence item '\(reference.id.name)', not a step"
            case (.promise, .evidence?): message = "promise refers to evidence item '\(reference.id.name)', not a step"
            case (.evidence, .step?): message = "'evidence' names step '\(reference.id.name)', not an evidence item"
            default: return nil
            }
            return Finding(message, at: reference.id.range)
        }
    }
}
