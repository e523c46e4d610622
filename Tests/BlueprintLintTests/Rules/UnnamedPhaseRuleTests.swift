import Testing

@Suite struct UnnamedPhaseRuleTests {
    @Test func reportsEachStepBeforeTheFirstNamedPhase() {
        expectFindings("unnamed-phase", in: """
        blueprint "X"
        evidence e "E"
        customer 1️⃣a "A", evidence e
        frontstage 2️⃣b "B"
        phase "Report"
          frontstage c "C"
        a -> b -> c
        """, [("1️⃣", "step 'a' comes before the first phase \"Report\""), ("2️⃣", "step 'b'")])
    }

    @Test func aFileWithoutPhasesOrWithEvidenceAloneBeforeThemIsFine() {
        expectNoFindings("unnamed-phase", in: "blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\"\na -> b\n")
        expectNoFindings("unnamed-phase", in: "blueprint \"X\"\nevidence e \"E\"\nphase \"P\"\ncustomer a \"A\", evidence e\n")
    }
}
