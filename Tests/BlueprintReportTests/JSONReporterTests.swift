import BlueprintLanguage
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
            {"file":"outage/flows.blueprint","line":2,"column":10,"severity":"warning","rule":"disconnected-step","message":"step 'report' is not joined to the journey"},\
            {"file":"outage/flows.blueprint","line":3,"column":11,"severity":"error","rule":"undefined-reference","message":"flow refers to unknown step 'aproval' (did you mean 'approval'?)"},\
            {"file":"outage/申请.blueprint","line":2,"column":21,"severity":"error","rule":"invalid-attribute","message":"emotion 3 is outside -2…2"}]}

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
        let perDiagnostic = ["\"file\"", "\"line\"", "\"column\"", "\"severity\"", "\"rule\"", "\"message\""]
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
        let message = "quote \" backslash \\ newline \n return \r tab \t bell \u{07} escape \u{1B} 申请 😀"
        let path = "dir/\"odd\"\\name.blueprint"
        let report = ReportFixtures.report(path, "", [ReportFixtures.diagnostic(.error, "syntax", message, line: 1, column: 1)])
        let output = JSONReporter().render([report])
        #expect(output.contains(#""message":"quote \" backslash \\ newline \n return \r tab \t bell \u0007 escape \u001b 申请 😀""#))
        #expect(!output.dropLast().contains("\n"))

        let diagnostics = try #require(try parse(output)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics[0]["message"] as? String == message)
        #expect(diagnostics[0]["file"] as? String == path)
    }
}
