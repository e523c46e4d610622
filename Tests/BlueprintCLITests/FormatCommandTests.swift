import BlueprintTestSupport
import Foundation
import Testing

private let unformatted = "blueprint \"Counter\"\nphase \"Visit\"\ncustomer ask \"Asks\" , emotion 1,moment\nfrontstage print \"Prints\", takes 2m # trailing\nask -> print\n"

@Suite struct FormatCommandTests {
    @Test func rewritesInPlaceKeepingPermissionsAndIsIdempotent() async throws {
        let workspace = try Workspace(["a.blueprint": unformatted])
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: workspace.path("a.blueprint"))
        #expect(try await Blueprint.run(["fmt", "a.blueprint"], in: workspace.url).status == 0)
        let once = try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8)
        #expect(once.contains("  customer   ask   \"Asks\", moment, emotion 1\n"))
        #expect(once.contains("# trailing"))
        let permissions = try FileManager.default.attributesOfItem(atPath: workspace.path("a.blueprint"))[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try await Blueprint.run(["fmt", "a.blueprint"], in: workspace.url).status == 0)
        #expect(try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) == once)
    }

    /// Issue #20: a line saved while `fmt` or `lint --fix` ran was lost when they replaced the file.
    @Test(arguments: [(["fmt", "a.blueprint"], unformatted),
                      (["lint", "--fix", "a.blueprint"], unformatted.replacingOccurrences(of: "takes 2m", with: "takes 2min"))])
    func aSaveMadeWhileRunningIsKept(_ arguments: [String], text: String) async throws {
        let workspace = try Workspace(["a.blueprint": text])
        // The test hook holds the write between the temporary file and the rename.
        let process = Blueprint.process(arguments, in: workspace.url, environment: ["BLUEPRINT_TEST_HOOK_WRITE_PAUSE_SECONDS": "5"])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        #expect(waitForTemporaryFile(in: workspace.url, within: 20), "no temporary file was written")
        let saved = try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) + "# saved meanwhile\n"
        try saved.write(toFile: workspace.path("a.blueprint"), atomically: false, encoding: .utf8)
        #expect(await process.exited() != 0)
        #expect(try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) == saved)
        #expect(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("it changed since it was read"))
    }

    /// Issue #20: a rename split a hard-linked file into two with different texts.
    @Test func aHardLinkedFileStaysOneFile() async throws {
        let workspace = try Workspace(["a.blueprint": unformatted])
        try FileManager.default.linkItem(atPath: workspace.path("a.blueprint"), toPath: workspace.path("b.blueprint"))
        #expect(try await Blueprint.run(["fmt", "a.blueprint"], in: workspace.url).status == 0)
        let a = try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8)
        #expect(a != unformatted)
        #expect(try String(contentsOfFile: workspace.path("b.blueprint"), encoding: .utf8) == a)
        let links = try FileManager.default.attributesOfItem(atPath: workspace.path("a.blueprint"))[.referenceCount] as? Int
        #expect(links == 2)
    }

    @Test func checkListsUnformattedFilesAndWritesNothing() async throws {
        let workspace = try Workspace(["a.blueprint": unformatted])
        let result = try await Blueprint.run(["fmt", "--check", "a.blueprint"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("a.blueprint"))
        #expect(try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) == unformatted)
        #expect(try await Blueprint.run(["fmt", "a.blueprint"], in: workspace.url).status == 0)
        #expect(try await Blueprint.run(["fmt", "--check", "a.blueprint"], in: workspace.url).status == 0)
    }

    @Test func checkListsNamesOnlyAndDiffPrintsTheChanges() async throws {
        let workspace = try Workspace(["a.blueprint": unformatted, "b.blueprint": "blueprint \"B\"\n"])
        let check = try await Blueprint.run(["fmt", "--check", "a.blueprint", "b.blueprint"], in: workspace.url)
        #expect(check.standardOutput == "a.blueprint\n")
        let diff = try await Blueprint.run(["fmt", "--diff", "a.blueprint", "b.blueprint"], in: workspace.url)
        #expect(diff.status == 1)
        #expect(diff.standardOutput.hasPrefix("--- a/a.blueprint\n+++ b/a.blueprint\n@@ -1,5 +1,7 @@\n blueprint \"Counter\"\n+\n phase \"Visit\"\n"))
        #expect(diff.standardOutput.contains("-customer ask \"Asks\" , emotion 1,moment\n-frontstage print \"Prints\", takes 2m # trailing\n+  customer   ask   \"Asks\", moment, emotion 1\n"))
        #expect(try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) == unformatted, "--diff writes nothing")
        #expect(try await Blueprint.run(["fmt", "--diff", "b.blueprint"], in: workspace.url).standardOutput.isEmpty)
        #expect(try await Blueprint.run(["fmt", "--check", "--diff", "a.blueprint"], in: workspace.url).status == 2)
    }

    /// An escape stays as written, and an invisible character written raw becomes one: formatting
    /// never hides a control in the file.
    @Test func escapesStayAndInvisibleCharactersAreWrittenAsEscapes() async throws {
        let source = "blueprint \"X\"\ncustomer a \"\\u{202E}reversed \\u{4E2D} \\\" \u{200B}gap\", channel \"\u{2067}x\u{2069}\"\n"
        let result = try await Blueprint.run(["fmt", "-"], input: Data(source.utf8))
        #expect(result.standardOutput.contains(#"customer a "\u{202E}reversed \u{4E2D} \" \u{200B}gap", channel "\u{2067}x\u{2069}""#))
        let workspace = try Workspace(["f.blueprint": result.standardOutput])
        let lint = try await Blueprint.run(["lint", "f.blueprint"], in: workspace.url)
        #expect(!lint.standardOutput.contains("suspicious-character"))
    }

    @Test func standardInputToStandardOutput() async throws {
        let result = try await Blueprint.run(["fmt", "-"], input: Data(unformatted.utf8))
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("blueprint \"Counter\"\n\nphase \"Visit\"\n"))
    }

    @Test func syntaxErrorsLeaveTheFileUntouched() async throws {
        let broken = "blueprint \"X\"\ncustomer ask \"Asks\" emotion 1\n"
        let workspace = try Workspace(["b.blueprint": broken])
        let result = try await Blueprint.run(["fmt", "b.blueprint"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.standardError.contains("b.blueprint:2:21: error: expected ',' before 'emotion' [syntax]"))
        #expect(try String(contentsOfFile: workspace.path("b.blueprint"), encoding: .utf8) == broken)
    }

    @Test func crlfFilesKeepCRLF() async throws {
        let workspace = try Workspace(["c.blueprint": unformatted.replacingOccurrences(of: "\n", with: "\r\n")])
        #expect(try await Blueprint.run(["fmt", "c.blueprint"], in: workspace.url).status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace.path("c.blueprint")))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func unreadableInputExitsTwo() async throws {
        #expect(try await Blueprint.run(["fmt", "/nonexistent/x.blueprint"]).status == 2)
    }
}
