import Testing

@Suite struct UnusedEvidenceRuleTests {
    @Test func evidenceNoStepShows() {
        expectFindings("unused-evidence", in: """
        blueprint "X"
        evidence used "Used"
        evidence 1️⃣unused "Unused"
        evidence 2️⃣onlyDuplicate "Shown only by a duplicate"
        customer a "A", evidence used
        customer a "A again", evidence onlyDuplicate
        """, [("1️⃣", "evidence item 'unused' is not shown by any step"), ("2️⃣", "'onlyDuplicate'")])
    }
}
