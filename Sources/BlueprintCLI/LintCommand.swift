import ArgumentParser
import BlueprintAnalysis
import BlueprintLanguage
import BlueprintLint
import BlueprintReport
import Foundation

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

/// `--lang`: the language of messages.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
    case auto

    var choice: LanguageChoice {
        switch self {
        case .en: .fixed(.en)
        case .zhHans: .fixed(.zhHans)
        case .zhHant: .fixed(.zhHant)
        case .auto: .auto
        }
    }
}

/// Options every command that reads blueprints shares.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Language of messages: en, zh-Hans, zh-Hant, or auto (each file's 'locale').", valueName: "language"))
    var lang: LanguageOption = .auto

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp(
        "The path standard input ('-') stands for, for its configuration and in messages.", valueName: "path"))
    var stdinFilename: String?

    func workspace() -> Workspace { Workspace() }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check blueprint files against the language and the lint rules.",
        discussion: """
        Folders are searched recursively for .blueprint files; '-' reads standard input. Rule \
        severities come from the nearest .blueprintlint.yml above each file. --fix applies the fixes \
        that have one obvious meaning (a single "did you mean" candidate, ASCII punctuation for \
        full-width, durations written with words) and rewrites the files atomically, then reports what \
        is left; with --dry-run it prints a unified diff instead and writes nothing.

        Exit status: 0 when no error was found, 1 when one was (or a warning, with --strict), 2 when \
        a file or a configuration file could not be read, or an option is wrong.
        """
    )

    @Argument(help: "Files and folders to lint; '-' for standard input.")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif (SARIF 2.1.0) or github (workflow annotations).")
    var format: ReportFormat = .text

    @Flag(help: "Fail the run on warnings too.")
    var strict = false

    @Flag(help: "Apply the safe fixes and rewrite the files.")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: print the changes as a unified diff, write nothing.")
    var dryRun = false

    @OptionGroup var analysis: AnalysisOptions

    @Option(help: ArgumentHelp("Explain a rule, with a bad and a good example, and exit.", valueName: "rule"))
    var explain: String?

    func validate() throws {
        if explain == nil && paths.isEmpty {
            throw ValidationError("give at least one file or folder to lint, or '-' for standard input")
        }
        if dryRun && !fix { throw ValidationError("--dry-run goes with --fix") }
    }

    func run() throws {
        if let explain {
            writeOutput(try ruleExplanation(explain, language: analysis.lang.helpLanguage))
            return
        }
        let inputs = InputFiles(paths.filter { $0 != "-" })
        let paths = (self.paths.contains("-") ? ["-"] : []) + inputs.paths
        var transform: (@Sendable (Document) -> Document)?
        if fix { transform = { document in document.applyingSafeFixes().document } }
        let run = LintRun(paths: paths, missing: inputs.missing, workspace: analysis.workspace(), language: analysis.lang.choice,
                          standardInputName: analysis.stdinFilename, transform: transform)
        for failure in run.failures { printError(failure) }
        var writeFailed = false
        if fix { writeFailed = !applyFixes(run) }
        let reports = run.reports
        let output: String = switch format {
        case .text: TextReporter(colour: standardOutputWantsColour()).render(reports, filesLinted: reports.count)
        case .json: JSONReporter().render(reports, filesLinted: reports.count)
        case .sarif: SARIFReporter(rules: Linter.descriptors, toolVersion: BlueprintVersion.current).render(reports, filesLinted: reports.count)
        case .github: GitHubReporter().render(reports, filesLinted: reports.count)
        }
        if dryRun {
            // The diff is what standard output carries, for `patch`; the report goes beside it.
            printError(output)
        } else {
            writeOutput(output)
        }
        if !run.failures.isEmpty || writeFailed { throw ExitCode(2) }
        if run.errorCount > 0 || (strict && run.warningCount > 0) { throw ExitCode(1) }
    }

    /// Writes each fixed file back (standard input's to standard output), or prints the diff with
    /// --dry-run. False when a file could not be written.
    private func applyFixes(_ run: LintRun) -> Bool {
        var succeeded = true
        for file in run.files {
            let original = String(decoding: file.original.bytes, as: UTF8.self)
            let fixed = String(decoding: file.document.source.bytes, as: UTF8.self)
            if dryRun {
                writeOutput(UnifiedDiff.make(from: original, to: fixed, oldName: "a/" + file.document.path, newName: "b/" + file.document.path))
            } else if file.path == "-" {
                writeOutput((file.document.source.hasByteOrderMark ? "\u{FEFF}" : "") + fixed)
            } else if fixed != original {
                do {
                    // Through a symbolic link, never over it; atomically, like `fmt`.
                    try OutputDestination(file.path).write(Array((file.document.source.hasByteOrderMark ? "\u{FEFF}" : "").utf8) + file.document.source.bytes,
                                                           named: file.path)
                } catch {
                    printError("\(file.path): error: \(error)")
                    succeeded = false
                }
            }
        }
        return succeeded
    }
}

extension LanguageOption {
    /// Rule help has no file: `auto` is English.
    var helpLanguage: MessageLanguage {
        if case .fixed(let language) = choice { return language }
        return .en
    }
}

/// `--explain RULE`: the rule's help, or a usage error naming the closest rule.
func ruleExplanation(_ name: String, language: MessageLanguage) throws -> String {
    guard let descriptor = Linter.descriptor(for: RuleID(rawValue: name)) else {
        let hint = Suggestion.hint(for: name, among: Linter.ruleIDs.map(\.rawValue))
        throw ValidationError("unknown rule '\(name)'\(hint); 'blueprint rules' lists them all")
    }
    return RuleHelpPrinter.explanation(of: descriptor, language: language)
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every lint rule with its default severity, or explain one."
    )

    @Argument(help: "A rule to explain, with a bad and a good example.")
    var rule: String?

    @Option(help: ArgumentHelp("Language of the texts: en, zh-Hans or zh-Hant.", valueName: "language"))
    var lang: LanguageOption = .auto

    func run() throws {
        if let rule {
            writeOutput(try ruleExplanation(rule, language: lang.helpLanguage))
        } else {
            writeOutput(RuleHelpPrinter.table(Linter.descriptors, language: lang.helpLanguage))
        }
    }
}
