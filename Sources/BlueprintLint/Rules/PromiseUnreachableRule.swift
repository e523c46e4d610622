import BlueprintDiagnostics
import BlueprintLanguage

package struct PromiseUnreachableRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "promise-unreachable", defaultSeverity: .error,
        summary: "no `->` path leads from `from` to `to`",
        explanation: "A promise is measured along hand-offs (`->`); information flows (`..>`) and recovery links do not count. If no hand-off path joins its ends, the promise measures nothing.",
        badExample: "promise \"Answer within a day\" from ask to answer within 1d\ncustomer ask \"Asks a question\"\nfrontstage answer \"Adviser answers\", takes 1h\nask ..> answer",
        goodExample: "promise \"Answer within a day\" from ask to answer within 1d\ncustomer ask \"Asks a question\"\nfrontstage answer \"Adviser answers\", takes 1h\nask -> answer")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        // A flow lost to a syntax error changes the paths; the promise is measured once the line parses.
        guard !context.syntaxErrors.flowsMayBeMissing else { return }
        for checked in context.analysed.promises {
            let promise = checked.promise, check = checked.check
            guard check.status == .unreachable else { continue }
            let from = promise.statement.from, to = promise.statement.to
            findings.append(Finding(Message(LintMessage.promiseUnreachable, ["description": .text(promise.description), "from": .text(from.name), "to": .text(to.name)]),
                                    at: promise.range,
                                    related: [context.declaration(of: from.name, note: Message(LintMessage.promiseFromHere)),
                                              context.declaration(of: to.name, note: Message(LintMessage.promiseToHere))].compactMap { $0 }))
        }
    }
}
