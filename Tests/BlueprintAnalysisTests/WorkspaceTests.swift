import BlueprintAnalysis
import BlueprintDiagnostics
import Foundation
import Testing

@Suite struct WorkspaceTests {
    private static let text = "blueprint \"X\"\ncustomer a \"A\"\nsupport lonely \"L\"\na -> lonely\nsupport orphan \"O\"\n"

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        return url
    }

    @Test func theNearestConfigurationAppliesAndAChangeReachesOpenDocuments() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = Workspace(workingDirectory: root.path)
        let document = try workspace.open(path: "sub/x.blueprint", source: SourceText(Self.text))
        #expect(document.diagnostics.first { $0.rule == "disconnected-step" }?.severity == .warning)

        try "rules:\n  disconnected-step: error\n".write(to: root.appendingPathComponent(".blueprintlint.yml"), atomically: true, encoding: .utf8)
        #expect(workspace.document(at: "sub/x.blueprint")?.configuration == document.configuration, "read once, until told")
        let change = workspace.configurationDidChange()
        #expect(change.failures.isEmpty)
        #expect(change.documents.map(\.path) == ["sub/x.blueprint"])
        #expect(workspace.document(at: "sub/x.blueprint")?.diagnostics.first { $0.rule == "disconnected-step" }?.severity == .error)

        // A nearer file wins; a broken one is reported, and the document keeps what it had.
        try "rules: [\n".write(to: root.appendingPathComponent("sub/.blueprintlint.yml"), atomically: true, encoding: .utf8)
        let broken = workspace.configurationDidChange().failures["sub/x.blueprint"]
        guard case .configuration(let error) = broken else { Issue.record("no configuration error: \(String(describing: broken))"); return }
        #expect(error.path == "sub/.blueprintlint.yml")
        #expect(throws: (any Error).self) { try workspace.configuration(forPath: "sub/x.blueprint") }

        // Mended to what it was before: the document counts as changed, though its configuration reads the same.
        try FileManager.default.removeItem(at: root.appendingPathComponent("sub/.blueprintlint.yml"))
        let mended = workspace.configurationDidChange()
        #expect(mended.documents.map(\.path) == ["sub/x.blueprint"])
        #expect(mended.failures.isEmpty)
        #expect(workspace.configurationDidChange().isEmpty)
    }

    @Test func reloadingGivesNewTextTheNextVersionAndLeavesTheSameTextOut() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("x.blueprint")
        try Self.text.write(to: file, atomically: true, encoding: .utf8)
        let workspace = Workspace(workingDirectory: root.path)

        #expect(workspace.reload([file.path]).documents.map(\.version) == [0])
        #expect(workspace.reload([file.path]).isEmpty, "the same text and configuration")
        try (Self.text + "support more \"M\"\n").write(to: file, atomically: true, encoding: .utf8)
        let saved = workspace.reload([file.path])
        #expect(saved.documents.map(\.version) == [1])
        #expect(workspace.document(at: file.path)?.version == 1)

        try FileManager.default.removeItem(at: file)
        let gone = workspace.reload([file.path])
        #expect(gone.documents.isEmpty)
        #expect(gone.failures[file.path] != nil)
        #expect(workspace.document(at: file.path) == nil)
    }

    @Test func aWatchReadsSavedFilesAndFollowsTheirConfiguration() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("x.blueprint")
        try Self.text.write(to: file, atomically: true, encoding: .utf8)
        let workspace = Workspace(workingDirectory: root.path)
        workspace.reload([file.path])
        let watch = workspace.watch([file.path])
        defer { watch.stop() }
        var changes = watch.changes.makeAsyncIterator()

        try (Self.text + "support more \"M\"\n").write(to: file, atomically: true, encoding: .utf8)
        let saved = try #require(await changes.next())
        #expect(saved.documents.map(\.path) == [file.path])
        #expect(saved.documents.first?.version == 1)

        try "rules:\n  disconnected-step: error\n".write(to: root.appendingPathComponent(".blueprintlint.yml"), atomically: true, encoding: .utf8)
        let configured = try #require(await changes.next())
        #expect(configured.documents.first?.version == 1, "the same text")
        #expect(configured.documents.first?.diagnostics.first { $0.rule == "disconnected-step" }?.severity == .error)
    }

    @Test func anExplicitConfigurationFileAppliesEverywhere() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try "rules:\n  disconnected-step: off\n".write(to: root.appendingPathComponent("ci.yml"), atomically: true, encoding: .utf8)
        try "rules:\n  disconnected-step: error\n".write(to: root.appendingPathComponent("sub/.blueprintlint.yml"), atomically: true, encoding: .utf8)
        let workspace = Workspace(workingDirectory: root.path, configurationFile: "ci.yml")
        let document = try workspace.document(path: "sub/x.blueprint", source: SourceText(Self.text))
        #expect(!document.diagnostics.contains { $0.rule == "disconnected-step" })
        #expect(try workspace.configurationFile(forPath: "sub/x.blueprint") == "ci.yml")
    }

    @Test func documentsAreKeptByPath() throws {
        let workspace = Workspace(workingDirectory: "/")
        try workspace.open(path: "b.blueprint", source: SourceText(Self.text))
        try workspace.open(path: "a.blueprint", source: SourceText(Self.text))
        #expect(workspace.openPaths == ["a.blueprint", "b.blueprint"])
        workspace.close(path: "a.blueprint")
        #expect(workspace.openPaths == ["b.blueprint"])
        #expect(Workspace.isConfigurationFile("/x/y/.blueprintlint.yaml"))
        #expect(!Workspace.isConfigurationFile("/x/y/blueprintlint.yml"))
    }
}
