import BlueprintTestSupport
import Foundation
import Testing

/// `blueprint analyze`: the spec's section 5.1 figures through the JSON, the same bytes on every
/// run, the file's language, Markdown, and the exit codes.
@Suite struct AnalyzeCommandTests {
    /// The first file's object of the JSON output.
    private func analysedFile(_ output: String) throws -> [String: Any] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        return try #require((json["files"] as? [[String: Any]])?.first)
    }

    private func step(_ id: String, in file: [String: Any]) throws -> [String: Any] {
        try #require((file["steps"] as? [[String: Any]])?.first { $0["id"] as? String == id })
    }

    @Test func theSpecExampleGivesItsFigures() async throws {
        let workspace = try Workspace(["counter.blueprint": counterService])
        let result = try await Blueprint.run(["analyze", "--format", "json", "counter.blueprint"], in: workspace.url)
        #expect(result.status == 0, "a broken promise is a finding: \(result.standardError)")
        let file = try analysedFile(result.standardOutput)
        #expect(file["file"] as? String == "counter.blueprint" && file["customers"] as? Int == 100_000)
        let promise = try #require((file["promises"] as? [[String: Any]])?.first)
        #expect(abs(try #require(promise["share"] as? Double) - 0.70) <= 0.005)
        #expect(promise["worstCase"] as? Int == 960 && promise["within"] as? Int == 720 && promise["target"] as? Double == 0.9)
        #expect(promise["kept"] as? Bool == false)
        let serve = try step("serve", in: file)
        #expect(abs(try #require(serve["utilisation"] as? Double) - 0.833) < 0.001)
        // 7.0 minutes.
        #expect(abs(try #require(serve["queueWait"] as? Double) - 420) < 3)
        #expect(serve["arrivalRate"] as? Double == 30 && serve["servers"] as? Int == 3)
    }

    @Test func aFullCounterStillAnalyses() async throws {
        let workspace = try Workspace(["full.blueprint": counterService.replacingOccurrences(of: "demand 30/h", with: "demand 36/h")])
        let result = try await Blueprint.run(["analyze", "--format", "json", "full.blueprint"], in: workspace.url)
        #expect(result.status == 0)
        let serve = try step("serve", in: try analysedFile(result.standardOutput))
        #expect(serve["utilisation"] as? Double == 1)
        #expect(serve["queueWait"] is NSNull && serve["inProgress"] is NSNull)
    }

    @Test func aReworkLoopGivesAQuarterMoreVisits() async throws {
        let rework = """
            blueprint "Rework"
            demand 10/h
            promise "Checked within 15 minutes" from start to done within 15m
            customer   start "Hands in the form"
            backstage  check "Checks", takes 10m, servers 2
            customer   done  "Done"
            start -> check
            check -> check, 20%
            check -> done

            """
        let workspace = try Workspace(["rework.blueprint": rework])
        let result = try await Blueprint.run(["analyze", "--format", "json", "rework.blueprint"], in: workspace.url)
        let file = try analysedFile(result.standardOutput)
        #expect(try step("check", in: file)["visits"] as? Double == 1.25)
        let promise = try #require((file["promises"] as? [[String: Any]])?.first)
        #expect(promise["worstCase"] is NSNull, "the loop leaves it without a bound")
        // Within 15m means through on the first pass: 80%.
        #expect(abs(try #require(promise["share"] as? Double) - 0.8) <= 0.005)
        let text = try await Blueprint.run(["analyze", "rework.blueprint"], in: workspace.url)
        #expect(text.standardOutput.contains("unbounded (loop: check)"))
    }

    @Test func twoRunsGiveTheSameBytes() async throws {
        let workspace = try Workspace(["counter.blueprint": counterService, "outage.blueprint": outageRepair])
        for format in ["json", "text", "markdown"] {
            let first = try await Blueprint.run(["analyze", "--format", format, "counter.blueprint", "outage.blueprint"], in: workspace.url)
            let second = try await Blueprint.run(["analyze", "--format", format, "counter.blueprint", "outage.blueprint"], in: workspace.url)
            #expect(first.status == 0 && !first.standardOutput.isEmpty)
            #expect(first.standardOutput == second.standardOutput, "\(format)")
        }
    }

    @Test func theSeedChangesNothingWithoutSpansOrShares() async throws {
        let workspace = try Workspace(["outage.blueprint": outageRepair])
        let usual = try await Blueprint.run(["analyze", "--format", "json", "outage.blueprint"], in: workspace.url)
        let seeded = try await Blueprint.run(["analyze", "--format", "json", "--seed", "42", "outage.blueprint"], in: workspace.url)
        #expect(seeded.standardOutput.contains(#""seed":42,"#))
        let withoutSeed = { (output: String) in output.replacing(/"seed":\d+,/, with: "") }
        #expect(withoutSeed(usual.standardOutput) == withoutSeed(seeded.standardOutput))
        let fewer = try await Blueprint.run(["analyze", "--customers", "500", "outage.blueprint"], in: workspace.url)
        #expect(fewer.standardOutput.contains("500 customers simulated for each promise"))
    }

    @Test func aTraditionalChineseFileIsAnalysedInChinese() async throws {
        let file = counterService
            .replacingOccurrences(of: "demand 30/h", with: "locale zh-Hant\ndemand 30/h")
            .replacingOccurrences(of: "Served within 12 minutes", with: "十二分鐘內完成")
        let workspace = try Workspace(["zh.blueprint": file])
        let result = try await Blueprint.run(["analyze", "--customers", "1000", "zh.blueprint"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("每個承諾模擬 1,000 位顧客"))
        #expect(result.standardOutput.contains("\n承諾\n") && result.standardOutput.contains("\n步驟\n"))
        #expect(result.standardOutput.contains("16分鐘") && result.standardOutput.contains("未兌現"))
        let english = try await Blueprint.run(["analyze", "--lang", "en", "--customers", "1000", "zh.blueprint"], in: workspace.url)
        #expect(english.standardOutput.contains("\nPromises\n"))
    }

    @Test func theMarkdownHasTheTables() async throws {
        let workspace = try Workspace(["counter.blueprint": counterService])
        let result = try await Blueprint.run(["analyze", "--format", "markdown", "counter.blueprint"], in: workspace.url)
        #expect(result.standardOutput.hasPrefix("## counter.blueprint: Counter service\n"))
        #expect(result.standardOutput.contains("### Promises\n\n| Promise |"))
        #expect(result.standardOutput.contains("### Which step matters most\n\n| Promise | Step |"))
        #expect(result.standardOutput.contains("### Steps\n\n| Step | Visits |"))
    }

    @Test func filesThatCannotBeAnalysed() async throws {
        let workspace = try Workspace(["typo.blueprint": counterService + "\nleave -> nowher\n", "counter.blueprint": counterService])
        let typo = try await Blueprint.run(["analyze", "typo.blueprint", "counter.blueprint"], in: workspace.url)
        #expect(typo.status == 1)
        #expect(typo.standardError.contains("typo.blueprint:10:10: error:"), "\(typo.standardError)")
        #expect(typo.standardOutput.hasPrefix("counter.blueprint: Counter service\n"), "the other file is analysed")
        let missing = try await Blueprint.run(["analyze", "absent.blueprint"], in: workspace.url)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("absent.blueprint: error:"))
        let badOption = try await Blueprint.run(["analyze", "--customers", "0", "counter.blueprint"], in: workspace.url)
        #expect(badOption.status == 2)
    }
}

extension AnalyzeCommandTests {
    /// docs/ANALYZE.md shows real output: the spec's example as JSON and the power cut example as text.
    @Test func theDocumentationShowsWhatTheCommandPrints() async throws {
        let documentation = try String(contentsOf: Blueprint.packageRoot.appendingPathComponent("docs/ANALYZE.md"), encoding: .utf8)
        let command = "$ blueprint analyze blueprints/outage-repair.blueprint\n"
        let shown = try #require(documentation.range(of: command).map { documentation[$0.upperBound...] })
        let text = try await Blueprint.run(["analyze", "blueprints/outage-repair.blueprint"], in: Blueprint.packageRoot)
        #expect(shown.hasPrefix(text.standardOutput + "```\n"))
        let workspace = try Workspace(["counter.blueprint": counterService])
        let json = try await Blueprint.run(["analyze", "--format", "json", "counter.blueprint"], in: workspace.url)
        #expect(documentation.contains("```json\n" + json.standardOutput + "```\n"))
    }
}
