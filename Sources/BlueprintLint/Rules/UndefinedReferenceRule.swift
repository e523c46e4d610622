import BlueprintLanguage
import BlueprintModel

public struct UndefinedReferenceRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "undefined-reference", defaultSeverity: .error,
        summary: "a flow, `recover`, `evidence` or promise names an id that is not declared",
        explanation: "Every id used in a flow, a recovery link, an evidence link or a promise must be declared as a step or evidence item. A typo silently breaks the journey, so it is an error.",
        badExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> aproval",
        goodExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> approval")

    public static func check(_ context: LintContext) -> [Finding] {
        let blueprint = context.blueprint
        var findings: [Finding] = []
        func report(_ id: Identifier, _ what: String, candidates: [String]) {
            guard blueprint.symbols[id.name] == nil else { return }
            findings.append(Finding("\(what) '\(id.name)'" + Suggestion.hint(for: id.name, among: candidates), at: id.range))
        }
        for flow in blueprint.flowStatements {
            for id in flow.ids { report(id, "flow refers to unknown step", candidates: blueprint.stepNames) }
        }
        for step in context.stepDeclarations {
            for attribute in step.attributes {
                switch attribute.value {
                case .failure(_, let recovery?):
                    report(recovery, "'recover' refers to unknown step", candidates: blueprint.stepNames)
                case .reference(let id):
                    report(id, "'evidence' refers to unknown evidence item", candidates: blueprint.evidenceNames)
                default:
                    break
                }
            }
        }
        for promise in blueprint.promises {
            report(promise.statement.from, "promise refers to unknown step", candidates: blueprint.stepNames)
            report(promise.statement.to, "promise refers to unknown step", candidates: blueprint.stepNames)
        }
        return findings
    }
}
