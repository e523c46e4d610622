import Testing

@Suite struct EmptyPhaseRuleTests {
    @Test func phasesWithoutSteps() {
        expectFindings("empty-phase", in: """
        blueprint "X"
        customer a "A", evidence e
        1️⃣phase "Only evidence"
          evidence e "E"
        2️⃣phase "Only a broken line"
          customer b "B" oops
        phase "Real"
          frontstage c "C"
        3️⃣phase "Last"
        a -> c
        """, [("1️⃣", "phase \"Only evidence\" has no steps"), ("2️⃣", "\"Only a broken line\""), ("3️⃣", "\"Last\"")])
    }
}
