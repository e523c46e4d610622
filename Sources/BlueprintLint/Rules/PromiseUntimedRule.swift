import BlueprintDiagnostics
import BlueprintLanguage

package struct PromiseUntimedRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "promise-untimed", defaultSeverity: .warning,
        summary: "a frontstage, backstage or support step on a path of a promise has no `takes`",
        explanation: "A step without a time standard counts as 0 in a promise's cost, which flatters the promise. Customer steps are the customer's own time and are not reported.",
        badExample: "promise \"Crew on site in 45 minutes\" from report to arrive within 45m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\"\nfrontstage arrive \"Crew arrives on site\", takes 30m\nreport -> log -> arrive",
        goodExample: "promise \"Crew on site in 45 minutes\" from report to arrive within 45m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", takes 30m\nreport -> log -> arrive")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let steps = context.blueprint.steps
        var reported = [Bool](repeating: false, count: steps.count)
        for checked in context.analysed.promises {
            let promise = checked.promise, check = checked.check
            // A bad step line may hold its `takes` in the part that did not parse (spec section 8, "Echoes").
            for index in check.stepsOnPaths where !reported[index] && steps[index].lane != .customer && steps[index].takes == nil
                && !context.syntaxErrors.isDeclaredOnBadLine(steps[index].idRange.start.line) {
                reported[index] = true
                findings.append(Finding(
                    Message(LintMessage.promiseUntimed, ["lane": LintMessage.lane(steps[index].lane), "id": .text(steps[index].id), "description": .text(promise.description)]),
                    at: steps[index].idRange, related: [RelatedLocation(range: promise.range, message: Message(LintMessage.promiseHere))]))
            }
        }
    }
}
