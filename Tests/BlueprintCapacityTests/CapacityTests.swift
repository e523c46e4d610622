import BlueprintCapacity
import BlueprintLanguage
import BlueprintModel
import BlueprintTestSupport
import Foundation
import Testing

private func analysis(_ text: String, options: SimulationOptions = SimulationOptions()) -> (Blueprint, CapacityAnalysis) {
    let blueprint = Blueprint(syntax: Parser.parse(text))
    return (blueprint, CapacityAnalysis(AnalysedBlueprint(blueprint), options: options))
}

private func step(_ name: String, in result: (Blueprint, CapacityAnalysis)) -> StepCapacity {
    result.1.steps[result.0.steps.firstIndex { $0.id == name }!]
}

/// Spec section 5.1, against its closed forms.
@Suite struct SpecExampleCapacityTests {
    @Test func theServeStep() throws {
        let serve = step("serve", in: analysis(counterService))
        #expect(serve.visits == 1)
        #expect(serve.arrivalsPerHour == 30)
        #expect(serve.servers == 3)
        #expect(abs(try #require(serve.utilisation) - 2.5 / 3) < 1e-12)
        // C = 15.625 ÷ 22.25; wait = C × 5m ÷ (3 − 2.5).
        let waitChance: Double = 15.625 / 22.25
        #expect(abs(try #require(Queueing.erlangC(offeredLoad: 2.5, servers: 3)) - waitChance) < 1e-12)
        let queueWait = try #require(serve.queueWaitSeconds)
        let expectedWait: Double = waitChance * 300 / 0.5
        #expect(abs(queueWait - expectedWait) < 1e-9)
        #expect((queueWait / 60 * 10).rounded() == 70, "7.0 minutes")
        // Little's law: 0.5 a minute × (7.02 + 5) minutes.
        let inProgress = try #require(serve.inProgress)
        let expected: Double = 0.5 * (15.625 / 22.25 * 10 + 5)
        #expect(abs(inProgress - expected) < 1e-9)
    }

    @Test func thePromise() throws {
        let promise = try #require(analysis(counterService).1.promises[0])
        #expect(promise.customersSimulated == 100_000 && promise.customersArrived == 100_000 && promise.customersCapped == 0)
        #expect(abs(try #require(promise.shareWithinLimit) - 0.7) < 0.005, "\(promise)")
        #expect(promise.worstCaseSeconds == 16 * 60)
        // Mean wait 5m plus mean service 5m.
        #expect(abs(try #require(promise.meanSeconds) - 600) < 6)
        #expect(try #require(promise.p95Seconds) <= 16 * 60)
    }

    @Test func aDemandOf36AnHourIsExactlyFullCapacity() throws {
        let serve = step("serve", in: analysis(counterService.replacingOccurrences(of: "demand 30/h", with: "demand 36/h")))
        #expect(serve.utilisation == 1)
        #expect(serve.queueWaitSeconds == nil && serve.inProgress == nil)
    }

    @Test func theSameFiguresOnEveryRun() {
        #expect(analysis(counterService).1.promises == analysis(counterService).1.promises)
    }
}

@Suite struct QueueTests {
    /// M/M/1: the mean wait in the queue is ρ ÷ (μ − λ).
    @Test(arguments: [0.1, 0.5, 0.9, 0.99])
    func singleServer(load: Double) throws {
        let wait = try #require(Queueing.meanQueueWait(offeredLoad: load, servers: 1, meanService: 1))
        #expect(abs(wait - load / (1 - load)) < 1e-9)
    }

    @Test func fullOrOverloadedHasNoWait() {
        #expect(Queueing.erlangC(offeredLoad: 3, servers: 3) == nil)
        #expect(Queueing.erlangC(offeredLoad: 1, servers: 0) == nil)
        #expect(Queueing.erlangC(offeredLoad: .infinity, servers: 5) == nil)
    }

    @Test func hugeServerCountsStayBounded() throws {
        let chance = try #require(Queueing.erlangC(offeredLoad: 10, servers: .max))
        #expect(chance >= 0 && chance <= 1)
    }
}

@Suite struct VisitTests {
    @Test func aTwentyPercentReworkLoopGivesOneAndAQuarterVisits() {
        let result = analysis("""
        blueprint "X"
        customer apply "Applies"
        backstage check "Checks"
        backstage rework "Reworks"
        customer done "Done"
        apply -> check
        check -> rework, 20%
        check -> done
        rework -> check
        """)
        #expect(abs(step("check", in: result).visits - 1.25) < 1e-12)
        #expect(abs(step("rework", in: result).visits - 0.25) < 1e-12)
        #expect(abs(step("done", in: result).visits - 1) < 1e-12)
    }

