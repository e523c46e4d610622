import Testing

@Suite struct EmptyPhaseRuleTests {
    @Test func phasesWithoutSteps() {
        expectFindings("empty-phase", in: """
        blueprint "X"
        customer a "A", evidence e
        1️⃣phase "Only evidence"
          evidence e "E"
        phase "Real"
          frontstage c "C"
        2️⃣phase "Last"
        a -> c
        """, [("1️⃣", "phase \"Only evidence\" has no steps"), ("2️⃣", "\"Last\"")])
    }

    /// Spec section 8, "Phases": a bad line that declares a step counts as a step of its phase.
    @Test func aBadStepLineFillsItsPhase() {
        expectNoFindings("empty-phase", in: """
        blueprint "X"
        customer a "A"
        phase "Only a broken line"
          frontstage b "B", takes 5min
        a -> b
        """)
    }

    @Test func aDuplicateDoesNotFillItsPhase() {
        expectFindings("empty-phase", in: """
        blueprint "X"
        customer a "A"
        1️⃣phase "Only a duplicate"
          frontstage a "Again"
        """, [("1️⃣", "\"Only a duplicate\"")])
    }
}
