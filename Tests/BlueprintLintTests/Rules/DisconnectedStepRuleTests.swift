import Testing

@Suite struct DisconnectedStepRuleTests {
    @Test func stepsOutsideTheJourney() {
        expectFindings("disconnected-step", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        backstage c "C", fail "x" recover r
        frontstage r "Recovers"
        support 1️⃣d "D"
        customer 2️⃣e "Another customer step"
        b -> a
        b ..> c
        """, [("1️⃣", "support step 'd' is not joined to the journey that starts at 'a'"), ("2️⃣", "customer step 'e'")])
    }

    /// Spec section 8, "Unknown names": the typo is a node, so the chain stays joined through it.
    @Test func aTypoInAChainLeavesBothSidesJoined() {
        let diagnostics = lint("""
        blueprint "X"
        customer a "A"
        frontstage b "B"
        frontstage c "C"
        frontstage d "D", fail "x" recover typo2
        a -> b -> tpyo -> c
        typo2 -> a
        """)
        #expect(diagnostics.map(\.rule) == ["undefined-reference", "undefined-reference", "undefined-reference"])
    }

    @Test func aChainThroughAnEvidenceItemIsNotJoined() {
        expectFindings("disconnected-step", in: """
        blueprint "X"
        customer a "A", evidence e
        evidence e "E"
        frontstage 1️⃣b "B"
        a -> e -> b
        """, [("1️⃣", "step 'b'")])
    }

    /// Spec section 8, "Echoes": a bad line with an arrow may have been any flow.
    @Test func quietWhenABadLineHoldsAnArrow() {
        expectNoFindings("disconnected-step", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        a -> b oops
        """)
    }

    /// A dash arrow typed on a Chinese keyboard is an arrow too.
    @Test func quietWhenABadLineHoldsADashArrow() {
        for arrow in ["－>", "—>", "→", "=>"] {
            expectNoFindings("disconnected-step", in: "blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\"\na \(arrow) b\n")
        }
    }

    @Test func aBadStepLineIsStillReportedWhenNothingJoinsIt() {
        expectFindings("disconnected-step", in: """
        blueprint "X"
        customer a "A"
        frontstage 1️⃣b "B", takes 5min
        frontstage c "C", note "x" c2 oops
        frontstage c2 "C2"
        a -> c
        """, [("1️⃣", "step 'b'")])
    }

    /// A misspelt lane keyword may have declared its id: other lines stay joined through it.
    @Test func aStepLineWithAnUnknownLaneKeywordKeepsItsFlowsJoined() {
        let diagnostics = lint("""
        blueprint "X"
        customer a "A"
        frontstge b "B"
        frontstage c "C"
        a -> b -> c
        """)
        #expect(diagnostics.map(\.rule) == [.syntax])
    }
}
