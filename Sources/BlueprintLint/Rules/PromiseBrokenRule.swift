import BlueprintLanguage
import BlueprintModel

public struct PromiseBrokenRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "promise-broken", defaultSeverity: .error,
        summary: "the worst-case cost from `from` to `to` exceeds `within`",
        explanation: "A promise's cost along a path is the sum of `wait` and `takes` of every step on it, both ends included. The promise is kept when the costliest `->` path is within the limit; the message names that path.",
        badExample: "promise \"Crew on site within 30 minutes\" from report to arrive within 30m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive",
        goodExample: "promise \"Crew on site within 45 minutes\" from report to arrive within 45m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive")

    public static func check(_ context: LintContext) -> [Finding] {
        zip(context.blueprint.promises, context.promiseChecks).compactMap { promise, check in
            guard check.status == .broken else { return nil }
            let over = (check.worstCost - promise.within).formatted(separator: " ")
            var message = "promise \"\(promise.description)\" costs \(check.worstCost.formatted(separator: " ")) via \(context.path(check.worstPath)), \(over) over the promised \(promise.within.formatted(separator: " "))"
            if check.searchWasBounded {
                message += " (the search over paths with loops stopped at its bound; the worst case may cost more)"
            }
            return Finding(message, at: promise.range)
        }
    }
}
