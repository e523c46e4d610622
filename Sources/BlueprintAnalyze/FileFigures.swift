import BlueprintAnalysis
import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintModel

/// What `blueprint analyze` tells about one file: every promise simulated, every step's capacity
/// figures, ready for the text, Markdown and JSON writers.
package struct FileFigures: Sendable {
    package let path: String
    package let title: String?
    package let language: MessageLanguage
    /// As asked for; a promise over a very long journey may simulate fewer (see `PromiseFigures`).
    package let customers: Int
    package let seed: UInt64
    package let promises: [PromiseFigures]
    /// Every step, in file order.
    package let steps: [StepFigures]

    /// The rules whose errors leave nothing sound to analyse: a line that did not parse, or a name
    /// that does not lead to a step, loses flows the figures depend on. Any other error (a broken
    /// promise, a step over capacity) is what the analysis is there to show.
    package static let blockingRules: Set<RuleID> = [.syntax, "undefined-reference", "wrong-kind"]

    /// The diagnostics that keep `document` from being analysed; empty when it can be.
    package static func blockingDiagnostics(of document: Document) -> [Diagnostic] {
        document.diagnostics.filter { $0.severity == .error && blockingRules.contains($0.rule) }
    }

    package init(_ document: Document, options: SimulationOptions, language: LanguageChoice) {
        let analysed = document.analysed
        let blueprint = analysed.blueprint
        let capacity = CapacityAnalysis(analysed, options: options)
        path = document.path
        title = blueprint.title
        self.language = document.language(for: language)
        customers = options.customers
        seed = options.seed
        promises = zip(analysed.promises, capacity.promises).map { checked, simulation in
            PromiseFigures(checked, simulation: simulation, blueprint: blueprint)
        }
        steps = zip(blueprint.steps, capacity.steps).map { step, figures in StepFigures(id: step.id, capacity: figures) }
    }
}

/// One promise as the tables show it.
package struct PromiseFigures: Sendable {
    package enum Verdict: Sendable {
        case kept, broken
        /// No `->` path joins its ends, or an end is not a step: nothing to simulate.
        case notSimulated
    }

    package let name: String
    package let from: String
    package let to: String
    package let within: Duration
    /// `for P%` as a fraction, nil for a worst-case promise.
    package let target: Double?
    package let simulation: PromiseSimulation?
    /// The ids of the loop's steps when a loop leaves the worst case without a bound.
    package let loop: [String]
    package let verdict: Verdict
    /// The contributors' step ids, in the simulation's order.
    package let contributorSteps: [String]

    init(_ checked: CheckedPromise, simulation: PromiseSimulation?, blueprint: Blueprint) {
        let promise = checked.promise
        name = promise.description
        from = promise.from.map { blueprint.steps[$0].id } ?? ""
        to = promise.to.map { blueprint.steps[$0].id } ?? ""
        within = promise.within
        target = promise.share.map { $0 / 100 }
        self.simulation = simulation
        loop = checked.check.loopSteps.map { blueprint.steps[$0].id }
        contributorSteps = simulation?.contributors.map { blueprint.steps[$0.step].id } ?? []
        verdict = switch (simulation, promise.share) {
        case (nil, _): .notSimulated
        // Judged as the linter judges it (`promise-broken`): by the share alone when there is a target.
        case (let simulation?, let target?): (simulation.shareWithinLimit ?? 0) * 100 < target - 1e-9 ? .broken : .kept
        case (_, nil): checked.check.status == .kept ? .kept : .broken
        }
    }
}

/// One step's capacity figures under its id.
package struct StepFigures: Sendable {
    package let id: String
    package let capacity: StepCapacity

    /// A step customers reach or that has servers: the only ones the tables list.
    package var hasFigures: Bool { capacity.visits > 0 || capacity.servers != nil }
}
