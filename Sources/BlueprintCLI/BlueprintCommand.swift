import ArgumentParser
import BlueprintAnalysis
import BlueprintRender
import Foundation

@main
struct BlueprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blueprint",
        abstract: "Lint, render and format service blueprints.",
        discussion: """
        Shell completions: 'blueprint --generate-completion-script bash' (or zsh, fish) prints the \
        script for that shell; scripts/install.sh installs all three with the man page.
        """,
        version: BlueprintVersion.current,
        subcommands: [LintCommand.self, RenderCommand.self, AnalyzeCommand.self, ExportCommand.self, ImportCommand.self, DiffCommand.self, FormatCommand.self, RulesCommand.self, InitCommand.self,
                      LspCommand.self, PreviewCommand.self, ManualCommand.self]
    )

    /// As ArgumentParser's, except that a usage error exits 2, as the spec asks of every subcommand,
    /// and one found while running names the subcommand's usage, not the top-level one.
    static func main() {
        // A render loads pango and its fonts while its arguments are parsed and its files read and
        // checked: the loading takes as long as all of that for a typical file.
        if CommandLine.arguments.dropFirst().first == RenderCommand.configuration.commandName {
            Renderer.prepare()
        }
        var parsed: ParsableCommand
        do {
            parsed = try parseAsRoot()
        } catch {
            exitOnParseError(error)
        }
        do {
            try parsed.run()
        } catch let error as ValidationError {
            let subcommand = type(of: parsed)
            let name = subcommand.configuration.commandName ?? ""
            printError("Error: \(error.message)\nUsage: \(usageString(for: subcommand))\n  See 'blueprint \(name) --help' for more information.")
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }

    private static func exitOnParseError(_ error: Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}

