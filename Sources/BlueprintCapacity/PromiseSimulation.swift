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
    /// The steps that matter most, largest share of the variance first, at most
    /// `PromiseSimulator.contributorLimit`; empty when the time does not vary.
    public var contributors: [PromiseContributor] = []
}

/// How much one step adds to the spread of a promise's time, and what fixing it would gain.
public struct PromiseContributor: Hashable, Sendable {
    /// The index of the step in the blueprint.
    public var step: Int
    /// The step's share of the variance: the variance of the time a customer spends at the step (every
    /// visit of a loop counted) over the sum of those variances of all steps. For steps that do not
    /// depend on each other it is the step's share of the variance of the total time; where a choice
    /// of route ties them it still lies between 0 and 1, as a share a manager can read.
    public var varianceShare: Double
    /// The share within the limit when the step's wait and takes are at their lowest values, from a
    /// run with the same seed; nil when no customer went to `to`.
    public var shareIfFastest: Double?
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

    /// The steps with the largest shares of the variance that are simulated again at their fastest:
    /// each takes another run, so only the few a manager would act on first.
    static let contributorLimit = 3

    func simulate(_ promise: Promise, check: PromiseCheck, seed: UInt64) -> PromiseSimulation? {
        guard let from = promise.from, let to = promise.to, check.status == .kept || check.status == .broken else { return nil }
        // The steps on a path to `to`, renumbered from 0; a customer who leaves them never gets there.
        let onPaths = check.stepsOnPaths
        let local = Dictionary(uniqueKeysWithValues: onPaths.enumerated().map { ($1, $0) })
        let steps = onPaths.map { index in
            SimulatedStep(wait: SpanDraw(blueprint.steps[index].waitSpan), takes: SpanDraw(blueprint.steps[index].takesSpan),
                          exits: routing.exits(of: index).compactMap { exit in local[exit.step].map { ($0, exit.probability) } })
        }
        let limit = Double(promise.within.seconds)
        let walks = Walks(steps: steps, start: local[from]!, end: local[to]!, limit: limit, options: options, seed: seed)
        let run = walks.run(tracksSteps: !options.shareOnly)
        var result = PromiseSimulation(customersSimulated: run.simulated, customersArrived: run.arrived, customersCapped: run.capped)
        result.shareWithinLimit = run.shareWithinLimit
        result.worstCaseSeconds = check.hasLoop || check.searchWasBounded ? nil : check.worstCost.seconds
        guard !options.shareOnly, !run.times.isEmpty else { return result }
        // Sorted only here: the runs for the contributors only count the times within the limit.
        let times = run.times.sorted()
        let count = Double(times.count)
        let mean = times.reduce(0, +) / count
        result.meanSeconds = mean
        result.p50Seconds = Self.percentile(0.50, of: times)
        result.p90Seconds = Self.percentile(0.90, of: times)
        result.p95Seconds = Self.percentile(0.95, of: times)
        let variances = steps.indices.map { step in
            max(0, run.stepSquares[step] / count - (run.stepTimes[step] / count) * (run.stepTimes[step] / count))
        }
        let totalVariance = variances.reduce(0, +)
        // Below a millisecond squared the spread is rounding, not a step's doing.
        guard totalVariance > 1e-6 else { return result }
        let shares = variances.enumerated().map { step, variance in (step: step, share: variance / totalVariance) }
        // Equal shares in file order, so the same file always lists the same steps.
        let largest = shares.filter { $0.share > 1e-9 }.sorted { $0.share != $1.share ? $0.share > $1.share : $0.step < $1.step }
        result.contributors = largest.prefix(Self.contributorLimit).map { step, share in
            PromiseContributor(step: onPaths[step], varianceShare: share,
                               shareIfFastest: walks.run(tracksSteps: false, fastest: step, haltonPoints: run.haltonPoints)
                                   .shareWithinLimit)
        }
        return result
    }

