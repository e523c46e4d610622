import BlueprintLanguage

public struct DisconnectedStepRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "disconnected-step", defaultSeverity: .warning,
        summary: "a step outside the journey",
        explanation: "The journey is every step joined to the first customer step by flows and recovery links, in either direction. A step outside it is usually a forgotten flow.",
        badExample: "customer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\"\nbackstage dispatch \"Assigns a crew\"\nreport -> log",
        goodExample: "customer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\"\nbackstage dispatch \"Assigns a crew\"\nreport -> log -> dispatch")

    public static func check(_ context: LintContext) -> [Finding] {
        let blueprint = context.blueprint
        guard let start = blueprint.firstCustomerStep else { return [] }
        var neighbours = [[Int]](repeating: [], count: blueprint.steps.count)
        for flow in blueprint.flows {
            neighbours[flow.from].append(flow.to)
            neighbours[flow.to].append(flow.from)
        }
        for link in blueprint.recoveries {
            neighbours[link.from].append(link.to)
            neighbours[link.to].append(link.from)
        }
        var inJourney = [Bool](repeating: false, count: blueprint.steps.count)
        inJourney[start] = true
        var stack = [start]
        while let step = stack.popLast() {
            for next in neighbours[step] where !inJourney[next] {
                inJourney[next] = true
                stack.append(next)
            }
        }
        let first = blueprint.steps[start].id
        return blueprint.steps.indices.filter { !inJourney[$0] }.map { index in
            let step = blueprint.steps[index]
            return Finding("\(step.lane.rawValue) step '\(step.id)' is not joined to the journey that starts at '\(first)': no flow or recovery link leads to it", at: step.idRange)
        }
    }
}
