import BlueprintLanguage
import BlueprintModel

public struct UndefinedReferenceRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "undefined-reference", defaultSeverity: .error,
        summary: "a flow, `recover`, `evidence` or promise names an id that is not declared",
        explanation: "Every id used in a flow, a recovery link, an evidence link or a promise must be declared as a step or evidence item. A typo silently breaks the journey, so it is an error.",
        badExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> aproval",
        goodExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> approval")

    /// "Did you mean" costs a scan of every declared id; a file with more broken references
    /// than this gets hints for the first ones only, so linting stays linear in its size.
    static let hintedReferenceLimit = 100

    public static func check(_ context: LintContext) -> [Finding] {
        let blueprint = context.blueprint
        let stepNames = blueprint.stepNames, evidenceNames = blueprint.evidenceNames
        var findings: [Finding] = []
        func report(_ id: Identifier, _ what: String, candidates: [String]) {
            guard blueprint.symbols[id.name] == nil else { return }
            let hint = findings.count < hintedReferenceLimit ? Suggestion.hint(for: id.name, among: candidates) : ""
            findings.append(Finding("\(what) '\(id.name)'" + hint, at: id.range))
        }
        for flow in blueprint.flowStatements {
            for id in flow.ids { report(id, "flow refers to unknown step", candidates: stepNames) }
        }
        for step in context.stepDeclarations {
            for attribute in step.attributes {
                switch attribute.value {
                case .failure(_, let recovery?):
                    report(recovery, "'recover' refers to unknown step", candidates: stepNames)
                case .reference(let id):
                    report(id, "'evidence' refers to unknown evidence item", candidates: evidenceNames)
                default:
                    break
                }
            }
        }
        for promise in blueprint.promises {
            report(promise.statement.from, "promise refers to unknown step", candidates: stepNames)
            report(promise.statement.to, "promise refers to unknown step", candidates: stepNames)
        }
        return findings
    }
}
