import BlueprintDiagnostics
import BlueprintLanguage

package struct QueueOverToleranceRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "queue-over-tolerance", defaultSeverity: .warning,
        summary: "a step whose predicted queue wait is longer than the `tolerance` of its wait",
        explanation: "With `demand` and `servers`, a step's mean wait in the queue follows from the M/M/N (Erlang C) formula. A queue longer than the customer's tolerance disappoints them however the step itself goes.",
        badExample: "demand 33/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", wait 0m..10m, tolerance 10m, takes 4m..6m, servers 3\narrive -> serve",
        goodExample: "demand 30/h\ncustomer arrive \"Takes a ticket\"\nfrontstage serve \"Clerk serves the customer\", wait 0m..10m, tolerance 15m, takes 4m..6m, servers 3\narrive -> serve")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for index in Figures.judgedSteps(context) {
            let step = context.blueprint.steps[index]
            guard let queueWait = context.capacity.steps[index].queueWaitSeconds, let tolerance = step.tolerance,
                  queueWait > Double(tolerance.seconds) else { continue }
            findings.append(Finding(Message(LintMessage.queueOverTolerance, [
                "id": .text(step.id), "wait": Figures.duration(seconds: queueWait), "tolerance": .duration(tolerance),
            ]), at: step.idRange))
        }
    }
}
