import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage

package struct BusyStepRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "busy-step", defaultSeverity: .warning,
        summary: "a step whose utilisation is above 85% and below 100%",
        explanation: "Above 85% utilisation a queue's wait climbs steeply with every extra customer: a small rise in demand or a slow day makes it long. Add a server or shorten the step.",
        badExample: "demand 33/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", takes 4m..6m, servers 3\narrive -> serve",
        goodExample: "demand 30/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", takes 4m..6m, servers 3\narrive -> serve")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for index in Figures.judgedSteps(context) {
            guard let utilisation = context.capacity.steps[index].utilisation,
                  utilisation > StepCapacity.busyUtilisation, utilisation < StepCapacity.fullUtilisation else { continue }
            findings.append(Finding(Message(LintMessage.busyStep, Figures.load(of: index, in: context, utilisation: utilisation)),
                                    at: context.blueprint.steps[index].idRange))
        }
    }
}
