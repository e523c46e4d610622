import Testing

@Suite struct FailWithoutRecoveryRuleTests {
    @Test func eachFailWithoutRecover() {
        expectFindings("fail-without-recovery", in: """
        blueprint "X"
        customer a "A", 1️⃣fail "x", fail "y" recover b, 2️⃣fail "z"
        frontstage b "B", fail "w" recover nowhere
        a -> b
        """, [("1️⃣", "fail point \"x\" on 'a' has no recovery"), ("2️⃣", "fail point \"z\"")])
    }
}
