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

    /// Spec section 8, "Touchpoints": a flow to an undeclared id is none.
    @Test func aFlowToAnUnknownNameIsNoTouchpoint() {
        expectFindings("customer-without-touchpoint", in: """
        blueprint "X"
        customer 1️⃣a "A"
        a -> frontdesk
        """, [("1️⃣", "customer step 'a'")])
    }

    /// Spec section 8, "Echoes": only the ids a bad line names, and the step its flow starts from, lose their say.
    @Test func aBadFlowLineSilencesOnlyTheStepsItNames() {
        expectFindings("customer-without-touchpoint", in: """
        blueprint "X"
        customer a "A"
        customer b "B"
        customer 1️⃣d "D"
        frontstage f "F"
        a -> f oops
        f -> b oops
        d ..> a
        """, [("1️⃣", "customer step 'd'")])
    }
}
