import BlueprintDiagnostics

package struct VisibilityLeakRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "visibility-leak", defaultSeverity: .warning,
        summary: "a `->` flow from a backstage or support step straight to a customer step",
        explanation: "Work below the line of visibility reaches the customer through something they see: a frontstage step or a piece of evidence. A hand-off straight from backstage crosses the line of visibility unseen.",
        badExample: "backstage approve \"Underwriter approves\"\ncustomer receive \"Receives the decision\"\napprove -> receive",
        goodExample: "backstage approve \"Underwriter approves\"\nfrontstage call \"Adviser calls with the decision\"\ncustomer receive \"Receives the decision\"\napprove -> call -> receive")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let steps = context.blueprint.steps
        for flow in context.blueprint.flows {
            let fromLane = steps[flow.from].lane
            guard flow.arrow == .handOff, fromLane == .backstage || fromLane == .support, steps[flow.to].lane == .customer else { continue }
            let customer = steps[flow.to].id
            findings.append(Finding(Message(LintMessage.visibilityLeak, ["lane": LintMessage.lane(fromLane), "from": .text(steps[flow.from].id), "to": .text(customer)]),
                                    at: flow.fromRange,
                                    related: [RelatedLocation(range: steps[flow.to].idRange, message: Message(LintMessage.customerStepHere, ["id": .text(customer)]))]))
        }
    }
}
