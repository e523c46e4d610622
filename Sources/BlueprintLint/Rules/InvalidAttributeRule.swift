import BlueprintDiagnostics
import BlueprintLanguage

package struct InvalidAttributeRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "invalid-attribute", defaultSeverity: .error,
        summary: "an attribute given twice, an emotion outside -2…2, `tolerance` without `wait`, an attribute other than `note` and `channel` on an evidence item; a decreasing span, `servers` below 1, a share on a chain or a `..>` flow, shares of one step's `->` flows above 100% (or below it when every one has a share), `for` outside 0–100%, `demand` of 0",
        explanation: "Only `evidence` and `fail` may repeat on a step; for any other attribute the first value counts and a repeat is an error. Emotions run from -2 (very unhappy) to 2 (delighted). A tolerance only means something next to the wait it bounds. Evidence items take only `note` and `channel`. A span goes from its smallest value to its largest; a step is served by at least one server; shares split the customers leaving a step by `->`, so they are written on `->` flows of one link and add up to 100% at most (exactly, when every flow has one); a promise is for 0–100% of customers; a demand of 0 starts no journey.",
        badExample: "customer waits \"Waits for the crew\", wait 25m, wait 30m, emotion -3",
        goodExample: "customer waits \"Waits for the crew\", wait 25m, tolerance 40m, emotion -1")

    static let repeatable: AttributeNameSet = [.evidence, .fail]
    static let allowedOnEvidence: AttributeNameSet = [.note, .channel]

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for statement in context.declarationStatements {
            let isEvidence = statement.lane == .evidence
            var seen = AttributeNameSet()
            for attribute in statement.attributes {
                let name = attribute.name
                let isRepeat = !seen.insert(name)
                if isEvidence && !allowedOnEvidence.contains(name) {
                    // `moment` is moment-off-stage's; any other attribute is ours, once.
                    if name != .moment {
                        findings.append(Finding(Message(LintMessage.evidenceTakesOnlyNoteAndChannel, [
                            "id": .text(statement.id.name), "attribute": .text(name.rawValue),
                        ]), at: attribute.keywordRange))
                    }
                    continue
                }
                if isRepeat && !repeatable.contains(name) {
                    let first = statement.attributes.first(name)!
                    findings.append(Finding(Message(LintMessage.attributeRepeated, ["attribute": .text(name.rawValue)]), at: attribute.keywordRange,
                                            related: [RelatedLocation(range: first.keywordRange, message: Message(LintMessage.firstGivenHere))]))
                    continue
                }
                switch (name, attribute.value) {
                case (.emotion, .integer(let value, let range)) where !(-2...2).contains(value):
                    // Quoted as written: a number past Int's range is stored saturated.
                    let written = context.written(range) ?? String(value)
                    findings.append(Finding(Message(LintMessage.emotionOutOfRange, ["value": .text(written)]), at: attribute.keywordRange))
                case (.servers, .integer(let value, let range)) where value < 1:
                    let written = context.written(range) ?? String(value)
                    findings.append(Finding(Message(LintMessage.serversBelowOne, ["value": .text(written)]), at: range))
                case (_, .span(let span)) where span.firstDecrease != nil:
                    findings.append(Finding(Message(LintMessage.spanDecreases, ["span": .text(span.text)]), at: span.values[0].range))
                default:
                    break
                }
            }
            if !isEvidence, let tolerance = statement.attributes.first(.tolerance), statement.attributes.first(.wait) == nil {
                findings.append(Finding(Message(LintMessage.toleranceWithoutWait), at: tolerance.keywordRange))
            }
        }
        checkQuantities(context, into: &findings)
    }
}
