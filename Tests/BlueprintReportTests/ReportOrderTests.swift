import BlueprintLanguage
import BlueprintReport
import Testing

@Suite struct ReportOrderTests {
    @Test func pathsSortInCodePointOrder() {
        // "e" + combining acute (NFD) sorts before "é" (NFC) by code point, though String's `<`
        // compares their normalised forms and would put "éa" first.
        let paths = ["éa.blueprint", "e\u{301}x.blueprint", "a.blueprint", "Z.blueprint"]
        let sorted = ReportOrder.sorted(paths.map { ReportFixtures.report($0, "", []) }).map(\.path)
        #expect(sorted == ["Z.blueprint", "a.blueprint", "e\u{301}x.blueprint", "éa.blueprint"])
    }

    @Test func diagnosticsSortByLineColumnRuleAndMessage() {
        let diagnostics = [
            ReportFixtures.diagnostic(.error, "syntax", "b", line: 2, column: 1),
            ReportFixtures.diagnostic(.error, "syntax", "a", line: 2, column: 1),
            ReportFixtures.diagnostic(.warning, "empty-phase", "z", line: 2, column: 1),
            ReportFixtures.diagnostic(.error, "syntax", "a", line: 1, column: 9),
        ]
        let sorted = ReportOrder.sorted([ReportFixtures.report("a.blueprint", "", diagnostics)])[0].diagnostics
        #expect(sorted.map(\.message) == ["a", "z", "a", "b"])
    }
}
