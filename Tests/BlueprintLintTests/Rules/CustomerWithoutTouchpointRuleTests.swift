import Testing

@Suite struct CustomerWithoutTouchpointRuleTests {
    @Test func needsAFrontstageFlowOrEvidence() {
        expectFindings("customer-without-touchpoint", in: """
        blueprint "X"
        customer a "A"
        customer b "B", evidence e
        customer 1️⃣c "C", fail "x" recover f
        customer 2️⃣d "D", evidence missing
        frontstage f "F"
        backstage g "G"
        evidence e "E"
        a ..> f
        c -> d
        g ..> c
        """, [("1️⃣", "customer step 'c' has no touchpoint"), ("2️⃣", "customer step 'd'")])
    }
}
