import Foundation
import Testing

/// Spec section 5.1 with a demand of `demand` per hour and a tolerance of `tolerance`.
private func counterService(demand: String = "30/h", tolerance: String = "15m", promise: String = "for 90%") -> String {
    """
    blueprint "Counter service"
    demand \(demand)
    1️⃣promise "Served within 12 minutes" from arrive to leave within 12m \(promise)

    phase "Visit"
      customer   arrive "Takes a ticket"
      frontstage 2️⃣serve  "Clerk serves the customer", wait 0m..10m, tolerance \(tolerance), takes 4m..6m, servers 3
      customer   leave  "Leaves with the receipt"
    arrive -> serve -> leave
    """
}

@Suite struct SpecExampleLintTests {
    /// Section 5.1: the promise is for 90% and 70% get there in time; nothing else is reported.
    @Test func theCounterService() {
        let source = MarkedSource(counterService())
        let diagnostics = lint(source.text)
        #expect(diagnostics.map(\.rule) == ["promise-broken"])
        #expect(diagnostics.first?.position.line == 3 && diagnostics.first?.position.column == 1)
        #expect(diagnostics.first?.message.contains("70.0% within 12m, the promise is for 90%") == true, "\(diagnostics)")
    }

    @Test func with36AnHourServeIsOverCapacity() {
        expectFindings("over-capacity", in: counterService(demand: "36/h"), [
            ("2️⃣", "'serve' is loaded to 100.0%: 36 customers an hour, 5m each, for 3 servers; its queue grows without end"),
        ])
        expectNoFindings("busy-step", in: MarkedSource(counterService(demand: "36/h")).text)
    }
}

@Suite struct OverCapacityRuleTests {
    @Test func nothingToComputeWithoutDemandServersOrTakes() {
        expectNoFindings("over-capacity", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B", takes 1h, servers 1
        a -> b
        """)
        expectNoFindings("over-capacity", in: """
        blueprint "X"
        demand 10/h
        customer a "A"
        frontstage b "B", takes 1h
        frontstage c "C", servers 1
        a -> b -> c
        """)
    }

    @Test func visitsFollowTheShares() {
        // 1.25 visits × 40/h × 3m = 2.5 servers' worth of work.
        expectFindings("over-capacity", in: """
        blueprint "X"
        demand 40/h
        customer a "A"
        backstage 1️⃣check "Checks", takes 3m, servers 2
        backstage rework "Reworks"
        customer done "Done"
        a -> check
        check -> rework, 20%
        check -> done
        rework -> check
        """, [("1️⃣", "'check' is loaded to 125.0%: 50 customers an hour")])
    }

    @Test func aLoopNobodyLeavesNeverCrashes() {
        expectFindings("over-capacity", in: """
        blueprint "X"
        demand 1/w
        customer a "A"
        frontstage 1️⃣b "B", takes 1s, servers 99999999999999999999
        a -> b
        b -> b, 100%
        """, [("1️⃣", "loaded to ∞%")])
    }

    @Test func hugeNumbersNeverCrash() {
        let nines = String(repeating: "9", count: 400)
        let diagnostics = lint("""
        blueprint "X"
        demand \(nines)/h
        promise "P" from a to c within 1h for 99.\(nines)%
        customer a "A", wait 0s..9999999999999w
        frontstage b "B", takes 0s..1s..9999999999999w, servers \(nines)
        frontstage b2 "B2", takes 0s, servers 1
        customer c "C"
        frontstage never "Never reached", takes 1h, servers 1
        a -> b, \(nines)%
        a -> b2, \(nines).5%
        b -> c
        b2 -> c
        """)
        #expect(diagnostics.map(\.rule).contains("over-capacity"))
        #expect(diagnostics.map(\.rule).contains("promise-broken"))
    }

    @Test func quietWhenAFlowMayBeMissing() {
        expectNoFindings("over-capacity", in: MarkedSource(counterService(demand: "36/h")).text + "\nserve -> leave oops\n")
    }

    @Test func serversZeroIsOnlyAnInvalidAttribute() {
        let diagnostics = lint("blueprint \"X\"\ndemand 10/h\ncustomer a \"A\"\nfrontstage b \"B\", takes 1h, servers 0\na -> b\n")
        #expect(diagnostics.map(\.rule) == ["invalid-attribute"])
    }
}

@Suite struct BusyStepRuleTests {
    @Test func aboveEightyFivePercent() {
        // 33/h × 5m ÷ 3 = 91.7%.
        expectFindings("busy-step", in: counterService(demand: "33/h"), [("2️⃣", "'serve' is loaded to 91.7%")])
        expectNoFindings("busy-step", in: MarkedSource(counterService(demand: "30.6/h")).text)
    }
}

@Suite struct QueueOverToleranceRuleTests {
    @Test func predictedQueueLongerThanTheTolerance() {
        // Section 5.1's queue is 7.0 minutes on average.
        expectFindings("queue-over-tolerance", in: counterService(tolerance: "7m"), [
            ("2️⃣", "customers queue 7m 1s at 'serve' on average, longer than the tolerance of 7m"),
        ])
        expectNoFindings("queue-over-tolerance", in: MarkedSource(counterService(tolerance: "7m2s")).text)
    }
}

@Suite struct PromiseShareRuleTests {
    @Test func keptWhenTheShareIsReached() {
        expectNoFindings("promise-broken", in: MarkedSource(counterService(promise: "for 65%")).text)
        expectNoFindings("promise-broken", in: MarkedSource(counterService(promise: "for 0%")).text)
    }

    /// Spec section 8, "Echoes": a lost flow may change the share; the syntax error alone is reported.
    @Test func quietWhenAFlowMayBeMissing() {
        let diagnostics = lint(MarkedSource(counterService()).text + "\nserve -> arrive oops\n")
        #expect(diagnostics.map(\.rule) == [.syntax])
    }

    /// Spec section 8, "Unknown names": a path through a typo leaves the promise unchecked.
    @Test func notCheckedThroughAnUnknownName() {
        let text = MarkedSource(counterService()).text.replacingOccurrences(of: "arrive -> serve -> leave", with: "arrive -> serve -> lobby -> leave")
        #expect(!lint(text).contains { $0.rule.rawValue.hasPrefix("promise-") })
    }

    @Test func aWorstCasePromiseIsStillJudgedByItsWorstCase() {
        expectFindings("promise-broken", in: counterService(promise: ""), [("1️⃣", "costs 16m via arrive → serve → leave")])
    }

    @Test func noPromiseLoopForAPromiseForAShare() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1h for 90%
        customer a "A"
        frontstage b "B", takes 5m
        backstage r "Rework", takes 5m
        customer c "C"
        a -> b -> c
        b -> r, 10%
        r -> b
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func aLoopMakesTheShareFall() {
        // Each pass through b takes 10m; within 25m means at most 2 passes: 1 − 0.5² = 75%. (A flow
        // from a step to itself is also `self-flow`'s.)
        expectFindings("promise-broken", in: """
        blueprint "X"
        1️⃣promise "P" from a to c within 25m for 80%
        customer a "A"
        frontstage b "B", takes 10m
        customer c "C"
        a -> b -> c
        b -> b, 50%
        """, [("1️⃣", "within 25m, the promise is for 80%")])
    }
}
