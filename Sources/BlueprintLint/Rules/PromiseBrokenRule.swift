import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

package struct PromiseBrokenRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "promise-broken", defaultSeverity: .error,
        summary: "the worst-case cost from `from` to `to` exceeds `within`; the message gives the cost and the path. A promise `for` a share of customers: fewer of them get there within `within`",
        explanation: "A promise's cost along a path is the sum of `wait` and `takes` of every step on it, both ends included. The promise is kept when the costliest `->` path is within the limit; the message names that path. A promise `for P%` is kept when at least P% of the customers going from `from` to `to` get there within the limit, with each step's time drawn from its span and each way out chosen by the shares; the share is found by a seeded simulation, and the message says how many customers it ran.",
        badExample: "promise \"Crew on site within 30 minutes\" from report to arrive within 30m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive",
        goodExample: "promise \"Crew on site within 45 minutes\" from report to arrive within 45m\ncustomer report \"Calls the hotline\"\nfrontstage log \"Agent logs the fault\", takes 4m\nfrontstage arrive \"Crew arrives on site\", wait 25m, takes 5m\nreport -> log -> arrive")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        // A flow lost to a syntax error changes the paths; the promise is measured once the line parses.
        guard !context.syntaxErrors.flowsMayBeMissing else { return }
        for (index, checked) in context.analysed.promises.enumerated() {
            let promise = checked.promise, check = checked.check
            if let target = promise.share {
                checkShare(of: promise, target: target, simulation: context.capacity.promises[index], into: &findings)
                continue
            }
            guard check.status == .broken else { continue }
            let steps = context.blueprint.steps
            let path = MessageArgument.path(check.worstPath.map { steps[$0].id })
            // Costs add up saturating: the largest duration means the sum overflowed, and is no cost to print.
            var message = check.worstCost == Duration(seconds: .max)
                ? Message(LintMessage.promiseCostOverflows, ["description": .text(promise.description), "path": path, "within": .duration(promise.within)])
                : Message(LintMessage.promiseBroken, [
                    "description": .text(promise.description), "cost": .duration(check.worstCost),
                    "path": path, "over": .duration(check.worstCost - promise.within), "within": .duration(promise.within),
                ])
            if check.searchWasBounded {
                message = message.followed(by: Message(LintMessage.searchBoundedSuffix))
            }
            let related = check.worstPath.map { index in
                RelatedLocation(range: steps[index].idRange, message: Message(LintMessage.stepCost, ["id": .text(steps[index].id), "cost": .duration(steps[index].cost)]))
            }
            findings.append(Finding(message, at: promise.range, related: related))
        }
    }

    /// Spec section 3, "Promises for a share of customers": judged by the simulated share alone.
    private static func checkShare(of promise: Promise, target: Double, simulation: PromiseSimulation?, into findings: inout Findings) {
        guard let simulation, let share = simulation.shareWithinLimit, share * 100 < target - 1e-9 else { return }
        findings.append(Finding(Message(LintMessage.promiseShareBroken, [
            "description": .text(promise.description), "share": Figures.percent(share), "within": .duration(promise.within),
            "target": .text(promise.statement.share?.text ?? "\(target)%"), "customers": .number(simulation.customersSimulated),
        ]), at: promise.range))
    }
}
