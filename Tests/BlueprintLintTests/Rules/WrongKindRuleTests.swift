import Testing

@Suite struct WrongKindRuleTests {
    @Test func evidenceWhereAStepBelongsAndTheOtherWayRound() {
        expectFindings("wrong-kind", in: """
        blueprint "X"
        promise "P" from 1️⃣sms to a within 1d
        evidence sms "Text"
        customer a "A", evidence 2️⃣b
        frontstage b "B", fail "Oops" recover 3️⃣sms
        a -> 4️⃣sms
        """, [
            ("1️⃣", "promise refers to evidence item 'sms', not a step"),
            ("2️⃣", "'evidence' names step 'b', not an evidence item"),
            ("3️⃣", "'recover' names evidence item 'sms', not a step"),
            ("4️⃣", "flow refers to evidence item 'sms', not a step"),
        ])
    }
}
