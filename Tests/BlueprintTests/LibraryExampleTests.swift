import BlueprintTestSupport
import Foundation
import Testing

/// docs/LIBRARY.md shows docs/examples/embedding/main.swift; SwiftPM builds it against the
/// `Blueprint` library product, and here it runs as a user would run it.
@Suite struct LibraryExampleTests {
    private let example = CommandRunner.builtExecutable(named: "EmbeddingExample")

    @Test func theExampleLintsReportsPromisesAndDraws() async throws {
        let folder = try TemporaryFolder("library")
        let svg = folder.url("outage.svg")
        let input = CommandRunner.packageRoot.appendingPathComponent("blueprints/outage-repair.blueprint").path
        let result = try await CommandRunner.run(example, [input, svg.path])
        #expect(result.status == 0, "\(result.standardOutput)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("blueprint 0.1.0: ") == true)
        #expect(lines.contains { $0.hasPrefix("promise '") && $0.contains(": kept, worst case ") })
        #expect(lines.last == "drew \(svg.path)")
        let drawing = try String(contentsOf: svg, encoding: .utf8)
        #expect(drawing.contains("<svg") && drawing.hasSuffix("</svg>\n"))
    }

    @Test func theDocumentationShowsTheExampleAsItIs() throws {
        let documentation = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("docs/LIBRARY.md"), encoding: .utf8)
        let example = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("docs/examples/embedding/main.swift"), encoding: .utf8)
        #expect(documentation.contains("```swift\n" + example + "```\n"))
    }

    @Test func aFileWithErrorsIsReportedAndNotDrawn() async throws {
        let folder = try TemporaryFolder("library")
        let input = try folder.write("blueprint \"Typo\"\ncustomer a \"A\"\nfrontstage b \"B\"\na -> c\n", to: "typo.blueprint")
        let result = try await CommandRunner.run(example, [input.path, folder.path("typo.svg")])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains(":4:6: error: flow refers to unknown step 'c'"))
        #expect(result.standardOutput.contains("not drawn: the file has an error"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo.svg")))
    }
}
