@testable import BlueprintLanguageServer
import BlueprintTestSupport
import Testing

/// Language 1.2 through the protocol: the new keywords completed, a step's figures in its hover.
@Suite(.timeLimit(.minutes(2)))
struct CapacityFeatureTests {
    @Test func completionAndHoverKnowDemandServersAndShares() async throws {
        let lines = ["de", "  backstage check \"Check\", takes 2m, se", "promise \"P\" from arrive to leave within 12m "]
        let text = counterService + "\n" + lines.joined(separator: "\n") + "\n"
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("counter.blueprint", text)
        _ = try await client.diagnostics(for: uri)
        let first = counterService.components(separatedBy: "\n").count
        func labels(_ index: Int) async throws -> [String] {
            let result = try await client.request("textDocument/completion", textPosition(uri, first + index, lines[index].utf16.count))
            return (result["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
        }
        #expect(try await labels(0) == ["demand"])
        #expect(try await labels(1) == ["servers"])
        #expect(try await labels(2) == ["for"])

        let serve = locate("serve  ", in: text, offset: 1)
        let hover = try await client.request("textDocument/hover", textPosition(uri, serve.line, serve.character))["contents"]?["value"]?.stringValue ?? ""
        #expect(hover.contains("Utilisation: 83.3%") && hover.contains("Queue wait: 7m 1s") && hover.contains("Takes: 4–6m"))
        #expect(try await client.finish() == 0)
    }
}
