import Foundation
import Testing

/// A temporary folder of files for one test.
struct Workspace: ~Copyable {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(text, to: path) }
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

let cleanFile = """
blueprint "Counter"
customer ask "Asks for a statement"
frontstage print "Teller prints it", takes 2m
ask -> print

"""

let brokenFile = """
blueprint "Broken"
customer ask "Asks"
frontstage print "Prints", takes 2m
ask -> print
print -> prnt

"""

let warningFile = """
blueprint "Warning"
customer ask "Asks"
frontstage print "Prints"
support orphan "Nobody calls this"
ask -> print

"""

@Suite struct LintCommandTests {
    @Test func exitCodesFollowTheSpec() async throws {
        let workspace = try Workspace(["clean.blueprint": cleanFile, "broken.blueprint": brokenFile, "warning.blueprint": warningFile])
        #expect(try await Blueprint.run(["lint", "clean.blueprint"], in: workspace.url).status == 0)
        #expect(try await Blueprint.run(["lint", "warning.blueprint"], in: workspace.url).status == 0)
        #expect(try await Blueprint.run(["lint", "--strict", "warning.blueprint"], in: workspace.url).status == 1)
        #expect(try await Blueprint.run(["lint", "broken.blueprint"], in: workspace.url).status == 1)
        #expect(try await Blueprint.run(["lint", "missing.blueprint"], in: workspace.url).status == 2)
        #expect(try await Blueprint.run(["lint", "--format", "yaml", "clean.blueprint"], in: workspace.url).status == 2)
    }

