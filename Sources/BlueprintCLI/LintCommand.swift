import ArgumentParser
import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintReport
import Foundation

enum ReportFormat: String, ArgumentChoice {
    case text, json, sarif, github, checkstyle, junit, gitlab
}

/// `--lang`: the language of messages.
enum LanguageOption: String, ArgumentChoice {
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

    @Option(help: ArgumentHelp(
        "Use this configuration file for every file, instead of the nearest .blueprintlint.yml.", valueName: "file"))
    var config: String?

    func workspace() -> Workspace { Workspace(configurationFile: config) }
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check blueprint files against the language and the lint rules.",
        discussion: """
        Folders are searched recursively for .blueprint files; '-' reads standard input. Rule \
        severities come from the nearest .blueprintlint.yml above each file, or from --config. \
        --fix applies the fixes that have one obvious meaning (a single "did you mean" candidate, \
        ASCII punctuation for full-width, durations written with words) and rewrites the files \
        atomically, then reports what is left (for '-', standard output carries only the fixed text \
        and the report goes to standard error); with --dry-run it prints a unified diff instead and \
        writes nothing.

        To adopt the linter on existing files, record today's findings with --write-baseline FILE \
        and lint with --baseline FILE from then on: only new findings are reported. A finding is \
        matched by rule, file and the text of its line, so lines moved or added above it do not \
        bring it back. Run both from the same folder: files are matched by the path printed.

        Exit status: 0 when no error was found, 1 when one was (or a warning, with --strict), 2 when \
        it could not run: a file or folder is missing, unreadable, not UTF-8 or larger than 64 MiB; \
        a folder holds no .blueprint file (without --allow-empty); a configuration file or a \
        baseline is missing or broken; a fixed file or the baseline could not be written; or an \
        option is wrong.
        """
    )

    @Argument(help: "Files and folders to lint; '-' for standard input.")
    var paths: [String] = []

    @Option(help: """
        Output format: text, json, sarif (SARIF 2.1.0), github (workflow annotations), checkstyle (XML), \
        junit (XML) or gitlab (GitLab code quality JSON).
        """)
    var format: ReportFormat = .text

    @Flag(help: "Print only the diagnostics, without the summary line.")
    var quiet = false

    @OptionGroup var color: ColorOption

    @Flag(name: .customLong("allow-empty"), help: "Succeed when the folders hold no .blueprint file (by default exit 2).")
    var allowEmpty = false

    @Option(help: ArgumentHelp("Report only the findings this baseline does not record.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Record every finding of this run in this baseline file, and exit 0 unless the run could not be made.",
        valueName: "file"))
    var writeBaseline: String?

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
        if let explain { _ = try ruleExplanation(explain, language: analysis.lang.choice.withoutFile) }
    }

    func run() throws {
        if let explain {
            writeOutput(try ruleExplanation(explain, language: analysis.lang.choice.withoutFile))
            return
        }
        let inputs = InputFiles(paths.filter { $0 != "-" })
        if !allowEmpty, !self.paths.contains("-"), let nothingFound = inputs.nothingFoundMessage {
            printError("error: \(nothingFound); --allow-empty accepts that")
            throw ExitCode(2)
        }
        let acceptedFindings = try readBaseline()
        let paths = (self.paths.contains("-") ? ["-"] : []) + inputs.paths
        var transform: (@Sendable (Document) -> Document)?
        if fix { transform = { document in document.applyingSafeFixes().document } }
        let run = LintRun(paths: paths, missing: inputs.missing, workspace: analysis.workspace(), language: analysis.lang.choice,
                          standardInputName: analysis.stdinFilename, keepsDocuments: fix, transform: transform)
        for failure in run.failures { printError(failure) }
        var writeFailed = false
        if fix { writeFailed = !applyFixes(run) }
        if let writeBaseline {
            do {
                try OutputDestination(writeBaseline).write(Array(Baseline(run.reports).serialized().utf8), named: writeBaseline)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        let reports = acceptedFindings?.newFindings(in: run.reports) ?? run.reports
        let output = reporter.render(reports, filesLinted: reports.count)
        if reportGoesToStandardError {
            printError(output)
        } else {
            writeOutput(output)
        }
        if !run.failures.isEmpty || writeFailed { throw ExitCode(2) }
        if writeBaseline != nil { return }
        let summary = RunSummary(reports, filesLinted: reports.count)
        if summary.errors > 0 || (strict && summary.warnings > 0) { throw ExitCode(1) }
    }

    /// With --dry-run standard output carries the diff, for `patch`; with --fix on '-' it carries
    /// the fixed text, for editor filters and hooks. The report then goes beside it.
    private var reportGoesToStandardError: Bool { dryRun || (fix && paths.contains("-")) }

    private var reporter: any DiagnosticReporter {
        let summaryLanguage = analysis.lang.choice.withoutFile
        switch format {
        case .text:
            var reporter = TextReporter(colour: color.wantsColour(on: reportGoesToStandardError ? STDERR_FILENO : STDOUT_FILENO), printsSummary: !quiet)
            reporter.summaryLanguage = summaryLanguage
            return reporter
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(rules: Document.rules, toolVersion: BlueprintVersion.current)
        case .github:
            var reporter = GitHubReporter(printsSummary: !quiet)
            reporter.summaryLanguage = summaryLanguage
            return reporter
        case .checkstyle: return CheckstyleReporter()
        case .junit: return JUnitReporter()
        case .gitlab: return GitLabReporter()
        }
    }

    /// The baseline given with --baseline; a missing or broken one stops the run (exit 2), as a
    /// silently empty baseline would report every accepted finding as new.
    private func readBaseline() throws -> Baseline? {
        guard let baseline else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: baseline))
            return try Baseline(parsing: data)
        } catch let error as Baseline.ReadError {
            printError("\(baseline): error: \(error)")
        } catch {
            printError("\(baseline): error: cannot read the baseline: \(error.localizedDescription)")
        }
        throw ExitCode(2)
    }

    /// Writes each fixed file back (standard input's to standard output), or prints the diff with
    /// --dry-run. False when a file could not be written.
    private func applyFixes(_ run: LintRun) -> Bool {
        var succeeded = true
        for file in run.files {
            let fixed = file.document.source
            if dryRun {
                writeOutput(UnifiedDiff.make(from: String(decoding: file.original.bytes, as: UTF8.self),
                                             to: String(decoding: fixed.bytes, as: UTF8.self),
                                             oldName: "a/" + file.document.path, newName: "b/" + file.document.path))
            } else if file.path == "-" {
                writeOutput(String(decoding: fixed.fileBytes, as: UTF8.self))
            } else if fixed.bytes != file.original.bytes {
                do {
                    // Through a symbolic link, never over it; atomically, like `fmt`.
                    try OutputDestination(file.path).write(fixed.fileBytes, named: file.path, replacing: file.original.fileBytes)
                } catch {
                    printError("\(file.path): error: \(error)")
                    succeeded = false
                }
            }
        }
        return succeeded
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
        abstract: "List every lint rule with its default severity, or explain one.",
        discussion: "Exit status: 0, or 2 for an unknown rule or a wrong option."
    )

    @Argument(help: "A rule to explain, with a bad and a good example.")
    var rule: String?

    @Option(help: ArgumentHelp("Language of the texts: en, zh-Hans or zh-Hant.", valueName: "language"))
    var lang: LanguageOption = .auto

    @OptionGroup var color: ColorOption

    func validate() throws {
        if let rule { _ = try ruleExplanation(rule, language: lang.choice.withoutFile) }
    }

    func run() throws {
        let text = if let rule {
            try ruleExplanation(rule, language: lang.choice.withoutFile)
        } else {
            RuleHelpPrinter.table(Document.rules, language: lang.choice.withoutFile)
        }
        writeOutput(color.standardOutput ? emphasisingFirstLine(text) : text)
    }

    /// The table's header row or the explanation's heading in bold.
    private func emphasisingFirstLine(_ text: String) -> String {
        guard let end = text.firstIndex(of: "\n") else { return text }
        return "\u{1B}[1m" + text[..<end] + "\u{1B}[0m" + text[end...]
    }
}
