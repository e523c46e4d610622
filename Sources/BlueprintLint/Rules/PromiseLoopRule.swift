import BlueprintDiagnostics
import BlueprintLanguage

package struct PromiseLoopRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "promise-loop", defaultSeverity: .warning,
        summary: "a loop lies on a path from `from` to `to`, so the cost has no bound (not for a promise `for` a share of customers)",
        explanation: "Each turn of a `->` loop adds to the cost, so a loop on a promise's path means no bound holds. The promise is then checked over the paths without a repeated step. Draw rework as a recovery link (`fail … recover`) or an information flow (`..>`) when it is not part of the promised path.",
        badExample: "promise \"Decision in 5 days\" from apply to decide within 5d\ncustomer apply \"Applies online\"\nbackstage review \"Reviews the file\", takes 1d\nbackstage rework \"Asks for missing papers\", takes 1d\nfrontstage decide \"Tells the decision\", takes 1h\napply -> review -> decide\nreview -> rework -> review",
        goodExample: "promise \"Decision in 5 days\" from apply to decide within 5d\ncustomer apply \"Applies online\"\nbackstage review \"Reviews the file\", takes 1d, fail \"Papers missing\" recover rework\nbackstage rework \"Asks for missing papers\", takes 1d\nfrontstage decide \"Tells the decision\", takes 1h\napply -> review -> decide\nrework ..> review")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        // A flow lost to a syntax error changes the paths; the promise is measured once the line parses.
        guard !context.syntaxErrors.flowsMayBeMissing else { return }
        for checked in context.analysed.promises {
            let promise = checked.promise, check = checked.check
            // A promise for a share of customers is judged by that share alone, loops and all.
            guard check.hasLoop, promise.share == nil else { continue }
            let shown = check.loopSteps.prefix(6)
            var steps = MessageArgument.text(shown.map { "'\(context.blueprint.steps[$0].id)'" }.joined(separator: ", "))
            if check.loopSteps.count > shown.count {
                steps = .message(Message(LintMessage.andMore, ["list": steps, "count": .number(check.loopSteps.count - shown.count)]))
            }
            var message = Message(LintMessage.promiseLoop, ["steps": steps, "description": .text(promise.description)])
            if check.searchWasBounded {
                message = message.followed(by: Message(LintMessage.loopSearchBoundedSuffix))
            }
            let related = shown.map { RelatedLocation(range: context.blueprint.steps[$0].idRange, message: Message(LintMessage.onTheLoop)) }
            findings.append(Finding(message, at: promise.range, related: related))
        }
    }
}
