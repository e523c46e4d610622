import BlueprintDiagnostics

package struct CustomerWithoutTouchpointRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "customer-without-touchpoint", defaultSeverity: .warning,
        summary: "a customer step with no flow to or from a frontstage step and no evidence",
        explanation: "Every customer action meets the service somewhere: a frontstage employee, or evidence such as an app, a letter or a sign. A customer step with neither is a journey step the service never touches.",
        badExample: "customer waits \"Waits for the crew\"\ncustomer restored \"Power is back\"\nwaits -> restored",
        goodExample: "evidence sms \"Text with the crew's arrival time\"\ncustomer waits \"Waits for the crew\", evidence sms")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let steps = context.blueprint.steps
        var touched = [Bool](repeating: false, count: steps.count)
        for flow in context.blueprint.flows {
            if steps[flow.from].lane == .frontstage { touched[flow.to] = true }
            if steps[flow.to].lane == .frontstage { touched[flow.from] = true }
        }
        // A flow to an id a bad line may have declared (a misspelt lane keyword) may go to a frontstage step.
        for link in context.blueprint.unknownNameLinks where link.arrow != nil {
            switch (link.from, link.to) {
            case (.step(let index), .unknown(let name)), (.unknown(let name), .step(let index)):
                if context.syntaxErrors.mayHaveDeclared(name) { touched[index] = true }
            default:
                break
            }
        }
        // Steps are read in place: copying each one out costs more than the check.
        for index in steps.indices {
            guard steps[index].lane == .customer, !touched[index], steps[index].shownEvidence.isEmpty,
                  !context.syntaxErrors.mayHaveLostFlow(of: steps[index].id) else { continue }
            findings.append(Finding(Message(LintMessage.noTouchpoint, ["id": .text(steps[index].id)]), at: steps[index].idRange))
        }
    }
}
