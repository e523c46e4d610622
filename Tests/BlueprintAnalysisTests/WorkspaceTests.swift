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
        let (changed, errors) = workspace.configurationDidChange()
        #expect(errors.isEmpty)
        #expect(changed.map(\.path) == ["sub/x.blueprint"])
        #expect(workspace.document(at: "sub/x.blueprint")?.diagnostics.first { $0.rule == "disconnected-step" }?.severity == .error)

        // A nearer file wins; a broken one is reported, and the document keeps what it had.
        try "rules: [\n".write(to: root.appendingPathComponent("sub/.blueprintlint.yml"), atomically: true, encoding: .utf8)
        let (_, broken) = workspace.configurationDidChange()
        #expect(broken["sub/x.blueprint"]?.path == "sub/.blueprintlint.yml")
        #expect(throws: (any Error).self) { try workspace.configuration(forPath: "sub/x.blueprint") }
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
