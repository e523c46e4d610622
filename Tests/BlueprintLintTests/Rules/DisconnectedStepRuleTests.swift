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
}
