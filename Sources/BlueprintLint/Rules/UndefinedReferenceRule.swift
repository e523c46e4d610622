import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

package struct UndefinedReferenceRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "undefined-reference", defaultSeverity: .error,
        summary: "a flow, `recover`, `evidence` or promise names an id that is not declared",
        explanation: "Every id used in a flow, a recovery link, an evidence link or a promise must be declared as a step or evidence item. A typo silently breaks the journey, so it is an error.",
        badExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> aproval",
        goodExample: "frontstage approval \"Officer approves\"\ncustomer apply \"Applies online\"\napply -> approval")

    /// "Did you mean" costs a scan of every declared id; a file with more broken references
    /// than this gets hints for the first ones only, so linting stays linear in its size.
    static let hintedReferenceLimit = 100

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let blueprint = context.blueprint
        for reference in blueprint.references.matching({ $1 == nil }) where !context.syntaxErrors.mayHaveDeclared(reference.id.name) {
            let name = reference.id.name
            var candidates: [String] = []
            // Past the limit a finding is only counted: no candidates to look for.
            if findings.count < min(hintedReferenceLimit, findings.limit) {
                candidates = reference.use == .evidence ? Suggestion.closestCandidates(to: name, among: blueprint.evidence.lazy.map(\.id))
                                                        : Suggestion.closestCandidates(to: name, among: blueprint.steps.lazy.map(\.id))
            }
            // Each candidate is a fix; only a lone one is safe to apply unasked.
            let fixes = candidates.map { candidate in
                Fix(title: Message(SyntaxMessage.replaceWord, ["old": .text(name), "new": .text(candidate)]),
                    edits: [TextEdit(range: reference.id.range, replacement: candidate)], isSafe: candidates.count == 1)
            }
            findings.append(Finding(Message(message(for: reference.use), ["id": .text(name)], suggesting: candidates.first),
                                    at: reference.id.range, fixes: fixes))
        }
    }

    private static func message(for use: Reference.Use) -> LintMessage {
        switch use {
        case .flow: .unknownStepInFlow
        case .recovery: .unknownStepInRecover
        case .evidence: .unknownEvidence
        case .promise: .unknownStepInPromise
        }
    }
}