    @Test func flowsWithoutAShareSplitTheRestEqually() {
        let result = analysis("""
        blueprint "X"
        demand 100/d
        customer a "A"
        frontstage b "B"
        frontstage c "C"
        frontstage d "D"
        a -> b, 30%
        a -> c
        a -> d
        """)
        #expect(abs(step("c", in: result).visits - 0.35) < 1e-12)
        #expect(abs(step("b", in: result).arrivalsPerHour! - 30 / 24) < 1e-12)
    }

    /// A loop too long to eliminate is swept: half the customers go round a 500-step ring again.
    @Test func aLongLoopGivesTheSameVisits() {
        var text = "blueprint \"Ring\"\ncustomer s0 \"Start\"\ncustomer out \"Out\"\n"
        for index in 1..<500 { text += "frontstage s\(index) \"Step\"\n" }
        text += (0..<500).map { "s\($0)" }.joined(separator: " -> ") + "\n"
        text += "s499 -> s0, 50%\ns499 -> out\n"
        let result = analysis(text)
        #expect(abs(step("s250", in: result).visits - 2) < 1e-9)
        #expect(abs(step("out", in: result).visits - 1) < 1e-9)
    }

    @Test func aLoopNobodyLeavesHasInfiniteVisitsAndCapsItsCustomers() throws {
        var options = SimulationOptions()
        options.customers = 1_000
        let result = analysis("""
        blueprint "X"
        demand 10/h
        promise "P" from a to c within 1h for 50%
        customer a "A"
        frontstage b "B", takes 1m, servers 1
        customer c "C"
        a -> b
        b -> b, 100%
        b -> c, 0%
        """, options: options)
        #expect(step("b", in: result).visits == .infinity)
        #expect(step("c", in: result).visits == 0)
        let promise = try #require(result.1.promises[0])
        #expect(promise.customersCapped == promise.customersSimulated && promise.customersArrived == 0)
        #expect(promise.shareWithinLimit == 0)
        #expect(promise.worstCaseSeconds == nil)
    }
}

@Suite struct SimulationTests {
    /// Irwin–Hall: the sum of three uniform 0–10m times is within 10m with chance 1/6, within 15m with chance 1/2, within 20m 5/6 and within 25m 1 − 1/48.
    @Test(arguments: [("10m", 1.0 / 6), ("15m", 0.5), ("20m", 5.0 / 6), ("25m", 47.0 / 48)])
    func sumsOfUniformSpans(limit: String, share: Double) throws {
        let result = analysis("""
        blueprint "X"
        promise "P" from a to c within \(limit) for 50%
        customer a "A", takes 0m..10m
        frontstage b "B", takes 0m..10m
        customer c "C", takes 0m..10m
        a -> b -> c
        """)
        #expect(abs(try #require(result.1.promises[0]?.shareWithinLimit) - share) < 0.005)
    }

    @Test func triangularMeanIsTheAverageOfItsValues() throws {
        let result = analysis("""
        blueprint "X"
        demand 6/h
        promise "P" from a to a within 1h for 50%
        customer a "A", takes 2m..5m..20m, servers 2
        """)
        #expect(abs(try #require(result.1.promises[0]?.meanSeconds) - 540) < 540 * 0.01)
        // Utilisation uses the exact mean: 6/h × 9m ÷ 2.
        #expect(abs(try #require(step("a", in: result).utilisation) - 0.45) < 1e-12)
    }

    @Test func sharesChooseTheWay() throws {
        // 30% take the slow way (1h), the rest the fast one (10m).
        let result = analysis("""
        blueprint "X"
        promise "P" from a to d within 30m for 50%
        customer a "A"
        frontstage slow "Slow", takes 1h
        frontstage fast "Fast", takes 10m
        customer d "D"
        a -> slow, 30%
        a -> fast
        slow -> d
        fast -> d
        """)
        #expect(abs(try #require(result.1.promises[0]?.shareWithinLimit) - 0.7) < 0.005)
        #expect(result.1.promises[0]?.worstCaseSeconds == 3600)
    }

    @Test func customersWhoCannotReachTheEndAreNotCounted() throws {
        let result = analysis("""
        blueprint "X"
        promise "P" from a to d within 30m for 50%
        customer a "A"
        frontstage away "Away"
        customer d "D", takes 10m
        a -> away, 50%
        a -> d
        """)
        let promise = try #require(result.1.promises[0])
        #expect(promise.shareWithinLimit == 1)
        #expect(abs(Double(promise.customersArrived) / Double(promise.customersSimulated) - 0.5) < 0.01)
    }