    /// The customers of one promise, walked again for each question with the same draws.
    private struct Walks {
        let steps: [SimulatedStep]
        let start: Int
        let end: Int
        /// The promise's limit in seconds.
        let limit: Double
        let options: SimulationOptions
        let seed: UInt64
        /// Every step's exits one after the other, `exitStarts[step]..<exitStarts[step + 1]`: the walk
        /// reads them without retaining an array at every step a customer takes.
        let exitSteps: [Int]
        let exitChances: [Double]
        let exitStarts: [Int]

        init(steps: [SimulatedStep], start: Int, end: Int, limit: Double, options: SimulationOptions, seed: UInt64) {
            (self.steps, self.start, self.end, self.limit, self.options, self.seed) = (steps, start, end, limit, options, seed)
            exitSteps = steps.flatMap { $0.exits.map(\.step) }
            exitChances = steps.flatMap { $0.exits.map(\.probability) }
            exitStarts = steps.reduce(into: [0]) { starts, step in starts.append(starts.last! + step.exits.count) }
        }

        struct Run {
            var simulated = 0
            var capped = 0
            var arrived = 0
            var arrivedWithinLimit = 0
            /// With `tracksSteps`, the time of each customer who arrived, in the order they were walked:
            /// only the figures beyond the share need them.
            var times: [Double] = []
            /// By local step, with `tracksSteps`: the sum over arrived customers of the time each spent
            /// at the step, and of its square.
            var stepTimes: [Double] = []
            var stepSquares: [Double] = []
            /// The customers' Halton points before their shift, `haltonBases.count` per customer, NaN
            /// where not drawn yet: every run of a promise draws the same ones, so later runs look them up.
            var haltonPoints: [Double] = []

            var shareWithinLimit: Double? {
                let counted = arrived + capped
                return counted > 0 ? Double(arrivedWithinLimit) / Double(counted) : nil
            }
        }

