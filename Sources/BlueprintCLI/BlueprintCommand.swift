import ArgumentParser
import Foundation

@main
struct BlueprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blueprint",
        abstract: "Lint, render and format service blueprints.",
        version: BlueprintVersion.current,
        subcommands: [LintCommand.self, RenderCommand.self, FormatCommand.self, RulesCommand.self, PreviewCommand.self]
    )

    /// As ArgumentParser's, except that a usage error exits 2, as the spec asks of every subcommand.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum BlueprintVersion {
    static let current = "0.1.0"
}
