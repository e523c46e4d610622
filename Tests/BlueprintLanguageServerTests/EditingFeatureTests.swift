import BlueprintEncoding
@testable import BlueprintLanguageServer
import Foundation
import Testing

/// The features that change text or show derived figures: formatting, code actions, inlay hints,
/// and configuration changes.
@Suite(.timeLimit(.minutes(2)))
struct EditingFeatureTests {
    @Test func formattingRewritesTheWholeTextOrRefusesWithAMessage() async throws {
        let client = TestClient()
        try await client.initialize()
        let messy = "blueprint \"T\"\nphase \"P\"\ncustomer   c \"C\"\n   frontstage f \"F\"\nc->f\n"
        let uri = client.open("messy.blueprint", messy)
        let edits = try await client.request("textDocument/formatting", LSP.DocumentFormattingParams(textDocument: .init(uri: uri))).arrayValue ?? []
        #expect(edits.count == 1)
        #expect(edits.first?["newText"]?.stringValue == "blueprint \"T\"\n\nphase \"P\"\n  customer   c \"C\"\n  frontstage f \"F\"\n\nc -> f\n")
        #expect(edits.first?["range"]?["end"]?["line"]?.numberValue == 5)
        let broken = client.open("broken.blueprint", "blueprint \"T\"\nphase \"P\n  customer c \"C\"\n")
        let error = try await client.error(of: "textDocument/formatting", LSP.DocumentFormattingParams(textDocument: .init(uri: broken)))
        #expect(error?["code"]?.numberValue == -32803)
        #expect(error?["message"]?.stringValue?.contains("line 2") == true)
        let clean = client.open("clean.blueprint", "blueprint \"T\"\n\nphase \"P\"\n  customer c \"C\"\n")
        #expect(try await client.request("textDocument/formatting", LSP.DocumentFormattingParams(textDocument: .init(uri: clean))).arrayValue == [])
        #expect(try await client.finish() == 0)
    }

    @Test func codeActionsOfferFixesIgnoresAndMissingSteps() async throws {
        let text = Fixture.english + "fix -> restord\nfix -> survey\n  customer asks \"Asks\", evidence leaflet\n"
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("a.blueprint", text)
        _ = try await client.diagnostics(for: uri)
        func actions(onLine line: Int) async throws -> [JSONValue] {
            try await client.request("textDocument/codeAction", LSP.CodeActionParams(textDocument: .init(uri: uri),
                                                                                   range: LSP.Range(start: at(line, 0), end: at(line, 0)))).arrayValue ?? []
        }
        let typo = try await actions(onLine: locate("restord", in: text).line)
        let titles = typo.compactMap { $0["title"]?.stringValue }
        #expect(titles.contains { $0.contains("restored") })
        #expect(titles.contains { $0.contains("undefined-reference") })
        #expect(titles.contains("Create step 'restord'"))
        let preferred = try #require(typo.first { $0["isPreferred"] == .bool(true) })
        #expect(preferred["edit"]?["changes"]?[uri]?.arrayValue?.first?["newText"]?.stringValue == "restored")

        // A missing step goes beside the step before it in the chain: in its phase and lane, after its line.
        let create = try #require(try await actions(onLine: locate("survey", in: text).line).first { $0["title"]?.stringValue == "Create step 'survey'" })
        let insertion = try #require(create["edit"]?["changes"]?[uri]?.arrayValue?.first)
        #expect(insertion["newText"]?.stringValue == "  frontstage survey \"survey\"\n")
        #expect(insertion["range"]?["start"]?["line"]?.numberValue == Double(locate("frontstage fix", in: text).line + 1))
        let evidence = try await actions(onLine: locate("leaflet", in: text).line)
        #expect(evidence.contains { $0["title"]?.stringValue == "Create evidence item 'leaflet'" })
        #expect(try await client.finish() == 0)
    }

    @Test func inlayHintsShowPromiseCostsAndRunningCosts() async throws {
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("a.blueprint", Fixture.english)
        let hints = try await client.request("textDocument/inlayHint", LSP.InlayHintParams(textDocument: .init(uri: uri), range: LSP.Range(start: at(0, 0), end: at(100, 0)))).arrayValue ?? []
        let labels = hints.compactMap { $0["label"]?.stringValue }
        #expect(labels == ["41m of 45m ✓", "4m since report", "10m since report", "11m since report", "41m since report"])
        let promise = hints[0]["position"]
        #expect(promise?["line"]?.numberValue == 2)
        #expect(promise?["character"]?.numberValue == Double(locate("45m", in: Fixture.english).character + 3))
        let chinese = client.open("zh.blueprint", Fixture.chinese)
        let zh = try await client.request("textDocument/inlayHint", LSP.InlayHintParams(textDocument: .init(uri: chinese), range: LSP.Range(start: at(0, 0), end: at(100, 0)))).arrayValue ?? []
        #expect(zh.compactMap { $0["label"]?.stringValue } == ["1分钟 / 20分钟 ✓", "自 𠀀取号 起 1分钟"])
        #expect(try await client.finish() == 0)
    }

    @Test func aChangedConfigurationFileRelintsOpenDocuments() async throws {
        let client = TestClient()
        try await client.initialize()
        let registration = try await client.waitFor("a watcher registration") { $0["method"]?.stringValue == "client/registerCapability" }
        #expect(registration["params"]?["registrations"]?.arrayValue?.first?["method"]?.stringValue == "workspace/didChangeWatchedFiles")
        let text = Fixture.english + "  evidence leaflet \"Unused\"\n"
        let uri = client.open("a.blueprint", text)
        #expect(try await client.diagnostics(for: uri).map { $0["code"]?.stringValue } == ["unused-evidence"])
        let configuration = client.root.appendingPathComponent(".blueprintlint.yml")
        try "rules:\n  unused-evidence: off\n".write(to: configuration, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", LSP.DidChangeWatchedFilesParams(changes: [.init(uri: configuration.absoluteString, type: 1)]))
        #expect(try await client.diagnostics(for: uri).isEmpty)
        #expect(try await client.finish() == 0)
    }

    @Test func withoutAClientThatWatchesTheServerFollowsConfigurationItself() async throws {
        let client = TestClient()
        try await client.initialize(watchesFiles: false)
        let text = Fixture.english + "  evidence leaflet \"Unused\"\n"
        let uri = client.open("a.blueprint", text, version: 7)
        let first = try await client.waitFor("diagnostics of version 7") {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.numberValue == 7
        }
        #expect(first["params"]?["diagnostics"]?.arrayValue?.map { $0["code"]?.stringValue } == ["unused-evidence"])
        try "rules:\n  unused-evidence: off\n".write(to: client.root.appendingPathComponent(".blueprintlint.yml"), atomically: true, encoding: .utf8)
        // No didChangeWatchedFiles: the server saw the file itself, and republishes the same version.
        let relinted = try await client.waitFor("diagnostics under the new configuration") {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
        }
        #expect(relinted["params"]?["diagnostics"]?.arrayValue?.isEmpty == true)
        #expect(relinted["params"]?["version"]?.numberValue == 7)
        #expect(try await client.finish() == 0)
    }
}
