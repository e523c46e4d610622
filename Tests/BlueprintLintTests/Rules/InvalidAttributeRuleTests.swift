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

/// Language 1.2: each at its first number (spec section 8, "Columns").
@Suite struct InvalidQuantityTests {
    @Test func spansAndServers() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        customer a "A", wait 1️⃣10m..5m, tolerance 1h
        frontstage b "B", takes 2️⃣5m..8m..6m, servers 3️⃣0
        frontstage c "C", takes 5m..5m..5m, servers 1, wait 0s..1m
        a -> b -> c
        """, [
            ("1️⃣", "the values of span '10m..5m' decrease"),
            ("2️⃣", "span '5m..8m..6m'"),
            ("3️⃣", "'servers 0' is below 1"),
        ])
    }

    @Test func sharesOnChainsAndInformationFlows() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        frontstage c "C"
        a -> b -> c, 1️⃣30%
        a ..> c, 2️⃣40%
        """, [("1️⃣", "not on a chain"), ("2️⃣", "only on a '->' flow")])
    }

    @Test func sharesOverAndUnderAHundred() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        frontstage c "C"
        frontstage d "D"
        a -> b, 60%
        a -> c, 1️⃣50%
        a -> d, 10%
        b -> c, 30%
        b -> d, 2️⃣60%
        c -> d
        c -> a, 100%
        """, [
            ("1️⃣", "the shares of the '->' flows leaving 'a' add up to 110%, over 100%"),
            ("2️⃣", "every '->' flow leaving 'b' has a share, and they add up to 90%, under 100%"),
        ])
    }

    @Test func promiseShareAndDemand() {
        expectFindings("invalid-attribute", in: """
        blueprint "X"
        demand 1️⃣0/h
        promise "P" from a to b within 1h for 2️⃣100.5%
        promise "Q" from a to b within 1h for 0%
        promise "R" from a to b within 1h for 100%
        customer a "A"
        frontstage b "B"
        a -> b
        """, [("1️⃣", "'demand 0/h' is 0"), ("2️⃣", "'for 100.5%' is outside 0–100%")])
    }

    @Test func aCleanFileOfSpec12() {
        expectNoFindings("invalid-attribute", in: """
        blueprint "X"
        demand 30/h
        customer a "A"
        frontstage b "B", wait 0m..10m, tolerance 15m, takes 4m..6m, servers 3
        customer c "C"
        a -> b, 100%
        b -> c
        """)
    }
}
