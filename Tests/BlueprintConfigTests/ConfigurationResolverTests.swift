import BlueprintConfig
import BlueprintDiagnostics
import BlueprintLint
import Foundation
import Testing

@Suite struct ConfigurationResolverTests {
    /// A fresh folder tree under the temporary directory, removed when the test ends.
    private final class TemporaryTree {
        let root: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-config-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ relativePath: String, _ text: String = "") throws {
            let path = root + "/" + relativePath
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func remove(_ relativePath: String) throws {
            try FileManager.default.removeItem(atPath: root + "/" + relativePath)
        }
    }

    private static let knownRules: [RuleID] = ["disconnected-step", "promise-untimed"]

    @Test func nearestFileWins() throws {
        let tree = try TemporaryTree()
        try tree.write(".blueprintlint.yml", "rules:\n  disconnected-step: off\n")
        try tree.write("team/.blueprintlint.yaml", "rules:\n  promise-untimed: error\n")
        try tree.write("team/deep/er/a.blueprint")
        try tree.write("other/b.blueprint")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)

        // The nearer file is used on its own: the root's setting does not carry into team/.
        #expect(try resolver.configuration(forFile: "team/deep/er/a.blueprint").ruleSettings == ["promise-untimed": .error])
        #expect(try resolver.configurationFile(forFile: "team/deep/er/a.blueprint") == "team/.blueprintlint.yaml")
        #expect(try resolver.configuration(forFile: tree.root + "/other/b.blueprint").ruleSettings == ["disconnected-step": .off])
        #expect(try resolver.configuration(forFile: "./team/../other/./b.blueprint").ruleSettings == ["disconnected-step": .off])
    }

    /// A folder with the file's name is not a configuration file; a symbolic link to one is.
    @Test func onlyFilesCountLinksFollowed() throws {
        let tree = try TemporaryTree()
        try tree.write(".blueprintlint.yml", "rules:\n  disconnected-step: off\n")
        try tree.write("shared.yml", "rules:\n  promise-untimed: error\n")
        try FileManager.default.createDirectory(atPath: tree.root + "/team/.blueprintlint.yml", withIntermediateDirectories: true)
        try tree.write("linked/a.blueprint")
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/linked/.blueprintlint.yml", withDestinationPath: "../shared.yml")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        #expect(try resolver.configurationFile(forFile: "team/a.blueprint") == ".blueprintlint.yml")
        #expect(try resolver.configuration(forFile: "linked/a.blueprint").ruleSettings == ["promise-untimed": .error])
    }

    @Test func noFileMeansDefault() throws {
        let tree = try TemporaryTree()
        try tree.write("a.blueprint")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        #expect(try resolver.configurationFile(forFile: "a.blueprint") == nil)
        #expect(try resolver.configuration(forFile: "a.blueprint") == .default)
    }

    @Test func eachFolderIsReadOnce() throws {
        let tree = try TemporaryTree()
        try tree.write(".blueprintlint.yml", "rules:\n  disconnected-step: off\n")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        #expect(try resolver.configuration(forFile: "a.blueprint").ruleSettings == ["disconnected-step": .off])

        // Changes after the first lookup are not seen by this resolver, only by a new one.
        try tree.remove(".blueprintlint.yml")
        #expect(try resolver.configuration(forFile: "b.blueprint").ruleSettings == ["disconnected-step": .off])
        #expect(try ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root).configuration(forFile: "b.blueprint") == .default)
    }

    @Test func badFileIsAnErrorForEveryFileUnderIt() throws {
        let tree = try TemporaryTree()
        try tree.write("sub/.blueprintlint.yml", "rules:\n  disconnected-step: eror\n")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        var errors: Set<ConfigurationError> = []
        for file in ["sub/a.blueprint", "sub/b.blueprint", "sub/deeper/c.blueprint"] {
            #expect {
                _ = try resolver.configuration(forFile: file)
            } throws: { error in
                errors.insert(try #require(error as? ConfigurationError))
                return true
            }
        }
        #expect(errors.count == 1)
        #expect(errors.first?.description == "sub/.blueprintlint.yml:2:22: error: unknown setting 'eror' for rule 'disconnected-step' (did you mean 'error'?); use error, warning or off")
    }

    @Test func bothNamesInOneFolderIsAnError() throws {
        let tree = try TemporaryTree()
        try tree.write(".blueprintlint.yml", "rules: {}\n")
        try tree.write(".blueprintlint.yaml", "rules: {}\n")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        let error = try #require(throws: ConfigurationError.self) { try resolver.configuration(forFile: "a.blueprint") }
        #expect(error.description == ".blueprintlint.yaml: error: .blueprintlint.yml and .blueprintlint.yaml are both in this folder; keep one")
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let tree = try TemporaryTree()
        let bytes = Array("rules:\n  x".utf8) + [0xFF]
        try Data(bytes).write(to: URL(fileURLWithPath: tree.root + "/.blueprintlint.yml"))
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        let error = try #require(throws: ConfigurationError.self) { try resolver.configuration(forFile: "a.blueprint") }
        #expect(error.problems.first?.position?.line == 2)
        #expect(error.problems.first?.position?.column == 4)
    }

    @Test func concurrentLookupsAgree() async throws {
        let tree = try TemporaryTree()
        try tree.write(".blueprintlint.yml", "rules:\n  promise-untimed: warning\n")
        let resolver = ConfigurationResolver(knownRules: Self.knownRules, workingDirectory: tree.root)
        let settings = try await withThrowingTaskGroup(of: [RuleID: RuleSetting].self) { group in
            for index in 0..<200 {
                group.addTask { try resolver.configuration(forFile: "folder\(index % 7)/file\(index).blueprint").ruleSettings }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(settings.count == 200)
        #expect(settings.allSatisfy { $0 == ["promise-untimed": .warning] })
    }
}
