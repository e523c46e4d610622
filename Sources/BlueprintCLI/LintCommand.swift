import ArgumentParser
import BlueprintLanguage
import BlueprintLint
import BlueprintReport

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check blueprint files against the language and the lint rules.",
        discussion: """
        Folders are searched recursively for .blueprint files. Rule severities come from the \
        nearest .blueprintlint.yml above each file. Exit status: 0 when no error was found, \
        1 when one was (or a warning, with --strict), 2 when a file could not be read.
        """
    )

    @Argument(help: "Files and folders to lint.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
    var format: ReportFormat = .text

    @Flag(help: "Fail the run on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("Explain a rule, with a bad and a good example, and exit.", valueName: "rule"))
    var explain: String?

    func validate() throws {
        if explain == nil && paths.isEmpty {
            throw ValidationError("give at least one file or folder to lint")
        }
    }

    func run() throws {
        if let explain {
            writeOutput(try ruleExplanation(explain))
            return
        }
        let inputs = InputFiles(paths)
        let run = LintRun(paths: inputs.paths, missing: inputs.missing)
        for failure in run.failures { printError(failure) }
        let reports = run.reports
        let output: String = switch format {
        case .text: TextReporter(colour: standardOutputWantsColour()).render(reports, filesLinted: reports.count)
        case .json: JSONReporter().render(reports, filesLinted: reports.count)
        case .sarif: SARIFReporter(rules: Linter.descriptors, toolVersion: BlueprintVersion.current).render(reports, filesLinted: reports.count)
        case .github: GitHubReporter().render(reports, filesLinted: reports.count)
        }
        writeOutput(output)
        if !run.failures.isEmpty { throw ExitCode(2) }
        if run.errorCount > 0 || (strict && run.warningCount > 0) { throw ExitCode(1) }
    }
}

/// `--explain RULE`: the rule's help, or a usage error naming the closest rule.
func ruleExplanation(_ name: String) throws -> String {
    guard let descriptor = Linter.descriptor(for: RuleID(rawValue: name)) else {
        let hint = Suggestion.hint(for: name, among: Linter.ruleIDs.map(\.rawValue))
        throw ValidationError("unknown rule '\(name)'\(hint); 'blueprint rules' lists them all")
    }
    return RuleHelpPrinter.explanation(of: descriptor)
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every lint rule with its default severity, or explain one."
    )

    @Argument(help: "A rule to explain, with a bad and a good example.")
    var rule: String?

    func run() throws {
        if let rule {
            writeOutput(try ruleExplanation(rule))
        } else {
            writeOutput(RuleHelpPrinter.table(Linter.descriptors))
        }
    }
}
