import BlueprintEncoding
import BlueprintModel

/// The figures of spec section 3's spans, shares and capacity for one blueprint: visits, arrival
/// rates, utilisation and queue waits per step, and a simulation of its promises.
public struct CapacityAnalysis: Sendable {
    /// One per step of the blueprint, same order; none when made without `figuresSteps`.
    public let steps: [StepCapacity]
    /// One per promise of the blueprint, same order; nil for a promise not simulated (one not
    /// selected, or whose ends are not joined by a `->` path).
    public let promises: [PromiseSimulation?]

    /// `simulates` picks the promises to simulate; the worst-case checks come with the analysed blueprint.
    /// Without `figuresSteps`, `steps` is left empty: a caller that needs no step's figures (lint
    /// without `demand`, where no step has a load to judge) saves reading every step of a large file.
    public init(_ analysed: AnalysedBlueprint, options: SimulationOptions = SimulationOptions(),
                figuresSteps: Bool = true, simulates: (Promise) -> Bool = { _ in true }) {
        let blueprint = analysed.blueprint
        let chosen = analysed.promises.map { simulates($0.promise) ? $0 : nil }
        guard figuresSteps || chosen.contains(where: { $0 != nil }) else {
            (steps, promises) = ([], chosen.map { _ in nil })
            return
        }
        let routing = Routing(blueprint)
        steps = figuresSteps ? Self.stepFigures(blueprint, routing: routing) : []
        let simulator = PromiseSimulator(routing: routing, blueprint: blueprint, options: options)
        // Each promise has a seed of its own, so they are simulated on every core with the same figures.
        let simulate: @Sendable (Int) -> PromiseSimulation? = { index in
            chosen[index].flatMap { simulator.simulate($0.promise, check: $0.check, seed: options.seed &+ UInt64(index)) }
        }
        // Other threads only for two promises or more to simulate: lint asks for none in most files.
        let indices = Array(chosen.indices)
        promises = chosen.count { $0 != nil } > 1 ? indices.concurrentMap(simulate) : indices.map(simulate)
    }

    private static func stepFigures(_ blueprint: Blueprint, routing: Routing) -> [StepCapacity] {
        let visits = blueprint.firstCustomerStep.map { Visits.solve(routing, from: $0) }
            ?? [Double](repeating: 0, count: blueprint.steps.count)
        // Each field is read in place: copying a step out would retain its strings for nothing.
        let steps = blueprint.steps
        return steps.indices.map { index in
            let servers = steps[index].servers
            var figures = StepCapacity(visits: visits[index], servers: servers)
            guard let demand = blueprint.demandPerHour else { return figures }
            let arrivals = product(demand, visits[index])
            figures.arrivalsPerHour = arrivals
            guard let takes = steps[index].takesSpan else { return figures }
            let meanTakes = takes.meanSeconds
            // Offered load in servers' worth of work; hours and seconds meet once, so 36/h × 5m is exactly 3.
            let load = product(arrivals, meanTakes) / 3600
            // Customers at the step (Little's law: arrivals × time there); with servers, the queue adds to it.
            figures.inProgress = load
            guard let servers, servers >= 1 else { return figures }
            figures.utilisation = load / Double(servers)
            if let queueWait = Queueing.meanQueueWait(offeredLoad: load, servers: servers, meanService: meanTakes) {
                figures.queueWaitSeconds = queueWait
                figures.inProgress = product(arrivals, queueWait + meanTakes) / 3600
            } else {
                figures.inProgress = nil
            }
            return figures
        }
    }

    /// A product where nothing times anything is nothing: no customers at a step never reached, even
    /// with a demand too large to count, and no load from a step that takes no time.
    private static func product(_ a: Double, _ b: Double) -> Double {
        a == 0 || b == 0 ? 0 : a * b
    }
}

/// What section 3, "Demand and capacity", computes for one step.
public struct StepCapacity: Hashable, Sendable {
    /// Spec section 4: above this utilisation a step is busy (`busy-step`).
    package static let busyUtilisation = 0.85
    /// 100% or more is over capacity (`over-capacity`). Float noise must not put an exactly full step
    /// (36/h × 5m ÷ 3) on either side.
    package static let fullUtilisation = 1 - 1e-9

    /// Times a customer starting the journey visits the step on average; infinite in a loop
    /// customers never leave, 0 for a step they never reach.
    public var visits: Double
    /// Customers arriving per hour: the demand times the visits; nil without `demand`.
    public var arrivalsPerHour: Double?
    public var servers: Int?
    /// Arrival rate × mean `takes` ÷ servers; 1 or more means the queue grows without end. Nil
    /// without `demand`, `takes` or `servers`.
    public var utilisation: Double?
    /// The M/M/N (Erlang C) mean wait in the queue, in seconds; nil where there is no utilisation
    /// or it is 1 or more.
    public var queueWaitSeconds: Double?
    /// Customers at the step on average, queueing or served (Little's law); nil without `demand`
    /// or `takes`, or with a queue that grows without end.
    public var inProgress: Double?

    public init(visits: Double, arrivalsPerHour: Double? = nil, servers: Int? = nil, utilisation: Double? = nil,
                queueWaitSeconds: Double? = nil, inProgress: Double? = nil) {
        self.visits = visits
        self.arrivalsPerHour = arrivalsPerHour
        self.servers = servers
        self.utilisation = utilisation
        self.queueWaitSeconds = queueWaitSeconds
        self.inProgress = inProgress
    }
}
