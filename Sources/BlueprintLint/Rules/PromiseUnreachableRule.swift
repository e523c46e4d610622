import BlueprintLanguage

public struct PromiseUnreachableRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "promise-unreachable", defaultSeverity: .error,
        summary: "no `->` path leads from `from` to `to`",
        explanation: "A promise is measured along hand-offs (`->`); information flows (`..>`) and recovery links do not count. If no hand-off path joins its ends, the promise measures nothing.",
        badExample: "promise \"Answer within a day\" from ask to answer within 1d\ncustomer ask \"Asks a question\"\nfrontstage answer \"Adviser answers\", takes 1h\nask ..> answer",
        goodExample: "promise \"Answer within a day\" from ask to answer within 1d\ncustomer ask \"Asks a question\"\nfrontstage answer \"Adviser answers\", takes 1h\nask -> answer")

    public static func check(_ context: LintContext) -> [Finding] {
        zip(context.blueprint.promises, context.promiseChecks).compactMap { promise, check in
            guard check.status == .unreachable else { return nil }
            return Finding("promise \"\(promise.description)\" cannot be measured: no '->' path leads from '\(promise.statement.from.name)' to '\(promise.statement.to.name)'", at: promise.range)
        }
    }
}
