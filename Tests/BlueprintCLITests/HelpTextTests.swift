import Foundation
import Testing

/// Every command's help stays true: written in whole sentences, naming what it does, and every
/// usage error points at the command it is about.
@Suite struct HelpTextTests {
    static let commands = ["lint", "render", "export", "import", "fmt", "rules", "init"]

    /// Help laid out on a wide terminal, so a line ends only where the text itself breaks it.
    private func help(_ command: String) async throws -> String {
        try await Blueprint.run([command, "--help"], environment: ["COLUMNS": "1000"]).standardOutput
    }

    @Test(arguments: commands)
    func paragraphsAreWholeSentences(_ command: String) async throws {
        let text = try await help(command)
        let description = try #require(text.components(separatedBy: "\nUSAGE:").first)
        for line in description.split(separator: "\n") {
            #expect(line.last == "." || line.last == ":", "'\(command) --help' breaks a sentence: \(line)")
        }
        #expect(text.contains("Exit status:"), "\(command) --help explains its exit status")
        #expect(text.contains("USAGE: blueprint \(command)"))
        #expect(text.contains("--color <when>"))
    }

    @Test func lintHelpNamesEveryFormatAndEveryReasonForExitTwo() async throws {
        let text = try await help("lint")
        for format in ["text", "json", "sarif", "github", "checkstyle", "junit", "gitlab"] {
            #expect(text.contains(format), "\(format)")
        }
        for reason in ["missing", "unreadable", "not UTF-8", "larger than 64 MiB", "holds no .blueprint file", "configuration file",
                       "baseline", "could not be written", "option is wrong"] {
            #expect(text.contains(reason), "\(reason)")
        }
        for option in ["--config <file>", "--baseline <file>", "--write-baseline <file>", "--allow-empty", "--quiet", "--stdin-filename <path>"] {
            #expect(text.contains(option), "\(option)")
        }
    }

    @Test func renderHelpSaysWhereTheFormatComesFrom() async throws {
        let text = try await help("render")
        #expect(text.contains("Without --format, the format is taken from the extension of -o (.svg, .png, .pdf, .dot), else SVG;"))
        #expect(text.contains("'-' reads the blueprint from standard input."))
    }

    @Test func topLevelHelpDocumentsCompletionScripts() async throws {
        let text = try await Blueprint.run(["--help"], environment: ["COLUMNS": "1000"]).standardOutput
        #expect(text.contains("--generate-completion-script bash"))
        for command in Self.commands { #expect(text.contains("  \(command) "), "\(command)") }
        #expect(!text.contains("generate-manual"), "the man page generator is for install.sh only")
    }

    @Test func errorsFoundWhileRunningShowTheSubcommandsUsage() async throws {
        let workspace = try Workspace(["a/x.blueprint": cleanFile, "b/x.blueprint": cleanFile])
        let cases: [([String], String, String)] = [
            (["rules", "promise-brokn"], "did you mean 'promise-broken'?", "Usage: blueprint rules"),
            (["lint", "--explain", "nope"], "unknown rule 'nope'", "Usage: blueprint lint"),
            (["render", "a", "b", "--output-dir", "out"], "would both be written to 'out/x.svg'", "Usage: blueprint render"),
            // Issue #20: these trapped on the first didOpen.
            (["lsp", "--diagnostics-delay=-1"], "--diagnostics-delay takes 0 to 9999 milliseconds", "Usage: blueprint lsp"),
            (["lsp", "--diagnostics-delay", "18446744073709551"], "--diagnostics-delay takes 0 to 9999 milliseconds", "Usage: blueprint lsp"),
        ]
        for (arguments, message, usage) in cases {
            let result = try await Blueprint.run(arguments, in: workspace.url)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(usage), "\(arguments): \(result.standardError)")
            #expect(!result.standardError.contains("Usage: blueprint <subcommand>"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")), "the clash leaves no empty folder behind")
    }

    /// Arguments are parsed first without ArgumentParser's completion-script check; whatever that
    /// parse does not take for a subcommand is parsed again by the real root, which writes every help
    /// text, completion script and usage error. None of them names the root twice.
    @Test func whatTheFirstParseDeclinesReadsAsTheRootsOwn() async throws {
        let script = try await Blueprint.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.standardOutput.contains("-F _blueprint blueprint\n"), "\(script.standardOutput.prefix(200))")
        let helpCommand = try await Blueprint.run(["help", "lint"], environment: ["COLUMNS": "1000"])
        #expect(helpCommand.standardOutput.contains("USAGE: blueprint lint"))
        let noCommand = try await Blueprint.run([], environment: ["COLUMNS": "1000"])
        #expect(noCommand.standardOutput.contains("USAGE: blueprint <subcommand>"))
        let unknown = try await Blueprint.run(["lint", "--bogus"])
        #expect(unknown.status == 2 && unknown.standardError.contains("Usage: blueprint lint"))
        for result in [helpCommand, noCommand, unknown] {
            #expect(!(result.standardOutput + result.standardError).lowercased().contains("usage: blueprint blueprint"))
        }
    }
}