        /// `fastest` is a local step whose spans count as their lowest values; it still takes its
        /// draws, so every other draw of every customer stays the same as in the first run.
        func run(tracksSteps: Bool, fastest: Int? = nil, haltonPoints: [Double] = []) -> Run {
            var random = RandomSource(seed: seed)
            let shifts = PromiseSimulator.haltonBases.map { _ in random.nextUnit() }
            let digits = PromiseSimulator.haltonDigits
            var result = Run()
            result.haltonPoints = haltonPoints
            // Kept only where runs for the contributors follow (the first of them, which tracks steps) or
            // where an earlier run kept them: a single run would only pay for the memory.
            let keepsPoints = tracksSteps || !haltonPoints.isEmpty
            if tracksSteps {
                result.times.reserveCapacity(options.customers)
                result.stepTimes = [Double](repeating: 0, count: steps.count)
                result.stepSquares = result.stepTimes
            }
            // This customer's time at each step so far, and the steps where it is not 0.
            var spent = [Double](repeating: 0, count: tracksSteps ? steps.count : 0)
            var touched: [Int] = []
            var stepsWalked = 0
            while result.simulated < options.customers && (stepsWalked < options.stepBudget || result.simulated < options.minimumCustomers) {
                result.simulated += 1
                let number = result.simulated
                var time = 0.0, step = start, walked = 0
                var dimension = 0
                func nextUnit() -> Double {
                    defer { dimension += 1 }
                    guard dimension < shifts.count else { return random.nextUnit() }
                    guard keepsPoints else {
                        return PromiseSimulator.shifted(PromiseSimulator.radicalInverse(number, dimension: dimension, digits: digits),
                                                        by: shifts[dimension])
                    }
                    let index = (number - 1) * shifts.count + dimension
                    if index >= result.haltonPoints.count {
                        // Up to this customer's points: customers before it may have drawn none (every
                        // draw of theirs skipped or past the Halton dimensions).
                        result.haltonPoints += repeatElement(.nan, count: number * shifts.count - result.haltonPoints.count)
                    }
                    if result.haltonPoints[index].isNaN {
                        result.haltonPoints[index] = PromiseSimulator.radicalInverse(number, dimension: dimension, digits: digits)
                    }
                    return PromiseSimulator.shifted(result.haltonPoints[index], by: shifts[dimension])
                }
                /// A draw whose value cannot change the walk still takes its place in the customer's
                /// sequence, so every later draw stays the same, without working out its value.
                func skipUnit() {
                    defer { dimension += 1 }
                    if dimension >= shifts.count { random.skip() }
                }
                func draw(_ span: SpanDraw, atMinimum: Bool) -> Double {
                    if span.isExact { return span.low }
                    let value = span.value(at: nextUnit())
                    return atMinimum ? span.low : value
                }
                walking: while true {
                    let atMinimum = step == fastest
                    let stepTime = draw(steps[step].wait, atMinimum: atMinimum) + draw(steps[step].takes, atMinimum: atMinimum)
                    time += stepTime
                    if tracksSteps && stepTime > 0 {
                        if spent[step] == 0 { touched.append(step) }
                        spent[step] += stepTime
                    }
                    walked += 1
                    if step == end {
                        result.arrived += 1
                        if time <= limit { result.arrivedWithinLimit += 1 }
                        if tracksSteps { result.times.append(time) }
                        for step in touched {
                            result.stepTimes[step] += spent[step]
                            result.stepSquares[step] += spent[step] * spent[step]
                        }
                        break
                    }
                    if walked >= PromiseSimulator.stepCap {
                        result.capped += 1
                        break
                    }
                    let exits = exitStarts[step]..<exitStarts[step + 1]
                    // A first exit taken by every customer (a single flow without a share) or no exit at all:
                    // the draw decides nothing.
                    if exits.isEmpty || exitChances[exits.lowerBound] >= 1 {
                        skipUnit()
                        guard let exit = exits.first else { break }
                        step = exitSteps[exit]
                        continue walking
                    }
                    var chance = nextUnit()
                    for exit in exits {
                        chance -= exitChances[exit]
                        if chance < 0 {
                            step = exitSteps[exit]
                            continue walking
                        }
                    }
                    // Left the journey, or for a step from which `to` cannot be reached: not counted.
                    break
                }
                stepsWalked += walked
                for step in touched { spent[step] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
            return result
        }
    }

    private struct SimulatedStep {
        var wait: SpanDraw
        var takes: SpanDraw
        var exits: [(step: Int, probability: Double)]
    }

    /// A span in seconds, as the walk draws from it: converted once, not at every visit. No span
    /// is an exact 0.
    struct SpanDraw {
        let low: Double
        let high: Double
        let isExact: Bool
        /// For a triangular span: the mode's place between `low` and `high`, 0…1, and the areas the
        /// inverse transform takes the square root of, `(high − low)(mode − low)` and `(high − low)(high − mode)`.
        private let triangle: (modeShare: Double, rise: Double, fall: Double)?

        init(_ span: TimeSpan?) {
            let low = span.map { Double($0.minimum.seconds) } ?? 0, high = span.map { Double($0.maximum.seconds) } ?? 0
            (self.low, self.high, isExact) = (low, high, span?.isExact ?? true)
            triangle = span?.mode.map { mode in
                let mode = Double(mode.seconds)
                return ((mode - low) / (high - low), (high - low) * (mode - low), (high - low) * (high - mode))
            }
        }

        /// The value at `unit` of the distribution (inverse transform): uniform between two values,
        /// triangular with a mode.
        func value(at unit: Double) -> Double {
            guard high > low else { return low }
            guard let triangle else { return low + (high - low) * unit }
            return unit < triangle.modeShare ? low + (triangle.rise * unit).squareRoot()
                                             : high - (triangle.fall * (1 - unit)).squareRoot()
        }
    }

    /// The first draws of each customer come from the Halton sequence, one prime base per draw,
    /// each shifted by a random offset (randomised quasi-Monte Carlo): any number of customers then
    /// covers those draws' ranges evenly, which takes most of the noise out of the share of a short
    /// promise. Later draws come from the generator.
    static let haltonBases = [2, 3, 5, 7, 11, 13]

    /// Each base's digits: their weights, 1/b, 1/b/b, …, divided out once here rather than for every
    /// digit of every draw (the same divisions in the same order, so the same values), and the sums
    /// of the k lowest digits of every number below b^k.
    struct HaltonDigits: Sendable {
        let base: Int
        let weights: [Double]
        /// b^k, at most 4,096: a table that stays in the cache.
        let lowNumbers: Int
        let lowDigitCount: Int
        /// The point of each number below `lowNumbers`, summed as `radicalInverse` sums.
        let lowPoints: [Double]

        init(base: Int) {
            self.base = base
            var scale = 1.0 / Double(base)
            weights = (0..<Int.bitWidth).map { _ in
                defer { scale /= Double(base) }
                return scale
            }
            var (count, numbers) = (0, 1)
            while numbers * base <= 4_096 { (count, numbers) = (count + 1, numbers * base) }
            (lowDigitCount, lowNumbers) = (count, numbers)
            let weights = weights
            lowPoints = (0..<numbers).map { Self.adding(digitsOf: $0, base: base, weights: weights, from: 0, to: 0) }
        }

        /// `point` with the digits of `rest` in `base` added one by one, the lowest first, weighted
        /// from digit place `digit` on: the one order of additions every point is summed in.
        @inline(__always)
        static func adding(digitsOf rest: Int, base: Int, weights: [Double], from digit: Int, to point: Double) -> Double {
            var (rest, digit, point) = (rest, digit, point)
            while rest > 0 {
                point += Double(rest % base) * weights[digit]
                rest /= base
                digit += 1
            }
            return point
        }
    }

    static let haltonDigits = haltonBases.map(HaltonDigits.init(base:))

    /// The Halton point of customer `number` in `dimension`, before its shift.
    static func radicalInverse(_ number: Int, dimension: Int, digits: [HaltonDigits] = haltonDigits) -> Double {
        // In base 2 every digit's weight and every partial sum is exact, so the sum is the number's
        // bits reversed: the same value without a loop.
        if dimension == 0 { return Double(reversedBits(UInt64(truncatingIfNeeded: number))) * 0x1p-64 }
        // Each base spelled out, so each inlined copy divides by a constant (a multiplication)
        // rather than by a number read from the table; the digits and sums are the same.
        let table = digits[dimension]
        return switch dimension {
        case 1: radicalInverse(number, base: 3, lowNumbers: 2_187, table: table)
        case 2: radicalInverse(number, base: 5, lowNumbers: 3_125, table: table)
        case 3: radicalInverse(number, base: 7, lowNumbers: 2_401, table: table)
        case 4: radicalInverse(number, base: 11, lowNumbers: 1_331, table: table)
        case 5: radicalInverse(number, base: 13, lowNumbers: 2_197, table: table)
        default: radicalInverse(number, base: table.base, lowNumbers: table.lowNumbers, table: table)
        }
    }

    /// Bit 0 to bit 63 and back: neighbouring bits, pairs and nibbles swapped, then the bytes.
    private static func reversedBits(_ value: UInt64) -> UInt64 {
        var bits = value
        bits = (bits >> 1) & 0x5555_5555_5555_5555 | (bits & 0x5555_5555_5555_5555) << 1
        bits = (bits >> 2) & 0x3333_3333_3333_3333 | (bits & 0x3333_3333_3333_3333) << 2
        bits = (bits >> 4) & 0x0F0F_0F0F_0F0F_0F0F | (bits & 0x0F0F_0F0F_0F0F_0F0F) << 4
        return bits.byteSwapped
    }

    /// The sum of the low digits from the table, with the higher digits added to it.
    @inline(__always)
    private static func radicalInverse(_ number: Int, base: Int, lowNumbers: Int, table: HaltonDigits) -> Double {
        assert(lowNumbers == table.lowNumbers, "the constant must be the table's")
        return HaltonDigits.adding(digitsOf: number / lowNumbers, base: base, weights: table.weights, from: table.lowDigitCount,
                                   to: table.lowPoints[number % lowNumbers])
    }

    /// A point moved by the run's random offset, wrapped into 0..<1.
    static func shifted(_ point: Double, by shift: Double) -> Double {
        let moved = point + shift
        return moved < 1 ? moved : moved - 1
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
    /// Only the share within the limit and the customer counts, which is all lint and drawing use:
    /// no mean, percentiles or contributors, which take a sort and three more runs per promise.
    public var shareOnly = false

    public init() {}
}
