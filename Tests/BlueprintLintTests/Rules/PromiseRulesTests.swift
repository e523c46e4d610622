import BlueprintLanguage
import BlueprintLint
import BlueprintModel
import Testing

@Suite struct PromiseBrokenRuleTests {
    @Test func namesCostLimitAndPath() {
        expectFindings("promise-broken", in: """
        blueprint "Claims"
        1️⃣promise "Paid within 3 days" from report to paid within 3d
        customer report "Reports", wait 10m
        frontstage hotline "Hotline", takes 20m
        backstage survey "Survey", takes 1d
        backstage review "Review", takes 1d
        backstage approve "Approve", takes 1d
        frontstage pay "Pay", takes 3h40m
        customer paid "Paid", evidence letter
        evidence letter "Letter"
        frontstage quick "Fast track", takes 1h
        report -> hotline -> survey -> review -> approve -> pay -> paid
        hotline -> quick -> pay
        """, [("1️⃣", "promise \"Paid within 3 days\" costs 3d 4h 10m via report → hotline → survey → review → approve → pay → paid, 4h 10m over the promised 3d")])
    }

    /// Issue #20: a cost past the largest duration printed as "106751991167300d 15h 30m 7s".
    @Test func aCostThatOverflowsIsSaidToBeOne() {
        expectFindings("promise-broken", in: """
        blueprint "Huge"
        1️⃣promise "Done within a day" from a to c within 1d
        customer a "A"
        frontstage b "B", takes 106751991167297d
        frontstage c "C", takes 106751991167297d
        a -> b -> c
        """, [("1️⃣", "promise \"Done within a day\" costs more than can be counted via a → b → c: its times add up past the largest duration, far over the promised 1d")])
    }

    @Test func keptWhenExactlyAtTheLimit() {
        expectNoFindings("promise-broken", in: """
        blueprint "X"
        promise "P" from a to b within 1h
        customer a "A", wait 30m
        frontstage b "B", takes 30m
        a -> b
        """)
    }

    /// Language 1.2: the worst case takes each span's largest value.
    @Test func theWorstCaseTakesEachSpansLargestValue() {
        expectFindings("promise-broken", in: """
        blueprint "X"
        1️⃣promise "P" from a to b within 1h
        customer a "A", wait 0m..20m
        frontstage b "B", takes 10m..30m..45m
        a -> b
        """, [("1️⃣", "costs 1h 5m via a → b")])
    }

