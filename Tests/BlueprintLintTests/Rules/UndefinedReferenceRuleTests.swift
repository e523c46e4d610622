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

    @Test func evidenceItemAttributesAreNotResolved() {
        expectNoFindings("undefined-reference", in: "blueprint \"X\"\ncustomer a \"A\", evidence e\nevidence e \"E\", evidence nowhere\n")
    }
}
