import Testing

@Suite struct MomentOffStageRuleTests {
    @Test func backstageSupportAndEvidence() {
        expectFindings("moment-off-stage", in: """
        blueprint "X"
        customer a "A", moment, evidence e
        frontstage b "B", moment
        backstage c "C", 1️⃣moment
        support d "D", 2️⃣moment
        evidence e "E", 3️⃣moment
        a -> b -> c -> d
        """, [("1️⃣", "'moment' on backstage step 'c'"), ("2️⃣", "'moment' on support step 'd'"), ("3️⃣", "'moment' on evidence item 'e'")])
    }
}
