import Testing

@Suite struct UndefinedReferenceRuleTests {
    @Test func flowsRecoveryEvidenceAndPromises() {
        expectFindings("undefined-reference", in: """
        blueprint "X"
        promise "P" from apply to 1️⃣aproval within 1d
        customer apply "Applies", evidence 2️⃣form
        frontstage approval "Approves", takes 1h, fail "Lost" recover 3️⃣retyr
        frontstage retry "Retries", takes 1h
        evidence forms "Form"
        apply -> 4️⃣aproval
        """, [
            ("1️⃣", "promise refers to unknown step 'aproval' (did you mean 'approval'?)"),
            ("2️⃣", "'evidence' refers to unknown evidence item 'form' (did you mean 'forms'?)"),
            ("3️⃣", "'recover' refers to unknown step 'retyr' (did you mean 'retry'?)"),
            ("4️⃣", "flow refers to unknown step 'aproval' (did you mean 'approval'?)"),
        ])
    }

    /// Spec section 8, "Unknown names": the undeclared id is a step still to be written.
    @Test func anUnknownLinkIsReportedOnceAndJoinsItsNeighbours() {
        let diagnostics = lint("""
        blueprint "X"
        customer a "A"
        frontstage b "B"
        a -> x -> b
        """)
        #expect(diagnostics.map(\.rule).filter { $0 != "customer-without-touchpoint" } == ["undefined-reference"])
    }

    /// Most Chinese ids are two to four characters: one character off in two, the other script, a prefix.
    @Test func chineseIdsGetADidYouMean() {
        expectFindings("undefined-reference", in: """
        blueprint "理賠"
        locale zh-Hant
        customer 掃描建檔 "掃描建檔"
        backstage 複核 "複核"
        frontstage 滿意度調查 "滿意度調查"
        掃描建檔 -> 1️⃣覆核 -> 2️⃣扫描建档 -> 3️⃣滿意度
        """, [
            ("1️⃣", "'覆核' (did you mean '複核'?)"),
            ("2️⃣", "'扫描建档' (did you mean '掃描建檔'?)"),
            ("3️⃣", "'滿意度' (did you mean '滿意度調查'?)"),
        ])
        let fixes = lint("blueprint \"X\"\ncustomer 複核 \"A\"\ncustomer 扫描 \"B\"\n複核 -> 覆核\n")
            .filter { $0.rule == "undefined-reference" }.flatMap(\.fixes).filter { $0.kind == .correction }
        #expect(fixes.count == 1 && fixes[0].isSafe, "a lone candidate is a safe fix")
    }

    /// One different character of two is a different word unless a single id is that close.
    @Test func aTwoCharacterIdWithTwoNeighboursGetsNoGuess() {
        expectFindings("undefined-reference", in: """
        blueprint "X"
        customer 複核 "A"
        customer 覆查 "B"
        複核 -> 1️⃣覆核
        """, [("1️⃣", "flow refers to unknown step '覆核'")])
        let message = lint("blueprint \"X\"\ncustomer 複核 \"A\"\ncustomer 覆查 \"B\"\n複核 -> 覆核\n").first { $0.rule == "undefined-reference" }?.message
        #expect(message?.contains("did you mean") == false)
        expectFindings("undefined-reference", in: "blueprint \"X\"\ncustomer ab \"A\"\nab -> 1️⃣ac\n", [("1️⃣", "'ac'")])
        #expect(lint("blueprint \"X\"\ncustomer ab \"A\"\nab -> ac\n").allSatisfy { !$0.message.contains("did you mean") }, "two ASCII letters stay unguessed")
    }

    @Test func evidenceItemAttributesAreNotResolved() {
        expectNoFindings("undefined-reference", in: "blueprint \"X\"\ncustomer a \"A\", evidence e\nevidence e \"E\", evidence nowhere\n")
    }
}
