import BlueprintModel

/// How long customers take from a promise's `from` to its `to` (spec section 3, "Promises for a
/// share of customers"), estimated by a seeded Monte Carlo simulation.
public struct PromiseSimulation: Hashable, Sendable {
    /// Customers started at `from`.
    public var customersSimulated: Int
    /// Customers who reached `to`.
    public var customersArrived: Int
    /// Customers stopped after `PromiseSimulator.stepCap` steps, still on their way: they count
    /// as going to `to`, late.
    public var customersCapped: Int
    /// The share of the customers going to `to` who got there within the promise's limit, 0…1;
    /// nil when none went there.
    public var shareWithinLimit: Double?
    /// The time of the customers who arrived, in seconds; nil when none did.
    public var meanSeconds: Double?
    public var p50Seconds: Double?
    public var p90Seconds: Double?
    public var p95Seconds: Double?
    /// The worst-case cost (section 3, "Promise"); nil when a loop leaves it without a bound.
    public var worstCaseSeconds: Int?
}

/// Runs customers through the `->` flows: each takes every step's wait and takes, drawn from their
/// spans (uniform for two values, triangular for three), and leaves by a flow chosen by the shares.
struct PromiseSimulator {
    /// A customer still walking after this many steps is stopped and counted apart: a loop whose
    /// shares send nearly everyone back would otherwise never end.
    static let stepCap = 10_000

    let routing: Routing
    let blueprint: Blueprint
    let options: SimulationOptions

    func simulate(_ promise: Promise, check: PromiseCheck, seed: UInt64) -> PromiseSimulation? {
        guard let from = promise.from, let to = promise.to, check.status == .kept || check.status == .broken else { return nil }
        // The steps on a path to `to`, renumbered from 0; a customer who leaves them never gets there.
        let onPaths = check.stepsOnPaths
        let local = Dictionary(uniqueKeysWithValues: onPaths.enumerated().map { ($1, $0) })
        let steps = onPaths.map { index in
            SimulatedStep(wait: blueprint.steps[index].waitSpan, takes: blueprint.steps[index].takesSpan,
                          exits: routing.exits[index].compactMap { exit in local[exit.step].map { ($0, exit.probability) } })
        }
        let start = local[from]!, end = local[to]!
        let limit = Double(promise.within.seconds)
        var random = RandomSource(seed: seed)
        let shifts = Self.haltonBases.map { _ in random.nextUnit() }
        var times: [Double] = []
        times.reserveCapacity(options.customers)
        var simulated = 0, capped = 0, stepsWalked = 0
        while simulated < options.customers && (stepsWalked < options.stepBudget || simulated < options.minimumCustomers) {
            simulated += 1
            var time = 0.0, step = start, walked = 0
            var dimension = 0
            func nextUnit() -> Double {
                defer { dimension += 1 }
                return dimension < shifts.count ? Self.halton(simulated, dimension: dimension, shift: shifts[dimension]) : random.nextUnit()
            }
            func draw(_ span: TimeSpan?) -> Double {
                guard let span else { return 0 }
                return span.isExact ? Double(span.minimum.seconds) : Self.value(of: span, at: nextUnit())
            }
            walking: while true {
                time += draw(steps[step].wait)
                time += draw(steps[step].takes)
                walked += 1
                if step == end {
                    times.append(time)
                    break
                }
                if walked >= Self.stepCap {
                    capped += 1
                    break
                }
                var chance = nextUnit()
                for exit in steps[step].exits {
                    chance -= exit.probability
                    if chance < 0 {
                        step = exit.step
                        continue walking
                    }
                }
                // Left the journey, or for a step from which `to` cannot be reached: not counted.
                break
            }
            stepsWalked += walked
        }
        times.sort()
        let counted = times.count + capped
        var result = PromiseSimulation(customersSimulated: simulated, customersArrived: times.count, customersCapped: capped)
        if counted > 0 {
            result.shareWithinLimit = Double(times.count { $0 <= limit }) / Double(counted)
        }
        if !times.isEmpty {
            result.meanSeconds = times.reduce(0, +) / Double(times.count)
            result.p50Seconds = Self.percentile(0.50, of: times)
            result.p90Seconds = Self.percentile(0.90, of: times)
            result.p95Seconds = Self.percentile(0.95, of: times)
        }
        result.worstCaseSeconds = check.hasLoop || check.searchWasBounded ? nil : check.worstCost.seconds
        return result
    }

    private struct SimulatedStep {
        var wait: TimeSpan?
        var takes: TimeSpan?
        var exits: [(step: Int, probability: Double)]
    }

    /// The first draws of each customer come from the Halton sequence, one prime base per draw,
    /// each shifted by a random offset (randomised quasi-Monte Carlo): any number of customers then
    /// covers those draws' ranges evenly, which takes most of the noise out of the share of a short
    /// promise. Later draws come from the generator.
    static let haltonBases = [2, 3, 5, 7, 11, 13]

    static func halton(_ number: Int, dimension: Int, shift: Double) -> Double {
        let base = haltonBases[dimension]
        var rest = number, point = 0.0, scale = 1.0 / Double(base)
        while rest > 0 {
            point += Double(rest % base) * scale
            rest /= base
            scale /= Double(base)
        }
        point += shift
        return point < 1 ? point : point - 1
    }

    /// The value of the span in seconds at `unit` of its distribution (inverse transform): uniform
    /// between two values, triangular with a mode.
    static func value(of span: TimeSpan, at unit: Double) -> Double {
        let low = Double(span.minimum.seconds), high = Double(span.maximum.seconds)
        guard high > low else { return low }
        guard let mode = span.mode.map({ Double($0.seconds) }) else { return low + (high - low) * unit }
        let modeShare = (mode - low) / (high - low)
        return unit < modeShare ? low + ((high - low) * (mode - low) * unit).squareRoot()
                                : high - ((high - low) * (high - mode) * (1 - unit)).squareRoot()
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// How many customers a promise's simulation runs.
public struct SimulationOptions: Hashable, Sendable {
    /// Enough that the share lies within a few tenths of a percentage point of the exact one
    /// (its standard error is at most 0.16 points).
    public var customers = 100_000
    /// Steps walked by all customers of one promise, after which no more are started: a promise
    /// over a thousand steps then simulates a few thousand customers in a fraction of a second.
    public var stepBudget = 3_000_000
    /// Customers started whatever the budget: a loop that keeps everyone walking to the step cap
    /// still gets a share from a few hundred.
    public var minimumCustomers = 200
    public var seed: UInt64 = 0x5EED_B1E9_1201

    public init() {}
}
