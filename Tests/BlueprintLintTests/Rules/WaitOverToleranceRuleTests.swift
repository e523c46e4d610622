import Testing

@Suite struct WaitOverToleranceRuleTests {
    @Test func waitLongerThanTolerance() {
        expectFindings("wait-over-tolerance", in: """
        blueprint "X"
        customer 1️⃣a "A", wait 1h30m, tolerance 1h
        customer b "B", wait 1h, tolerance 1h
        frontstage c "C"
        a -> c -> b
        """, [("1️⃣", "'a' makes the customer wait 1h 30m, 30m over the tolerance of 1h")])
    }
}
