import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintModel

/// Everything a step says about itself and what runs through it: what the hover shows and the
/// preview's step panel lists.
package struct StepSummary: Hashable, Sendable {
    package struct FailPoint: Hashable, Sendable {
        package var description: String
        /// The id and label of the step that recovers from it.
        package var recoveryID: String?
        package var recoveryLabel: String?
    }

    /// An evidence item the step shows.
    package struct Evidence: Hashable, Sendable {
        package var id: String
        package var label: String
    }

    /// A promise with the step on one of its paths.
    package struct PromiseThrough: Hashable, Sendable {
        /// The promise's index in the file.
        package var index: Int
        package var description: String
        package var status: PromiseCheck.Status
        package var worstCost: Duration
        package var within: Duration
        /// A promise `for P%`: the target as written (`95%`) and the simulated share of customers
        /// within the limit, which judge it instead of the worst case.
        package var target: String?
        package var simulatedShare: Double?
        /// Whether the step is on the promise's worst path.
        package var isOnWorstPath: Bool
    }

    /// Spec section 3's figures for a step of a file with `demand`.
    package struct Capacity: Hashable, Sendable {
        /// The mean of the step's `takes`, in seconds; nil without one.
        package var meanTakesSeconds: Double?
        package var arrivalsPerHour: Double
        /// Nil without `takes` and `servers`.
        package var utilisation: Double?
        /// The predicted (Erlang C) mean wait in the queue, in seconds; nil without a utilisation below 1.
        package var queueWaitSeconds: Double?
    }

    package var id: String
    package var label: String
    package var lane: Lane
    /// The lane's title as the blueprint names it.
    package var laneTitle: String
    /// The title of the step's phase, when it has one.
    package var phase: String?
    package var actor: String?
    package var channel: String?
    package var note: String?
    package var takes: TimeSpan?
    package var wait: TimeSpan?
    package var tolerance: Duration?
    package var isMomentOfTruth: Bool
    package var emotion: Int?
    package var failPoints: [FailPoint]
    package var evidence: [Evidence]
    /// In file order.
    package var promises: [PromiseThrough]
    /// Nil in a file without `demand`.
    package var capacity: Capacity?

    /// The summary of the step at `index` of `analysed.blueprint.steps`.
    package init(step index: Int, in analysed: AnalysedBlueprint) {
        let through = analysed.promises.enumerated().compactMap { promise, checked -> PromiseThrough? in
            let check = checked.check
            let isOnWorstPath = check.worstPath.contains(index)
            guard isOnWorstPath || check.stepsOnPaths.contains(index) else { return nil }
            return PromiseThrough(promise, checked, isOnWorstPath: isOnWorstPath)
        }
        self.init(step: index, in: analysed.blueprint, promises: through, figures: Self.capacityFigures(analysed)?[index])
    }

    /// The summaries of every step, in file order; each promise's paths are read once.
    package static func all(in analysed: AnalysedBlueprint) -> [StepSummary] {
        var promisesByStep: [Int: [PromiseThrough]] = [:]
        for (promise, checked) in analysed.promises.enumerated() {
            let worstPath = Set(checked.check.worstPath)
            for step in worstPath.union(checked.check.stepsOnPaths) {
                promisesByStep[step, default: []].append(PromiseThrough(promise, checked, isOnWorstPath: worstPath.contains(step)))
            }
        }
        let figures = capacityFigures(analysed)
        return analysed.blueprint.steps.indices.map {
            Self(step: $0, in: analysed.blueprint, promises: promisesByStep[$0] ?? [], figures: figures?[$0])
        }
    }

    /// Each step's capacity figures; nil without `demand`. The promises' simulation is not needed here.
    private static func capacityFigures(_ analysed: AnalysedBlueprint) -> [StepCapacity]? {
        analysed.blueprint.demandPerHour == nil ? nil : CapacityAnalysis(analysed, simulates: { _ in false }).steps
    }

    private init(step index: Int, in blueprint: Blueprint, promises: [PromiseThrough], figures: StepCapacity?) {
        let step = blueprint.steps[index]
        id = step.id
        label = step.label
        lane = step.lane
        laneTitle = blueprint.laneTitle(step.lane)
        phase = blueprint.phases.indices.contains(step.phase) ? blueprint.phases[step.phase].title : nil
        actor = step.actor
        channel = step.channel
        note = step.note
        takes = step.takesSpan
        wait = step.waitSpan
        tolerance = step.tolerance
        isMomentOfTruth = step.isMomentOfTruth
        emotion = step.emotion
        failPoints = step.failures.map { failure in
            let recovery = failure.recovery.map { blueprint.steps[$0] }
            return FailPoint(description: failure.description, recoveryID: recovery?.id, recoveryLabel: recovery?.label)
        }
        evidence = step.shownEvidence.map { Evidence(id: blueprint.evidence[$0].id, label: blueprint.evidence[$0].label) }
        self.promises = promises
        capacity = figures.map { figures in
            Capacity(meanTakesSeconds: step.takesSpan?.meanSeconds, arrivalsPerHour: figures.arrivalsPerHour ?? 0,
                     utilisation: figures.utilisation, queueWaitSeconds: figures.queueWaitSeconds)
        }
    }
}

extension StepSummary.PromiseThrough {
    fileprivate init(_ index: Int, _ checked: CheckedPromise, isOnWorstPath: Bool) {
        self.init(index: index, description: checked.promise.description, status: checked.status, worstCost: checked.check.worstCost,
                  within: checked.promise.within, target: checked.promise.statement.share?.text, simulatedShare: checked.simulatedShare,
                  isOnWorstPath: isOnWorstPath)
    }

    /// The simulated share as the hover and the panel print it: `96.1%`.
    package var shareText: String? { simulatedShare.map(Figures.percentText) }
}

extension StepSummary.Capacity {
    /// The figures as the hover and the panel print them: whole seconds, `83.3%`, `1.25`.
    package var meanTakes: Duration? { meanTakesSeconds.map { Figures.rounded(seconds: $0) } }
    package var arrivalsText: String { Figures.numberText(arrivalsPerHour) }
    package var utilisationText: String? { utilisation.map(Figures.percentText) }
    package var queueWait: Duration? { queueWaitSeconds.map { Figures.rounded(seconds: $0) } }
}
