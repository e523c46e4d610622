import Testing

@Suite struct DuplicatePhaseRuleTests {
    @Test func reportsEveryLaterPhaseWithATitleAlreadyUsed() {
        expectFindings("duplicate-phase", in: """
        blueprint "X"
        phase "Report"
          customer a "A"
        phase "Repair"
          frontstage b "B"
        1️⃣phase "Report"
          frontstage c "C"
        2️⃣phase "Report"
          frontstage d "D"
        a -> b -> c -> d
        """, [("1️⃣", "phase \"Report\" is already opened at line 2"), ("2️⃣", "already opened at line 2")])
    }

    @Test func differentTitlesAndTheUnnamedPhaseAreFine() {
        expectNoFindings("duplicate-phase", in: """
        blueprint "X"
        customer a "A"
        phase "Report"
          frontstage b "B"
        phase "report"
          frontstage c "C"
        a -> b -> c
        """)
    }

    @Test func pointsBackToTheFirstPhase() {
        let diagnostic = lint("blueprint \"X\"\nphase \"P\"\ncustomer a \"A\"\nphase \"P\"\nfrontstage b \"B\"\na -> b\n")
            .first { $0.rule == "duplicate-phase" }
        #expect(diagnostic?.related.first?.range.start.line == 2)
    }
}
