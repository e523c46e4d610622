import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

package struct DisconnectedStepRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "disconnected-step", defaultSeverity: .warning,
        summary: "a step that no chain of flows and recovery links joins to the first customer step",
        explanation: "The journey is every step joined to the first customer step by flows and recovery links, in either direction. A step outside it is usually a forgotten flow.",
        badExample: "customer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\"\nbackstage dispatch \"Assigns a crew\"\nreport -> log",
        goodExample: "customer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\"\nbackstage dispatch \"Assigns a crew\"\nreport -> log -> dispatch")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let blueprint = context.blueprint
        guard let start = blueprint.firstCustomerStep, !context.syntaxErrors.flowsMayBeMissing else { return }
        // Union-find over the links, which join steps in either direction: no list of neighbours per step.
        // An undeclared id is a node after the steps, so a typo in a chain leaves both sides joined.
        var unknownNodes: [String: Int] = [:]
        for link in blueprint.unknownNameLinks {
            for case .unknown(let name) in [link.from, link.to] where unknownNodes[name] == nil {
                unknownNodes[name] = blueprint.steps.count + unknownNodes.count
            }
        }
        func node(_ end: UnknownNameLink.End) -> Int {
            switch end {
            case .step(let index): index
            case .unknown(let name): unknownNodes[name]!
            }
        }
        var parent = Array(0..<(blueprint.steps.count + unknownNodes.count))
        func root(_ step: Int) -> Int {
            var step = step
            while parent[step] != step {
                parent[step] = parent[parent[step]]
                step = parent[step]
            }
            return step
        }
        func join(_ a: Int, _ b: Int) {
            parent[root(a)] = root(b)
        }
        for flow in blueprint.flows { join(flow.from, flow.to) }
        for link in blueprint.recoveries { join(link.from, link.to) }
        for link in blueprint.unknownNameLinks { join(node(link.from), node(link.to)) }
        let journey = root(start)
        let first = blueprint.steps[start]
        let journeyStart = RelatedLocation(range: first.idRange, message: Message(LintMessage.journeyStartsHere))
        for index in blueprint.steps.indices where root(index) != journey && !context.syntaxErrors.mayHaveLinked(blueprint.steps[index].id) {
            let step = blueprint.steps[index]
            findings.append(Finding(Message(LintMessage.disconnected, ["lane": LintMessage.lane(step.lane), "id": .text(step.id), "first": .text(first.id)]),
                                    at: step.idRange, related: [journeyStart]))
        }
    }
}
