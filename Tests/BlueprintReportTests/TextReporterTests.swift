import BlueprintDiagnostics
import BlueprintLint
@testable import BlueprintReport
import Testing

@Suite struct TextReporterTests {
    private func render(_ line: String, column: Int, endColumn: Int? = nil) -> String {
        let report = ReportFixtures.report("a.blueprint", "blueprint \"x\"\n\(line)\n", [
            ReportFixtures.diagnostic(.error, "syntax", "bad", line: 2, column: column, endColumn: endColumn),
        ])
        return TextReporter(colour: false).render([report])
    }

    @Test func headlineSourceLineAndCaretForASCII() {
        let output = render("log -> aproval", column: 8, endColumn: 15)
        #expect(output == """
            a.blueprint:2:8: error: bad [syntax]
             2 | log -> aproval
               |        ^~~~~~~

            1 error in 1 file

            """)
    }

    @Test func caretWithoutRangeIsASingleCaret() {
        #expect(render("log -> aproval", column: 5).contains("\n   |     ^\n"))
    }

    @Test func wideCharactersTakeTwoCells() {
        // 申 and 请 are wide (2 cells), so `emotion` at column 21 starts at cell 26.
        let output = render("customer 申请 \"提交申请\", emotion 3", column: 21, endColumn: 28)
        #expect(output.contains(" 2 | customer 申请 \"提交申请\", emotion 3\n   | " + String(repeating: " ", count: 26) + "^~~~~~~\n"))
    }

    @Test func caretUnderAWideCharacterCoversItsFirstCell() {
        let output = render("customer 申请 \"x\"", column: 11, endColumn: 12)
        #expect(output.contains("\n   | " + String(repeating: " ", count: 11) + "^~\n"))
    }

    @Test func tabsExpandToTheSameStopsInLineAndCaret() {
        let leading = render("\tfrontstage log \"x\"", column: 2, endColumn: 12)
        #expect(leading.contains(" 2 |         frontstage log \"x\"\n   |         ^~~~~~~~~~\n"))

        // After "ab" the TAB reaches cell 8; after a wide character too.
        #expect(render("ab\tc", column: 4).contains(" 2 | ab      c\n   |         ^\n"))
        #expect(render("申\tc", column: 3).contains(" 2 | 申      c\n   |         ^\n"))
    }

    @Test func controlCharactersAreShownByCodePoint() {
        let output = render("a\rb", column: 3)
        #expect(output.contains(" 2 | a<U+000D>b\n   | " + String(repeating: " ", count: 9) + "^\n"))
    }

    @Test func columnPastTheEndOfTheLine() {
        #expect(render("abc", column: 5).contains(" 2 | abc\n   |     ^\n"))
    }

    @Test func noSourceLineForAnEmptyFile() {
        let report = ReportFixtures.report("empty.blueprint", "", [
            ReportFixtures.diagnostic(.error, "missing-header", "no header", line: 1, column: 1),
        ])
        #expect(TextReporter(colour: false).render([report]) == """
            empty.blueprint:1:1: error: no header [missing-header]

            1 error in 1 file

            """)
    }

    @Test func gutterWidensWithTheLineNumber() {
        let text = String(repeating: "\n", count: 11) + "x -> y"
        let report = ReportFixtures.report("a.blueprint", text, [
            ReportFixtures.diagnostic(.warning, "visibility-leak", "leak", line: 12, column: 1),
        ])
        #expect(TextReporter(colour: false).render([report]).contains("\n 12 | x -> y\n    | ^\n"))
    }

    @Test func twoFileExample() {
        let output = TextReporter(colour: false).render(ReportFixtures.twoFiles, filesLinted: 3)
        #expect(output == """
            outage/flows.blueprint:2:10: warning: step 'report' is not joined to the journey [disconnected-step]
             2 | customer report "Calls the hotline"
               |          ^~~~~~
            outage/flows.blueprint:3:11: error: flow refers to unknown step 'aproval' (did you mean 'approval'?) [undefined-reference]
             3 | report -> aproval
               |           ^~~~~~~
            outage/申请.blueprint:2:21: error: emotion 3 is outside -2…2 [invalid-attribute]
             2 | customer 申请 "提交申请", emotion 3
               |                           ^~~~~~~

            2 errors and 1 warning in 2 of 3 files

            """)
    }

    @Test func noEscapeSequencesWithoutColour() {
        let output = TextReporter(colour: false).render(ReportFixtures.twoFiles)
        #expect(!output.contains("\u{1B}"))
    }

    @Test func colourMarksSeverityCaretAndSummary() {
        let output = TextReporter(colour: true).render(ReportFixtures.twoFiles)
        #expect(output.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
        #expect(output.contains("\u{1B}[1;32m^~~~~~~\u{1B}[0m"))
        #expect(output.hasSuffix("\u{1B}[1;31m2 errors and 1 warning in 2 files\u{1B}[0m\n"))
    }

    @Test func cleanRunSaysSo() {
        let clean = [ReportFixtures.report("a.blueprint", "blueprint \"x\"\n", [])]
        #expect(TextReporter(colour: false).render(clean, filesLinted: 3) == "No problems in 3 files\n")
        #expect(TextReporter(colour: false).render(clean) == "No problems in 1 file\n")
    }

    @Test(arguments: [
        (0, 1, 1, 1, "1 warning in 1 file"),
        (1, 0, 1, 4, "1 error in 1 of 4 files"),
        (3, 2, 2, 2, "3 errors and 2 warnings in 2 files"),
        (0, 0, 0, 0, "No files linted"),
    ])
    func summarySentence(errors: Int, warnings: Int, filesWithProblems: Int, filesLinted: Int, expected: String) {
        var summary = RunSummary([], filesLinted: filesLinted)
        summary.errors = errors
        summary.warnings = warnings
        summary.filesWithProblems = filesWithProblems
        #expect(summary.sentence == expected)
    }
}

/// Many diagnostics on one long line: each prints a window of the line, and past a few the rest
/// are counted, so the report grows with the number of diagnostics, not times the line's length.
@Suite struct LongReportTests {
    @Test func manyDiagnosticsOnOneLongLineAreCountedNotReprinted() {
        let line = "customer a \"A\"" + String(repeating: ", takes 1m", count: 4_000)
        let source = SourceText("blueprint \"X\"\n" + line + "\n")
        let diagnostics = ReportFixtures.diagnostics(of: source).filter { $0.rule == "invalid-attribute" }
        #expect(diagnostics.count == 3_999)
        let output = TextReporter(colour: false).render([FileReport(path: "x.blueprint", source: source, diagnostics: diagnostics)], filesLinted: 1)
        #expect(output.contains("x.blueprint:2: note: and 3979 more on this line\n"))
        #expect(output.utf8.count < 20_000, "\(output.utf8.count) bytes")
        let sourceLines = output.split(separator: "\n").filter { $0.hasPrefix(" 2 | ") }
        #expect(sourceLines.count == 40, "each diagnostic and its note (the first takes)")
        #expect(sourceLines.allSatisfy { $0.count < 170 && $0.hasSuffix("…") })
    }

    @Test func aFileWithVeryManyDiagnosticsSaysHowManyAreNotShown() {
        let lines = (0..<1_500).map { "x\($0) -> y\($0)" }.joined(separator: "\n")
        let source = SourceText("blueprint \"X\"\ncustomer a \"A\"\n" + lines + "\n")
        let diagnostics = ReportFixtures.diagnostics(of: source).filter { $0.rule == "undefined-reference" }
        #expect(diagnostics.count == 3_000)
        let output = TextReporter(colour: false).render([FileReport(path: "x.blueprint", source: source, diagnostics: diagnostics)], filesLinted: 1)
        #expect(output.contains("x.blueprint: note: 2000 more diagnostics in this file are not shown\n"))
        #expect(output.hasSuffix("3000 errors in 1 file\n"))
    }

    @Test func quotedTextCannotForgeAWorkflowCommand() {
        let source = SourceText("""
            blueprint "X"
            promise "fast\\n::warning file=evil.txt,line=1::INJECTED\\u{1B}]0;owned\\u{07}" from a to b within 1m
            customer a "A"
            frontstage b "B", takes 5m
            a -> b

            """)
        let report = FileReport(path: "x.blueprint", source: source, diagnostics: ReportFixtures.diagnostics(of: source))
        for output in [GitHubReporter().render([report], filesLinted: 1), TextReporter(colour: false).render([report], filesLinted: 1),
                       JSONReporter().render([report], filesLinted: 1)] {
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("::warning file=evil.txt") })
            #expect(!output.contains("\u{1B}]0;") && !output.contains("\u{07}"))
        }
    }
}
