import Testing

@Suite struct MissingHeaderRuleTests {
    @Test func reportedAtTheFirstStatement() {
        expectFindings("missing-header", in: "# a comment\n\n1️⃣customer a \"A\"\n", [("1️⃣", "does not start with 'blueprint")])
    }

    @Test func aBrokenHeaderLineStillCountsAsTheHeader() {
        let diagnostics = lint("blueprint\ncustomer a \"A\"\n")
        #expect(diagnostics.contains { $0.rule == .syntax })
        #expect(!diagnostics.contains { $0.rule == "missing-header" })
    }

    @Test func aLaterHeaderIsASyntaxErrorButBlueprintIsAnOrdinaryIdElsewhere() {
        expectFindings(.syntax, in: "blueprint \"A\"\n1️⃣blueprint \"B\"\n", [("1️⃣", "must be the first statement")])
        expectNoFindings(.syntax, in: "blueprint \"A\"\ncustomer blueprint \"The plan\"\nblueprint -> blueprint\n")
    }
}
