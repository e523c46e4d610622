import Testing

@Suite struct InvalidAttributeRuleTests {
    @Test func repeatsRangeAndToleranceWithoutWait() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        customer a "A", 1️⃣emotion 3, takes 1m, 2️⃣takes 2m, 3️⃣takes 3m, 4️⃣tolerance 5m
        frontstage b "B", evidence e, evidence e, fail "x" recover b, fail "y" recover b
        evidence e "E", note "n", channel "c", 5️⃣takes 1m, 6️⃣note "again"
        a -> b
        """, [
            ("1️⃣", "emotion 3 is outside -2…2"),
            ("2️⃣", "'takes' is given more than once"),
            ("3️⃣", "'takes' is given more than once"),
            ("4️⃣", "'tolerance' needs a 'wait'"),
            ("5️⃣", "evidence item 'e' takes only 'note' and 'channel', not 'takes'"),
            ("6️⃣", "'note' is given more than once"),
        ])
    }

    @Test func aRepeatedValueIsIgnoredAndTheFirstCounts() {
        let diagnostics = lint("blueprint \"X\"\ncustomer a \"A\", emotion 1, emotion 9\n")
        #expect(diagnostics.filter { $0.rule == "invalid-attribute" }.count == 1)
    }

    @Test func anEmotionOnAnEvidenceItemGivesExactlyOneDiagnostic() {
        let diagnostics = lint("blueprint \"X\"\ncustomer a \"A\", evidence e\nevidence e \"E\", emotion 9\n")
        #expect(diagnostics.map(\.rule) == ["invalid-attribute"])
    }
}

@Suite struct EmotionQuotingTests {
    @Test func anEmotionPastIntsRangeIsQuotedAsWritten() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        customer a "A", 1️⃣emotion 99999999999999999999
        customer b "B", 2️⃣emotion -99999999999999999999
        """, [("1️⃣", "emotion 99999999999999999999 is outside -2…2"), ("2️⃣", "emotion -99999999999999999999 is outside")])
    }
}