    /// Seven steps every customer leaves the same way use up the Halton draws before the first choice:
    /// the choice and the spans after it come from the generator, and still give the closed forms.
    @Test func aChoiceAfterALongSingleWayChainKeepsItsShares() throws {
        var text = """
        blueprint "X"
        promise "P" from s0 to late within 13m for 50%
        customer s0 "Start"

        """
        for index in 1...7 { text += "frontstage s\(index) \"Step\", takes 1m\n" }
        text += """
        frontstage late "Late", takes 0m..10m
        frontstage early "Early", takes 2m
        s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> s6 -> s7
        s7 -> late, 25%
        s7 -> early

        """
        let promise = try #require(analysis(text).1.promises[0])
        // A quarter go to `late`; 7 minutes of exact steps, then within 13m when `late` takes at most 6m of its 0–10m.
        #expect(abs(Double(promise.customersArrived) / Double(promise.customersSimulated) - 0.25) < 0.01)
        #expect(abs(try #require(promise.shareWithinLimit) - 0.6) < 0.01)
        #expect(abs(try #require(promise.meanSeconds) - 12 * 60) < 6)
        #expect(promise.contributors.map(\.step) == [8])
    }

    @Test func aThousandStepsStayWithinTheBudget() throws {
        var text = "blueprint \"Long\"\npromise \"P\" from s0 to s999 within 100h for 50%\ncustomer s0 \"Start\"\n"
        for index in 1..<1_000 { text += "frontstage s\(index) \"Step\", takes 1m..10m\n" }
        text += (0..<1_000).map { "s\($0)" }.joined(separator: " -> ") + "\n"
        let promise = try #require(analysis(text).1.promises[0])
        #expect(promise.customersSimulated >= 2_000 && promise.customersSimulated <= 4_000)
        let mean = try #require(promise.meanSeconds)
        let expected: Double = 999 * 330
        #expect(abs(mean - expected) < expected * 0.01)
    }

    @Test func unreachablePromisesAreNotSimulated() {
        let result = analysis("""
        blueprint "X"
        promise "P" from a to b within 1h for 50%
        customer a "A"
        frontstage b "B"
        a ..> b
        """)
        #expect(result.1.promises == [nil])
    }
}

/// Which step matters most, against closed forms: independent steps' shares of the variance are
/// their own variances over the total's.
@Suite struct ContributorTests {
    static let twoSteps = """
        blueprint "Two steps"
        promise "Done within 6 minutes" from ask to answer within 6m for 90%
        customer   ask    "Asks"
        frontstage think  "Thinks", takes 0m..10m
        frontstage reply  "Replies", takes 1m..3m
        customer   answer "Has the answer"
        ask -> think -> reply -> answer
        """

    @Test func varianceSharesAreTheStepsVariances() throws {
        let (blueprint, capacity) = analysis(Self.twoSteps)
        let promise = try #require(capacity.promises[0])
        #expect(promise.contributors.map { blueprint.steps[$0.step].id } == ["think", "reply"])
        // Uniform variances are (width)² ÷ 12: 100 and 4 square minutes, over 104.
        let think = promise.contributors[0], reply = promise.contributors[1]
        #expect(abs(think.varianceShare - 100.0 / 104) < 0.005, "\(think)")
        #expect(abs(reply.varianceShare - 4.0 / 104) < 0.005, "\(reply)")
        // Thinking at once leaves the reply, at most 3m: everyone is within 6m. Replying in 1m leaves
        // thinking within 5m: half of them.
        #expect(try #require(think.shareIfFastest) == 1)
        #expect(abs(try #require(reply.shareIfFastest) - 0.5) < 0.005)
    }

    @Test func exactTimesHaveNoContributors() throws {
        let exact = Self.twoSteps.replacingOccurrences(of: "0m..10m", with: "5m").replacingOccurrences(of: "1m..3m", with: "2m")
        #expect(try #require(analysis(exact).1.promises[0]).contributors.isEmpty)
    }

    @Test func aReworkLoopCountsEveryVisit() throws {
        let loop = """
            blueprint "Rework"
            promise "Checked within 15 minutes" from start to done within 15m for 80%
            customer   start "Hands in the form"
            backstage  check "Checks", takes 5m..15m
            customer   done  "Done"
            start -> check
            check -> check, 20%
            check -> done
            """
        let (blueprint, capacity) = analysis(loop)
        let promise = try #require(capacity.promises[0])
        #expect(promise.contributors.map { blueprint.steps[$0.step].id } == ["check"])
        #expect(abs(promise.contributors[0].varianceShare - 1) < 1e-9, "the only step that varies")
    }
}

extension ContributorTests {
    /// Two routes: the time of each step depends on the route, yet every share lies between 0 and 1.
    @Test func sharesStayBetweenNothingAndEverythingAcrossRoutes() throws {
        let routes = """
            blueprint "Routes"
            promise "Served within 30 minutes" from pay to collect within 30m
            frontstage pay     "Pays", takes 3m
            customer   queue   "Queues", wait 10m
            backstage  prepare "Prepares", takes 5m..10m
            frontstage collect "Hands over", takes 3m
            pay -> queue -> collect
            pay -> prepare -> collect
            """
        let promise = try #require(analysis(routes).1.promises[0])
        #expect(promise.contributors.allSatisfy { (0...1).contains($0.varianceShare) }, "\(promise.contributors)")
        #expect(abs(promise.contributors.reduce(0) { $0 + $1.varianceShare } - 1) < 1e-9)
    }
}