    @Test func textFormatShowsTheLineAndACaret() async throws {
        let workspace = try Workspace(["broken.blueprint": brokenFile])
        let result = try await Blueprint.run(["lint", "broken.blueprint"], in: workspace.url)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "broken.blueprint:5:10: error: flow refers to unknown step 'prnt' (did you mean 'print'?) [undefined-reference]")
        #expect(lines[1].hasSuffix("print -> prnt"))
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let textColumn = lines[1].range(of: "prnt").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caretColumn == textColumn)
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func jsonHasTheSpecShapeAndOrder() async throws {
        let workspace = try Workspace(["b.blueprint": brokenFile, "a.blueprint": warningFile, "c.blueprint": cleanFile])
        let result = try await Blueprint.run(["lint", "--format", "json", "b.blueprint", "a.blueprint", "c.blueprint"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("{\"version\":1,\"files\":3,\"errors\":1,\"warnings\":1,\"diagnostics\":[{\"file\":\"a.blueprint\",\"line\":4,\"column\":9,\"severity\":\"warning\",\"rule\":\"disconnected-step\",\"message\":"))
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.map { $0["file"] as? String } == ["a.blueprint", "b.blueprint"])
    }

    @Test func foldersAreSearchedRecursivelyAndNamedFolderSlashRelativePath() async throws {
        let workspace = try Workspace([
            "docs/z.blueprint": brokenFile, "docs/sub/a.blueprint": brokenFile, "docs/notes.txt": "not a blueprint",
            "docs/.hidden/x.blueprint": brokenFile,
        ])
        let result = try await Blueprint.run(["lint", "--format", "json", "docs"], in: workspace.url)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["files"] as? Int == 2)
        let files = (object?["diagnostics"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["docs/sub/a.blueprint", "docs/z.blueprint"])
    }

    /// In a folder, only regular `.blueprint` files count, in code-point order: not hidden files, symbolic
    /// links (to a file, to a folder, or to nothing), a FIFO or a folder named like a blueprint.
    @Test func foldersYieldOnlyTheirRegularBlueprintFiles() async throws {
        let workspace = try Workspace([
            "docs/b.blueprint": brokenFile, "docs/Ä/c.blueprint": brokenFile, "docs/a.blueprint": brokenFile,
            "docs/.draft.blueprint": brokenFile, "docs/named.blueprint/d.blueprint": brokenFile, "elsewhere/e.blueprint": brokenFile,
        ])
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: workspace.path("docs/link.blueprint"), withDestinationPath: "a.blueprint")
        try fileManager.createSymbolicLink(atPath: workspace.path("docs/linked"), withDestinationPath: "../elsewhere")
        try fileManager.createSymbolicLink(atPath: workspace.path("docs/dangling.blueprint"), withDestinationPath: "gone.blueprint")
        #expect(mkfifo(workspace.path("docs/pipe.blueprint"), 0o644) == 0)
        let result = try await Blueprint.run(["lint", "--format", "json", "docs"], in: workspace.url)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let files = (object?["diagnostics"] as? [[String: Any]])?.compactMap { $0["file"] as? String }
        #expect(files == ["docs/a.blueprint", "docs/b.blueprint", "docs/named.blueprint/d.blueprint", "docs/Ä/c.blueprint"])
    }

    @Test func unreadableFilesExitTwoButTheOthersAreStillLinted() async throws {
        let workspace = try Workspace(["broken.blueprint": brokenFile])
        try workspace.write(Data("blueprint \"X\"\ncustomer a \"".utf8) + Data([0xFF, 0xFE]) + Data("\"\n".utf8), to: "binary.blueprint")
        let result = try await Blueprint.run(["lint", "--format", "json", "binary.blueprint", "missing.blueprint", "broken.blueprint"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains("binary.blueprint:2:13: error: invalid UTF-8"))
        #expect(result.standardError.contains("missing.blueprint"))
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(object?["files"] as? Int == 1)
        #expect(object?["errors"] as? Int == 1)
    }

    @Test func githubAndSarifFormats() async throws {
        let workspace = try Workspace(["broken.blueprint": brokenFile])
        let github = try await Blueprint.run(["lint", "--format", "github", "broken.blueprint"], in: workspace.url)
        #expect(github.standardOutput.contains("::error file=broken.blueprint,line=5,col=10,title=undefined-reference::flow refers to unknown step 'prnt'"))
        let sarif = try await Blueprint.run(["lint", "--format", "sarif", "broken.blueprint"], in: workspace.url)
        let object = try JSONSerialization.jsonObject(with: Data(sarif.standardOutput.utf8)) as? [String: Any]
        #expect(object?["version"] as? String == "2.1.0")
        let run = (object?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.count == 27)
        #expect((run?["results"] as? [[String: Any]])?.count == 1)
    }

    @Test func configurationFileFoundByWalkingUpSetsSeverities() async throws {
        let workspace = try Workspace([
            ".blueprintlint.yml": "rules:\n  disconnected-step: error\n",
            "team/a.blueprint": warningFile,
            "team/quiet/.blueprintlint.yml": "rules:\n  disconnected-step: off\n",
            "team/quiet/b.blueprint": warningFile,
        ])
        let loud = try await Blueprint.run(["lint", "team/a.blueprint"], in: workspace.url)
        #expect(loud.status == 1)
        #expect(loud.standardOutput.contains("error: support step 'orphan'"))
        let quiet = try await Blueprint.run(["lint", "--strict", "team/quiet/b.blueprint"], in: workspace.url)
        #expect(quiet.status == 0)
    }

    @Test func aBadConfigurationFileIsAClearErrorWithItsPosition() async throws {
        let workspace = try Workspace([".blueprintlint.yml": "rules:\n  disconected-step: eror\n", "a.blueprint": cleanFile])
        let result = try await Blueprint.run(["lint", "a.blueprint"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains(".blueprintlint.yml:2:3"))
        #expect(result.standardError.contains("did you mean 'disconnected-step'?"))
    }

    @Test func explainAndRules() async throws {
        let rules = try await Blueprint.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.standardOutput.contains("promise-untimed"))
        let explain = try await Blueprint.run(["lint", "--explain", "visibility-leak"])
        #expect(explain.standardOutput.contains("Bad:") && explain.standardOutput.contains("Good:"))
        let unknown = try await Blueprint.run(["lint", "--explain", "visibility-leek"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("did you mean 'visibility-leak'?"))
    }
}
