import BlueprintDiagnostics

package struct SelfFlowRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "self-flow", defaultSeverity: .warning,
        summary: "a flow from a step to itself (`a -> a`)",
        explanation: "A step that hands the service over to itself is usually a typo for another step. As a `->` flow it is also a loop, which leaves every promise through the step without a bound. Model repeated work as a fail point with `recover`.",
        badExample: "frontstage check \"Clerk checks the form\", takes 5m\ncheck -> check",
        goodExample: "frontstage check \"Clerk checks the form\", takes 5m, fail \"Form incomplete\" recover ask\ncustomer ask \"Completes the form\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let steps = context.blueprint.steps
        for flow in context.blueprint.flows where flow.from == flow.to {
            findings.append(Finding(Message(LintMessage.selfFlow, ["id": .text(steps[flow.from].id)]), at: flow.fromRange))
        }
    }
}
