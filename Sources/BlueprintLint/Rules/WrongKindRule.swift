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
        let blueprint = context.blueprint
        var findings: [Finding] = []
        func requireStep(_ id: Identifier, _ what: String) {
            if case .evidence = blueprint.symbols[id.name] {
                findings.append(Finding("\(what) evidence item '\(id.name)', not a step", at: id.range))
            }
        }
        for flow in blueprint.flowStatements {
            for id in flow.ids { requireStep(id, "flow refers to") }
        }
        for step in context.stepDeclarations {
            for attribute in step.attributes {
                switch attribute.value {
                case .failure(_, let recovery?):
                    requireStep(recovery, "'recover' names")
                case .reference(let id):
                    if case .step = blueprint.symbols[id.name] {
                        findings.append(Finding("'evidence' names step '\(id.name)', not an evidence item", at: id.range))
                    }
                default:
                    break
                }
            }
        }
        for promise in blueprint.promises {
            requireStep(promise.statement.from, "promise refers to")
            requireStep(promise.statement.to, "promise refers to")
        }
        return findings
    }
}
