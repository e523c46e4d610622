import BlueprintLanguage

public struct PromiseLoopRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "promise-loop", defaultSeverity: .warning,
        summary: "a loop lies on a path from `from` to `to`, so the cost has no bound",
        explanation: "Each turn of a `->` loop adds to the cost, so a loop on a promise's path means no bound holds. The promise is then checked over the paths without a repeated step. Draw rework as a recovery link (`fail … recover`) or an information flow (`..>`) when it is not part of the promised path.",
        badExample: "promise \"Decision in 5 days\" from apply to decide within 5d\ncustomer apply \"Applies online\"\nbackstage review \"Reviews the file\", takes 1d\nbackstage rework \"Asks for missing papers\", takes 1d\nfrontstage decide \"Tells the decision\", takes 1h\napply -> review -> decide\nreview -> rework -> review",
        goodExample: "promise \"Decision in 5 days\" from apply to decide within 5d\ncustomer apply \"Applies online\"\nbackstage review \"Reviews the file\", takes 1d, fail \"Papers missing\" recover rework\nbackstage rework \"Asks for missing papers\", takes 1d\nfrontstage decide \"Tells the decision\", takes 1h\napply -> review -> decide\nrework ..> review")

    public static func check(_ context: LintContext) -> [Finding] {
        zip(context.blueprint.promises, context.promiseChecks).compactMap { promise, check in
            guard check.hasLoop else { return nil }
            let shown = check.loopSteps.prefix(6)
            let list = shown.map { "'\(context.blueprint.steps[$0].id)'" }.joined(separator: ", ")
                + (check.loopSteps.count > shown.count ? " and \(check.loopSteps.count - shown.count) more" : "")
            var message = "a '->' loop through \(list) lies on a path of promise \"\(promise.description)\", so its cost has no bound; it was checked over the paths without a repeated step"
            if check.searchWasBounded {
                message += ", and that search stopped at its bound, so the worst case found may be too low"
            }
            return Finding(message, at: promise.range)
        }
    }
}
