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
        var findings: [Finding] = []
        for reference in blueprint.references where reference.symbol == nil {
            let name = reference.id.name
            var hint = ""
            if findings.count < hintedReferenceLimit {
                hint = reference.use == .evidence ? Suggestion.hint(for: name, among: blueprint.evidence.lazy.map(\.id))
                                                  : Suggestion.hint(for: name, among: blueprint.steps.lazy.map(\.id))
            }
            findings.append(Finding("\(description(of: reference.use)) '\(name)'" + hint, at: reference.id.range))
        }
        return findings
    }

    private static func description(of use: Reference.Use) -> String {
        switch use {
        case .flow: "flow refers to unknown step"
        case .recovery: "'recover' refers to unknown step"
        case .evidence: "'evidence' refers to unknown evidence item"
        case .promise: "promise refers to unknown step"
        }
    }
}
