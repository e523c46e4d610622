import BlueprintAnalysis
import BlueprintExport
import Foundation
import Testing

@Suite struct ExportFormatTests {
    @Test func everyFormatHasItsOwnExtension() {
        let extensions = ExportFormat.allCases.map(\.fileExtension)
        #expect(Set(extensions).count == extensions.count)
    }

    /// The README shows the Mermaid export of its 15-line example, which GitHub draws: it must be
    /// what the exporter writes today.
    @Test func theReadmesMermaidBlockIsTheExportOfItsExample() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        func block(after marker: String) throws -> String {
            let start = try #require(readme.range(of: marker)).upperBound
            let body = try #require(readme.range(of: "\n```\n", range: start..<readme.endIndex))
            return String(readme[start..<body.lowerBound]) + "\n"
        }
        let example = try block(after: "## A blueprint in 15 lines\n\n```\n")
        let mermaid = try block(after: "```mermaid\n")
        #expect(Exporter.export(ExportInput(document: Document(path: "README.blueprint", text: example)), to: .mermaid) == mermaid)
    }
}
