import BlueprintDiagnostics
@testable import BlueprintReport
import Foundation
import Testing

@Suite struct SARIFReporterTests {
    private let reporter = SARIFReporter(rules: ReportFixtures.rules, toolVersion: "1.2.0", informationURI: "https://example.org/blueprint")

    private func run(of reports: [FileReport]) throws -> [String: Any] {
        let output = reporter.render(reports, filesLinted: 3)
        let log = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(log["$schema"] as? String == SARIFReporter.schemaURI)
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    @Test func driverListsEveryRuleWithHelp() throws {
        let run = try run(of: [])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "blueprint")
        #expect(driver["version"] as? String == "1.2.0")
        #expect(driver["informationUri"] as? String == "https://example.org/blueprint")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["undefined-reference", "disconnected-step", "invalid-attribute"])

        let rule = rules[1]
        #expect(rule["name"] as? String == "DisconnectedStep")
        #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "a step outside the journey")
        #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.hasPrefix("A step no flow reaches") == true)
        let help = try #require(rule["help"] as? [String: String])
        #expect(help["text"]?.contains("Bad:\n    customer a \"A\"\n    frontstage b \"B\"") == true)
        #expect(help["markdown"]?.contains("**Good:**\n\n```\ncustomer a \"A\"\nfrontstage b \"B\"\na -> b\n```") == true)
        #expect((rule["defaultConfiguration"] as? [String: String])?["level"] == "warning")
        #expect((rule["properties"] as? [String: Any])?["tags"] as? [String] == ["blueprint"])
        #expect(try #require(run["results"] as? [Any]).isEmpty)
    }

    @Test func resultsPointAtTheirRuleAndRegion() throws {
        let results = try #require(try run(of: ReportFixtures.twoFiles)["results"] as? [[String: Any]])
        #expect(results.count == 3)

        let expected: [(rule: String, index: Int, level: String, uri: String, line: Int, column: Int, endColumn: Int)] = [
            ("disconnected-step", 1, "warning", "outage/flows.blueprint", 2, 10, 16),
            ("undefined-reference", 0, "error", "outage/flows.blueprint", 3, 11, 18),
            ("invalid-attribute", 2, "error", "outage/%E7%94%B3%E8%AF%B7.blueprint", 2, 21, 28),
        ]
        for (result, want) in zip(results, expected) {
            #expect(result["ruleId"] as? String == want.rule)
            #expect(result["ruleIndex"] as? Int == want.index)
            #expect(result["level"] as? String == want.level)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            #expect((location["artifactLocation"] as? [String: String])?["uri"] == want.uri)
            let region = try #require(location["region"] as? [String: Int])
            #expect(region == ["startLine": want.line, "startColumn": want.column, "endLine": want.line, "endColumn": want.endColumn])
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            #expect(fingerprints["primaryLocationLineHash"]?.hasSuffix(":1") == true)
        }
        #expect((results[1]["message"] as? [String: String])?["text"] == "flow refers to unknown step 'aproval' (did you mean 'approval'?)")
    }

    @Test func pointDiagnosticCoversOneCharacterAndUnknownRuleHasNoIndex() throws {
        let report = ReportFixtures.report("a.blueprint", "blueprint \"x\"\nab", [
            ReportFixtures.diagnostic(.error, "missing-rule", "here", line: 2, column: 2),
            ReportFixtures.diagnostic(.error, "missing-rule", "at the end", line: 2, column: 3),
        ])
        let results = try #require(try run(of: [report])["results"] as? [[String: Any]])
        #expect(results[0]["ruleIndex"] == nil)
        let regions = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int] }
        #expect(regions[0]["endColumn"] == 3)
        #expect(regions[1]["endColumn"] == 3)
    }

    @Test(arguments: [
        ("flows.blueprint", "flows.blueprint"),
        ("./outage/flows.blueprint", "outage/flows.blueprint"),
        ("my folder/100%.blueprint", "my%20folder/100%25.blueprint"),
        ("c:/x#y?.blueprint", "c%3A/x%23y%3F.blueprint"),
        ("/home/me/申请.blueprint", "file:///home/me/%E7%94%B3%E8%AF%B7.blueprint"),
    ])
    func artifactURIs(path: String, uri: String) {
        #expect(ArtifactURI.make(fromPath: path) == uri)
    }

    /// The vectors of github/codeql-action's own tests for the same hash.
    @Test func lineFingerprintsMatchGitHub() {
        #expect(LineFingerprint.hashes(of: "") == ["c129715d7a2bc9a3:1"])
        #expect(LineFingerprint.hashes(of: " a\nb\n  \t\tc\n d") == [
            "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1",
        ])
        let expected = [
            "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
        ]
        #expect(LineFingerprint.hashes(of: " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n") == expected)
        #expect(LineFingerprint.hashes(of: " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == expected)
        #expect(LineFingerprint.hashes(of: " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r") == expected)
        #expect(LineFingerprint.hashes(of: String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10)) == [
            "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
            "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
            "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
        ])
    }

    @Test func markdownFenceOutgrowsBackticksInTheExample() {
        var rule = ReportFixtures.rules[0]
        rule.badExample = "note \"```\""
        #expect(SARIFReporter.markdownHelp(for: rule).contains("````\nnote \"```\"\n````"))
    }
}
