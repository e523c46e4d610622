import BlueprintLanguage
import BlueprintModel

public struct PromiseBrokenRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "promise-broken", defaultSeverity: .error,
        summary: "the worst-case cost from `from` to `to` exceeds `within`; the message gives the cost and the path",
        explanation: "A promise's cost along a path is the sum of `wait` and `takes` of every step on it, both ends included. The promise is kept when the costliest `->` path is within the limit; the message names that path.",
        badExample: "promise \"Crew on site within 30 minutes\" from report to arrive within 30m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive",
        goodExample: "promise \"Crew on site within 45 minutes\" from report to arrive within 45m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive")

    public static func check(_ context: LintContext, into findings: inout Findings) {
        // A flow lost to a syntax error changes the paths; the promise is measured once the line parses.
        guard !context.syntaxErrors.flowsMayBeMissing else { return }
        for (promise, check) in zip(context.blueprint.promises, context.promiseChecks) {
            guard check.status == .broken else { continue }
            let steps = context.blueprint.steps
            var message = Message(LintMessage.promiseBroken, [
                "description": .text(promise.description), "cost": .duration(check.worstCost),
                "path": .path(check.worstPath.map { steps[$0].id }), "over": .duration(check.worstCost - promise.within),
                "within": .duration(promise.within),
            ])
            if check.searchWasBounded {
                message = message.followed(by: Message(LintMessage.searchBoundedSuffix))
            }
            let related = check.worstPath.map { index in
                RelatedLocation(range: steps[index].idRange, message: Message(LintMessage.stepCost, ["id": .text(steps[index].id), "cost": .duration(steps[index].cost)]))
            }
            findings.append(Finding(message, at: promise.range, related: related))
        }
    }
}
