import BlueprintDiagnostics
import BlueprintReport
import Foundation
import Testing

@Suite struct JSONReporterTests {
    private func parse(_ output: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func twoFileExampleIsExactlyTheSpecShape() throws {
        let output = JSONReporter().render(ReportFixtures.twoFiles, filesLinted: 3)
        #expect(output == """
            {"version":1,"files":3,"errors":2,"warnings":1,"diagnostics":[\
            {"file":"outage/flows.blueprint","line":2,"column":10,"severity":"warning","rule":"disconnected-step","message":"step 'report' is not joined to the journey","endLine":2,"endColumn":16,"related":[],"fixes":[]},\
            {"file":"outage/flows.blueprint","line":3,"column":11,"severity":"error","rule":"undefined-reference","message":"flow refers to unknown step 'aproval' (did you mean 'approval'?)","endLine":3,"endColumn":18,"related":[],"fixes":[]},\
            {"file":"outage/申请.blueprint","line":2,"column":21,"severity":"error","rule":"invalid-attribute","message":"emotion 3 is outside -2…2","endLine":2,"endColumn":28,"related":[],"fixes":[]}]}

            """)
        let document = try parse(output)
        #expect(document["files"] as? Int == 3)
        #expect(document["errors"] as? Int == 2)
        #expect(document["warnings"] as? Int == 1)
        #expect((document["diagnostics"] as? [Any])?.count == 3)
    }

    @Test func keysComeInSpecOrder() {
        let output = JSONReporter().render(ReportFixtures.twoFiles)
        let topLevel = ["\"version\"", "\"files\"", "\"errors\"", "\"warnings\"", "\"diagnostics\""]
        let perDiagnostic = ["\"file\"", "\"line\"", "\"column\"", "\"severity\"", "\"rule\"", "\"message\"", "\"endLine\"", "\"endColumn\"",
                             "\"related\"", "\"fixes\""]
        for keys in [topLevel, perDiagnostic] {
            let offsets = keys.map { output.range(of: $0).map { output.distance(from: output.startIndex, to: $0.lowerBound) } ?? -1 }
            #expect(!offsets.contains(-1))
            #expect(offsets == offsets.sorted())
        }
    }

    @Test func cleanRunHasAnEmptyList() throws {
        let output = JSONReporter().render([ReportFixtures.report("a.blueprint", "", [])], filesLinted: 1)
        #expect(output == "{\"version\":1,\"files\":1,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}\n")
    }

    @Test func stringsAreEscaped() throws {
        // Messages already show control characters as `\u{…}` (they quote file text); JSON escapes the rest.
        let message = "quote \" backslash \\ newline \n bell \u{07} 申请 😀"
        let path = "dir/\"odd\"\\name.blueprint"
        let report = ReportFixtures.report(path, "", [ReportFixtures.diagnostic(.error, "syntax", message, line: 1, column: 1)])
        let output = JSONReporter().render([report])
        #expect(output.contains(#""message":"quote \" backslash \\ newline \\u{A} bell \\u{7} 申请 😀""#))
        #expect(!output.dropLast().contains("\n"))

        let diagnostics = try #require(try parse(output)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics[0]["message"] as? String == "quote \" backslash \\ newline \\u{A} bell \\u{7} 申请 😀")
        #expect(diagnostics[0]["file"] as? String == path)
    }

    @Test func relatedLocationsAndFixesAreListed() throws {
        let diagnostic = Diagnostic(
            severity: .error, rule: "duplicate-id", text: .verbatim("duplicate id 'a'"),
            range: SourceRange(start: SourcePosition(line: 3, column: 10), end: SourcePosition(line: 3, column: 11)),
            related: [RelatedLocation(range: SourceRange(at: SourcePosition(line: 2, column: 10)), message: .verbatim("first declared here"))],
            fixes: [Fix(title: .verbatim("rename"), edits: [TextEdit(range: SourceRange(at: SourcePosition(line: 3, column: 11)), replacement: "2")], isSafe: false)])
        let output = JSONReporter().render([ReportFixtures.report("a.blueprint", "", [diagnostic])])
        let diagnostics = try #require(try parse(output)["diagnostics"] as? [[String: Any]])
        let related = try #require(diagnostics[0]["related"] as? [[String: Any]])
        #expect(related[0]["line"] as? Int == 2 && related[0]["message"] as? String == "first declared here")
        let fixes = try #require(diagnostics[0]["fixes"] as? [[String: Any]])
        #expect(fixes[0]["title"] as? String == "rename" && fixes[0]["safe"] as? Bool == false && fixes[0]["kind"] as? String == "correction")
        let edits = try #require(fixes[0]["edits"] as? [[String: Any]])
        #expect(edits[0]["column"] as? Int == 11 && edits[0]["text"] as? String == "2")
    }
}

@Suite struct OmittedDiagnosticTests {
    private func report(listing count: Int, omitted: DiagnosticCounts) -> FileReport {
        let diagnostics = (0..<count).map { index in
            ReportFixtures.diagnostic(.warning, "disconnected-step", "step 's\(index)' is not joined to the journey", line: index + 2, column: 1)
        }
        let text = "blueprint \"x\"\n" + (0..<count).map { "support s\($0) \"S\"\n" }.joined()
        return FileReport(path: "islands.blueprint", source: SourceText(text), diagnostics: diagnostics, omitted: omitted)
    }

    @Test func jsonCountsWhatIsOmittedAndSaysHowMany() throws {
        let output = JSONReporter().render([report(listing: 2, omitted: DiagnosticCounts(errors: 1, warnings: 3))], filesLinted: 1)
        let document = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 1)
        #expect(document["warnings"] as? Int == 5)
        #expect(document["omitted"] as? Int == 4)
        #expect((document["diagnostics"] as? [Any])?.count == 2)
        #expect(output.hasPrefix(#"{"version":1,"files":1,"errors":1,"warnings":5,"omitted":4,"diagnostics":[{"file":"#))
    }

    @Test func jsonWithNothingOmittedHasNoOmittedKey() {
        let output = JSONReporter().render([report(listing: 1, omitted: DiagnosticCounts())], filesLinted: 1)
        #expect(!output.contains("omitted"))
    }

    @Test func textSaysHowManyAreNotShownIncludingTheOmitted() {
        var reporter = TextReporter(colour: false)
        reporter.diagnosticsPerFile = 3
        let output = reporter.render([report(listing: 5, omitted: DiagnosticCounts(warnings: 10))], filesLinted: 1)
        #expect(output.contains("islands.blueprint: note: 12 more diagnostics in this file are not shown"))
        #expect(output.contains("15 warnings in 1 file"))
        let allShown = TextReporter(colour: false).render([report(listing: 2, omitted: DiagnosticCounts(errors: 7))], filesLinted: 1)
        #expect(allShown.contains("islands.blueprint: note: 7 more diagnostics in this file are not shown"))
        #expect(allShown.contains("7 errors and 2 warnings in 1 file"))
    }
}