    @Test func informationFlowsAndRecoveriesDoNotCount() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1h
        customer a "A"
        frontstage b "B", takes 5h, fail "x" recover c
        frontstage c "C", takes 1m
        a -> c
        a ..> b
        """)
        #expect(!diagnostics.contains { $0.rule == "promise-broken" })
    }
}

@Suite struct PromiseUnreachableRuleTests {
    @Test func noHandOffPath() {
        expectFindings("promise-unreachable", in: """
        blueprint "X"
        1️⃣promise "P" from a to b within 1h
        customer a "A"
        frontstage b "B", takes 1m
        a ..> b
        """, [("1️⃣", "no '->' path leads from 'a' to 'b'")])
    }

    @Test func unresolvedEndsAreNotCheckedFurther() {
        let diagnostics = lint("blueprint \"X\"\npromise \"P\" from a to nowhere within 1h\ncustomer a \"A\"\n")
        #expect(diagnostics.contains { $0.rule == "undefined-reference" })
        #expect(!diagnostics.contains { $0.rule.rawValue.hasPrefix("promise-") })
    }

    @Test func fromEqualsToIsThatOneStep() {
        let diagnostics = lint("blueprint \"X\"\npromise \"P\" from a to a within 1h\ncustomer a \"A\", wait 2h, evidence e\nevidence e \"E\"\n")
        #expect(diagnostics.map(\.rule) == ["promise-broken"])
        #expect(diagnostics.first?.message.contains("costs 2h via a,") == true)
    }
}

@Suite struct PromiseLoopRuleTests {
    @Test func loopOnAPathIsReportedAndSimplePathsAreChecked() {
        let text = """
        blueprint "X"
        1️⃣promise "Decision in 5 days" from apply to decide within 5d
        customer apply "Applies", evidence form
        evidence form "Form"
        backstage review "Reviews", takes 1d
        backstage rework "Reworks", takes 2d
        frontstage decide "Decides", takes 1d
        apply -> review -> decide
        review -> rework -> review
        """
        expectFindings("promise-loop", in: text, [("1️⃣", "a '->' loop through 'review', 'rework' lies on a path of promise \"Decision in 5 days\"")])
        // The worst path without a repeated step: apply → review → rework?  No: rework only leads back to review.
        expectNoFindings("promise-broken", in: MarkedSource(text).text)
    }

    @Test func selfLoopCounts() {
        expectFindings("promise-loop", in: """
        blueprint "X"
        1️⃣promise "P" from a to b within 1h
        customer a "A"
        frontstage b "B", takes 1m
        a -> b -> b
        """, [("1️⃣", "loop through 'b'")])
    }

    @Test func loopOffThePathIsNotReported() {
        expectNoFindings("promise-loop", in: """
        blueprint "X"
        promise "P" from a to b within 1h
        customer a "A"
        frontstage b "B", takes 1m
        frontstage c "C", takes 1m
        a -> b -> c -> c
        """)
    }

    @Test func loopsTakeTheCostliestSimplePath() {
        // a → x → y → b costs more than a → x → b; the loop x ⇄ y is walked once at most.
        let text = """
        blueprint "X"
        promise "P" from a to b within 3h
        customer a "A"
        frontstage x "X", takes 1h
        frontstage y "Y", takes 2h
        frontstage b "B", takes 1h
        a -> x -> b
        x -> y -> x
        y -> b
        """
        let broken = lint(text).filter { $0.rule == "promise-broken" }
        #expect(broken.count == 1)
        #expect(broken.first?.message.contains("costs 4h via a → x → y → b") == true)
    }

    @Test func theSearchIsBoundedAndSaysSo() {
        // A complete graph of 12 steps has billions of simple paths.
        let names = (0..<12).map { "s\($0)" }
        var text = "blueprint \"Dense\"\npromise \"P\" from s0 to s11 within 1m\ncustomer s0 \"Start\"\n"
        for name in names.dropFirst() { text += "frontstage \(name) \"Step\", takes 1m\n" }
        for a in names { for b in names where a != b { text += "\(a) -> \(b)\n" } }
        let syntax = Parser.parse(text)
        let blueprint = Blueprint(syntax: syntax)
        let analysis = PromiseAnalysis(blueprint, workBound: 10_000)
        let check = analysis.check(blueprint.promises[0])
        #expect(check.searchWasBounded)
        #expect(check.status == .broken)
        let diagnostics = lint(text)
        #expect(diagnostics.contains { $0.rule == "promise-loop" })
    }

    /// Found by the fuzzer: with a budget spent before the search reached the promise's end, the
    /// check said "kept, worst case 0" with no path. A path still exists, and the check names one.
    @Test(arguments: [1, 5, 20, 200])
    func aSearchCutShortStillNamesAPath(workBound: Int) throws {
        let names = (0..<12).map { "s\($0)" }
        var text = "blueprint \"Dense\"\ncustomer s0 \"Start\"\n"
        text += "promise \"Near\" from s0 to s1 within 1m\npromise \"Far\" from s0 to s11 within 1m\n"
        for name in names.dropFirst() { text += "frontstage \(name) \"Step\", takes 1m\n" }
        for a in names { for b in names where a != b { text += "\(a) -> \(b)\n" } }
        let blueprint = Blueprint(syntax: Parser.parse(text))
        let analysis = PromiseAnalysis(blueprint, workBound: workBound)
        for (promise, to) in zip(blueprint.promises, [1, 11]) {
            let check = analysis.check(promise)
            #expect(check.worstPath.first == 0 && check.worstPath.last == to, "path \(check.worstPath)")
            #expect(Set(check.worstPath).count == check.worstPath.count)
            #expect(check.worstCost.seconds == (check.worstPath.count - 1) * 60, "s0 costs nothing, every other step 1m")
            #expect(check.status == (check.worstPath.count > 2 ? .broken : .kept))
        }
    }
}

@Suite struct PromiseUntimedRuleTests {
    @Test func onceAtTheStepWhateverTheNumberOfPromises() {
        expectFindings("promise-untimed", in: """
        blueprint "X"
        promise "P1" from a to c within 1h
        promise "P2" from a to c within 2h
        customer a "A"
        frontstage 1️⃣b "B"
        customer c "C"
        backstage off "Off the path"
        a -> b -> c
        b -> off
        """, [("1️⃣", "frontstage step 'b' lies on a path of promise \"P1\" but has no 'takes'; it counts as 0")])
    }

    /// Spec section 8, "Echoes": the step's `takes` may be in the part of its line that did not parse.
    @Test func notForAStepDeclaredOnABadLine() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1h
        customer a "A"
        frontstage b "B", takes 5min
        customer c "C"
        a -> b -> c
        """)
        #expect(diagnostics.map(\.rule) == [.syntax])
    }
}

/// Spec section 8, "Unknown names" and "Echoes".
@Suite struct PromiseUnknownNameTests {
    @Test func aPathThroughAnUnknownNameIsNotChecked() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1m
        customer a "A"
        frontstage b "B", takes 1h
        frontstage c "C", takes 1h
        a -> b -> tpyo -> c
        """)
        #expect(diagnostics.map(\.rule) == ["undefined-reference"])
    }

    @Test func aPathBesideTheUnknownNameIsStillChecked() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1m
        customer a "A"
        frontstage c "C", takes 1h
        a -> c
        c -> tpyo
        """)
        #expect(diagnostics.map(\.rule).sorted() == ["promise-broken", "undefined-reference"])
    }

    @Test func promiseRulesAreQuietWhenABadLineHoldsAnArrow() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1m
        customer a "A"
        frontstage c "C", takes 1h
        a -> c junk
        """)
        #expect(diagnostics.map(\.rule) == [.syntax])
    }

    @Test func aBadStepLineWithAnUnknownLaneLeavesPromisesChecked() {
        let diagnostics = lint("""
        blueprint "X"
        promise "P" from a to c within 1m
        customer a "A"
        frontstage c "C", takes 1h
        frontstge d "D"
        a -> c
        """)
        #expect(diagnostics.map(\.rule) == ["promise-broken", .syntax])
    }
}
