import BlueprintDiagnostics

package struct NoCustomerRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "no-customer", defaultSeverity: .error,
        summary: "the blueprint has no customer step (reported at the header)",
        explanation: "A service blueprint is drawn around the customer's journey; without a customer step there is no journey to check.",
        badExample: "blueprint \"Meter reading\"\nbackstage read \"Reads the meter data\"",
        goodExample: "blueprint \"Meter reading\"\ncustomer submit \"Submits a meter reading in the app\"\nbackstage read \"Reads the meter data\"\nsubmit ..> read")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        guard context.blueprint.firstCustomerStep == nil, !context.syntaxErrors.itemsMayBeMissing else { return }
        findings.append(Finding(Message(LintMessage.noCustomer), at: context.fileRange))
    }
}
