import Testing

@Suite struct VisibilityLeakRuleTests {
    @Test func handOffFromBelowTheLineStraightToTheCustomer() {
        expectFindings("visibility-leak", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        backstage c "C"
        support d "D"
        a -> b -> c -> 1️⃣c -> a
        2️⃣d -> a
        d ..> a
        c -> b -> a
        """, [("1️⃣", "backstage step 'c' hands off straight to customer step 'a'"), ("2️⃣", "support step 'd'")])
    }
}
