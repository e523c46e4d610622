import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage

package struct OverCapacityRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "over-capacity", defaultSeverity: .error,
        summary: "a step whose utilisation is 100% or more: its queue grows without end",
        explanation: "A step's utilisation is its arrival rate (the `demand` times the visits a customer makes to it, following the shares) times its mean `takes`, divided by its `servers`. At 100% or more the servers never catch up, and the queue grows for as long as customers come.",
        badExample: "demand 36/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", takes 4m..6m, servers 3\narrive -> serve",
        goodExample: "demand 36/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", takes 4m..6m, servers 4\narrive -> serve")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for index in Figures.judgedSteps(context) {
            guard let utilisation = context.capacity.steps[index].utilisation, utilisation >= StepCapacity.fullUtilisation else { continue }
            findings.append(Finding(Message(LintMessage.overCapacity, Figures.load(of: index, in: context, utilisation: utilisation)),
                                    at: context.blueprint.steps[index].idRange))
        }
    }
}
