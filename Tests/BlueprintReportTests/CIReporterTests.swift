import BlueprintEncoding
import BlueprintLanguage
@testable import BlueprintReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The report formats of CI systems other than GitHub: Checkstyle, JUnit and GitLab code quality.
@Suite struct CIReporterTests {
    @Test func checkstyleHasAFilePerReportAndAnErrorPerDiagnostic() {
        #expect(CheckstyleReporter().render(ReportFixtures.twoFiles, filesLinted: 3) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="4.3">
            <file name="outage/flows.blueprint">
            <error line="2" column="10" severity="warning" message="step 'report' is not joined to the journey" source="blueprint.disconnected-step"/>
            <error line="3" column="11" severity="error" message="flow refers to unknown step 'aproval' (did you mean 'approval'?)" source="blueprint.undefined-reference"/>
            </file>
            <file name="outage/申请.blueprint">
            <error line="2" column="21" severity="error" message="emotion 3 is outside -2…2" source="blueprint.invalid-attribute"/>
            </file>
            </checkstyle>

            """)
    }

    @Test func xmlEscapesMarkupLineEndsAndControlCharacters() {
        #expect(XMLText.escaped("a<b & \"c\"\nd\u{1}") == "a&lt;b &amp; &quot;c&quot;&#10;d\u{2401}")
    }

    @Test func junitCountsTestsAndFailuresAndPassesCleanFiles() throws {
        let clean = ReportFixtures.report("clean.blueprint", "blueprint \"C\"\n", [])
        let xml = JUnitReporter().render(ReportFixtures.twoFiles + [clean], filesLinted: 3)
        #expect(xml.contains(#"<testsuites name="blueprint lint" tests="4" failures="3" errors="0">"#))
        #expect(xml.contains(#"<testsuite name="clean.blueprint" tests="1" failures="0" errors="0">"#))
        #expect(xml.contains(#"<testcase classname="clean.blueprint" name="lint"/>"#))
        #expect(xml.contains(#"<testcase classname="outage/flows.blueprint" name="undefined-reference at 3:11">"#))
        #expect(xml.contains(#"<failure type="error" message="flow refers to unknown step 'aproval' (did you mean 'approval'?)">"#))
        // Well-formed: Foundation's parser reads it to the end.
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse())
    }

    @Test func gitlabIssuesHaveTheFieldsGitLabReadsAndDistinctFingerprints() throws {
        let json = GitLabReporter().render(ReportFixtures.twoFiles, filesLinted: 3)
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(issues.count == 3)
        let first = issues[0]
        #expect(first["check_name"] as? String == "disconnected-step")
        #expect(first["severity"] as? String == "minor")
        #expect(issues[1]["severity"] as? String == "major")
        let location = first["location"] as? [String: Any]
        #expect(location?["path"] as? String == "outage/flows.blueprint")
        #expect((location?["lines"] as? [String: Any])?["begin"] as? Int == 2)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == 3)
    }

    @Test func gitlabFingerprintsSurviveMovedLinesAndTellAlikeFindingsApart() throws {
        func fingerprints(_ text: String, lines: [Int]) throws -> [String] {
            let report = ReportFixtures.report("a.blueprint", text, lines.map { ReportFixtures.diagnostic(.warning, "self-flow", "x", line: $0, column: 1) })
            let issues = try JSONSerialization.jsonObject(with: Data(GitLabReporter().render([report]).utf8)) as? [[String: Any]]
            return issues?.compactMap { $0["fingerprint"] as? String } ?? []
        }
        let before = try fingerprints("a -> a\na -> a\n", lines: [1, 2])
        let after = try fingerprints("# moved\n\na -> a\na -> a\n", lines: [3, 4])
        #expect(before == after)
        #expect(Set(before).count == 2)
    }
}

@Suite struct BaselineTests {
    @Test func recordedFindingsAreLeftOutEvenAfterTheirLinesMoved() throws {
        let baseline = Baseline(ReportFixtures.twoFiles)
        let read = try Baseline(parsing: Data(baseline.serialized().utf8))
        #expect(read == baseline)

        let moved = ReportFixtures.report("outage/flows.blueprint", "# a comment\n" + ReportFixtures.flowsText, [
            ReportFixtures.diagnostic(.warning, "disconnected-step", "step 'report' is not joined to the journey", line: 3, column: 10),
            ReportFixtures.diagnostic(.error, "undefined-reference", "flow refers to unknown step 'aproval'", line: 4, column: 11),
            ReportFixtures.diagnostic(.error, "undefined-reference", "flow refers to unknown step 'x'", line: 1, column: 1),
        ])
        let left = read.newFindings(in: [moved])
        #expect(left[0].diagnostics.map(\.position.line) == [1])
    }

    @Test func eachRecordedFindingMatchesOnce() {
        let twice = ReportFixtures.report("a.blueprint", "a -> a\na -> a\n", [
            ReportFixtures.diagnostic(.warning, "self-flow", "x", line: 1, column: 1),
        ])
        let baseline = Baseline([twice])
        var more = twice
        more.diagnostics.append(ReportFixtures.diagnostic(.warning, "self-flow", "x", line: 2, column: 1))
        #expect(baseline.newFindings(in: [more])[0].diagnostics.count == 1)
    }

    @Test func aFileThatIsNotABaselineIsAnError() {
        #expect(throws: Baseline.ReadError.self) { try Baseline(parsing: Data("[]".utf8)) }
        #expect(throws: Baseline.ReadError.self) { try Baseline(parsing: Data(#"{"version":2,"findings":[]}"#.utf8)) }
    }
}
