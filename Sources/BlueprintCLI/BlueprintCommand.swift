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
            Renderer.prepare(measurementCache: UserCache.measuredTextFile)
        }
        var parsed: ParsableCommand
        do {
            parsed = try parseCommand()
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

    /// The subcommand the arguments name. ArgumentParser's root first makes two whole parses that look
    /// for `--generate-completion-script`; a root that differs only by ArgumentParser's switch for
    /// that check parses first. Whatever it does not take for one of the subcommands (no subcommand,
    /// `help`, `--version`, a completion request, an error) is parsed again by this root, so every
    /// message, help text and exit status is this root's.
    private static func parseCommand() throws -> ParsableCommand {
        if let command = try? RootWithoutCompletionCheck.parseAsRoot(),
            configuration.subcommands.contains(where: { ObjectIdentifier($0) == ObjectIdentifier(type(of: command)) })
        {
            return command
        }
        return try parseAsRoot()
    }

    private static func exitOnParseError(_ error: Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            printError(fullMessage(for: error))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}

/// ``BlueprintCommand``'s configuration with `_superCommandName` set, which is how ArgumentParser
/// skips its completion-script check. Only ever parses: that name would show in its help and usage.
private struct RootWithoutCompletionCheck: ParsableCommand {
    static let configuration = {
        var configuration = BlueprintCommand.configuration
        configuration._superCommandName = configuration.commandName
        return configuration
    }()
}
