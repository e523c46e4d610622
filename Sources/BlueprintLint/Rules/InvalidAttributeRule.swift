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
            let attributes = statement.attributes
            var seen = AttributeNameSet()
            // Each attribute is read in place, by its name first: copying it out would copy its value too.
            for index in attributes.indices {
                let name = attributes[index].name
                let isRepeat = !seen.insert(name)
                if isEvidence && !allowedOnEvidence.contains(name) {
                    // `moment` is moment-off-stage's; any other attribute is ours, once.
                    if name != .moment {
                        findings.append(Finding(Message(LintMessage.evidenceTakesOnlyNoteAndChannel, [
                            "id": .text(statement.id.name), "attribute": .text(name.rawValue),
                        ]), at: attributes[index].keywordRange))
                    }
                    continue
                }
                if isRepeat && !repeatable.contains(name) {
                    let first = attributes.first(name)!
                    findings.append(Finding(Message(LintMessage.attributeRepeated, ["attribute": .text(name.rawValue)]), at: attributes[index].keywordRange,
                                            related: [RelatedLocation(range: first.keywordRange, message: Message(LintMessage.firstGivenHere))]))
                    continue
                }
                switch name {
                case .emotion:
                    guard case .integer(let value, let range) = attributes[index].value, !(-2...2).contains(value) else { continue }
                    // Quoted as written: a number past Int's range is stored saturated.
                    let written = context.written(range) ?? String(value)
                    findings.append(Finding(Message(LintMessage.emotionOutOfRange, ["value": .text(written)]), at: attributes[index].keywordRange))
                case .servers:
                    guard case .integer(let value, let range) = attributes[index].value, value < 1 else { continue }
                    let written = context.written(range) ?? String(value)
                    findings.append(Finding(Message(LintMessage.serversBelowOne, ["value": .text(written)]), at: range))
                case .takes, .wait:
                    // Only these two take a span.
                    guard case .span(let span) = attributes[index].value, span.firstDecrease != nil else { continue }
                    findings.append(Finding(Message(LintMessage.spanDecreases, ["span": .text(span.text)]), at: span.values[0].range))
                default:
                    break
                }
            }
            if !isEvidence && statement.attributeNames.contains(.tolerance) && !statement.attributeNames.contains(.wait) {
                findings.append(Finding(Message(LintMessage.toleranceWithoutWait), at: attributes.first(.tolerance)!.keywordRange))
            }
        }
        checkQuantities(context, into: &findings)
    }
}
