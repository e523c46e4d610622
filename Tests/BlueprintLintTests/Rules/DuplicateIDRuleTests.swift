import Testing

@Suite struct DuplicateIDRuleTests {
    @Test func reportsTheSecondDeclaration() {
        expectFindings("duplicate-id", in: """
        blueprint "X"
        customer a "A"
        frontstage 1️⃣a "Again"
        evidence 2️⃣a "And as evidence"
        """, [("1️⃣", "duplicate id 'a': it is already declared at line 2"), ("2️⃣", "duplicate id 'a'")])
    }

    @Test func idsCompareAfterNormalisation() {
        // "é" precomposed and "e" + combining acute are one id.
        expectFindings("duplicate-id", in: "blueprint \"X\"\ncustomer caf\u{E9} \"A\"\ncustomer 1️⃣cafe\u{301} \"B\"\n", [("1️⃣", "duplicate id")])
    }

    @Test func theDuplicateLineIsStillCheckedForAttributes() {
        let diagnostics = lint("""
        blueprint "X"
        customer a "A", evidence e
        backstage a "B", moment, emotion 5, fail "x"
        evidence e "E"
        """)
        let rules = Set(diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: ["duplicate-id", "moment-off-stage", "invalid-attribute", "emotion-off-customer", "fail-without-recovery"]))
    }
}
