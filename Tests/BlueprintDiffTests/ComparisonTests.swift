import BlueprintAnalysis
import BlueprintDiff
import BlueprintEncoding
import Foundation
import Testing

/// Pairs of files with known changes, checked through the JSON `blueprint diff --format json` writes.
@Suite struct ComparisonTests {
    private func compare(_ old: String, _ new: String) -> BlueprintComparison {
        BlueprintComparison(old: Document(path: "old.blueprint", text: old), new: Document(path: "new.blueprint", text: new))
    }

    private func json(_ comparison: BlueprintComparison) throws -> JSONValue {
        let files = try JSONDecoder().decode(JSONValue.self, from: Data(DiffReport.write([comparison], format: .json).utf8))["files"]?.arrayValue
        return try #require(files?.first)
    }

    @Test func everyKindOfChange() throws {
        let text = DiffReport.write([compare(DiffFixtures.before, DiffFixtures.after)], format: .json)
        #expect(text == DiffFixtures.expectedJSON)
    }

    @Test func theSameInputGivesTheSameBytes() {
        let first = DiffReport.write([compare(DiffFixtures.before, DiffFixtures.after)], format: .json)
        for format in DiffFormat.allCases {
            #expect(DiffReport.write([compare(DiffFixtures.before, DiffFixtures.after)], format: format)
                == DiffReport.write([compare(DiffFixtures.before, DiffFixtures.after)], format: format))
        }
        #expect(first == DiffReport.write([compare(DiffFixtures.before, DiffFixtures.after)], format: .json))
    }

    @Test func aRenameIsNotARemovalAndAnAddition() throws {
        let steps = try #require(try json(compare(DiffFixtures.before, DiffFixtures.after))["steps"]?.arrayValue)
        let renamed = steps.filter { $0["change"]?.stringValue == "renamed" }
        #expect(renamed.map { [$0["before"]?.stringValue, $0["id"]?.stringValue] } == [["check", "review"]])
        #expect(!steps.contains { ["check", "review"].contains($0["id"]?.stringValue) && $0["change"]?.stringValue != "renamed" })
    }

    @Test func aReorderedFileMeansTheSame() throws {
        let comparison = compare(DiffFixtures.before, DiffFixtures.reordered)
        #expect(comparison.isEmpty)
        #expect(try json(comparison)["changed"] == .bool(false))
        #expect(DiffReport.write([comparison], format: .text) == "Changes from old.blueprint to new.blueprint\nNo changes.\n")
    }

    @Test func identicalFilesHaveNoChanges() {
        let comparison = compare(DiffFixtures.after, DiffFixtures.after)
        #expect(comparison.isEmpty)
        #expect(!DiffFailure.any.matches(comparison))
    }

    @Test func aChinesePairIsWrittenInChinese() throws {
        let comparison = compare(DiffFixtures.chineseBefore, DiffFixtures.chineseAfter)
        #expect(DiffReport.write([comparison], format: .json) == DiffFixtures.expectedChineseJSON)
        let text = DiffReport.write([comparison], format: .text)
        #expect(text == DiffFixtures.expectedChineseText)
    }

    @Test func failConditions() {
        let comparison = compare(DiffFixtures.before, DiffFixtures.after)
        #expect(DiffFailure.brokenPromise.matches(comparison))
        #expect(DiffFailure.newError.matches(comparison))
        #expect(DiffFailure.any.matches(comparison))
        let back = compare(DiffFixtures.after, DiffFixtures.before)
        #expect(!DiffFailure.brokenPromise.matches(back))
        #expect(!DiffFailure.newError.matches(back))
    }

    @Test func anAddedFileIsComparedWithAnEmptyBlueprint() throws {
        let comparison = BlueprintComparison(old: nil, new: Document(path: "new.blueprint", text: DiffFixtures.chineseAfter), oldPath: "HEAD:new.blueprint")
        let steps = try #require(try json(comparison)["steps"]?.arrayValue)
        #expect(steps.map { $0["change"]?.stringValue } == ["added", "added", "added", "added"])
        #expect(try json(comparison)["old"] == .string("HEAD:new.blueprint"))
    }

    @Test func markdownEscapesWhatAFileHolds() {
        let old = "blueprint \"A\"\ncustomer a \"Start\"\n"
        let new = "blueprint \"A\"\ncustomer a \"<script>*x*</script>\"\n"
        let markdown = DiffReport.write([compare(old, new)], format: .markdown)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;\\*x\\*"))
        #expect(markdown.hasPrefix("## Changes from old.blueprint to new.blueprint\n\n### Steps\n\n- 🟡 "))
    }

    @Test func theOtherWayRoundRemovesWhatWasAdded() throws {
        let file = try json(compare(DiffFixtures.after, DiffFixtures.before))
        func changes(_ key: String) -> [String] {
            (file[key]?.arrayValue ?? []).map { ($0["change"]?.stringValue ?? "") + " " + ($0["id"]?.stringValue ?? $0["title"]?.stringValue ?? $0["from"]?.stringValue ?? "") }
        }
        #expect(changes("evidence") == ["changed form", "removed receipt"])
        #expect(changes("recoveries") == ["removed label"])
        #expect(changes("steps").contains("renamed check") && changes("steps").contains("added survey") && changes("steps").contains("removed reprint"))
        #expect(file["brokenPromise"] == .bool(false) && file["newError"] == .bool(false))
    }

    @Test func phasesAddedAndRemoved() throws {
        let old = "blueprint \"P\"\nphase \"One\"\ncustomer a \"A\"\nphase \"Two\"\ncustomer b \"B\"\na -> b\n"
        let new = "blueprint \"P\"\nphase \"One\"\ncustomer a \"A\"\nphase \"Three\"\ncustomer c \"C\"\na -> c\n"
        let phases = try #require(try json(compare(old, new))["phases"]?.arrayValue)
        #expect(phases.map { [$0["change"]?.stringValue, $0["title"]?.stringValue] } == [["added", "Three"], ["removed", "Two"]])
    }
}
