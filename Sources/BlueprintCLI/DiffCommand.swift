import ArgumentParser
import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintDiff
import BlueprintLint
import BlueprintReport
import Foundation

extension DiffFormat: ArgumentChoice {}
extension DiffFailure: ArgumentChoice {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a blueprint: what changed, and what it does to the promises.",
        discussion: """
        Steps, evidence items, flows, recovery links, phases and metadata are matched by id; a step \
        whose id alone changed (same lane, label and flows) is a rename. Every promise is shown \
        before and after (worst case, kept or broken, and with language 1.2 the share of customers \
        in time), with each step's utilisation and queue wait, the lint findings the change \
        introduces or fixes, and a summary. Text is in each file's language.

        'blueprint diff OLD NEW' compares two files. 'blueprint diff --git [REV] PATH...' compares \
        working files with a git revision (HEAD by default; the first argument is the revision \
        when it is not a file); a file the revision lacks is compared with an empty blueprint.

        Exit status: 0 when nothing matched --fail-on (or without it), 1 when something did, 2 when \
        it could not run: a file missing, unreadable or with syntax errors, not in a git repository, \
        an unknown revision, or a wrong option.
        """
    )

    @Argument(help: "OLD NEW, or with --git: [REV] PATH...")
    var paths: [String] = []

    @Flag(help: "Compare working files with a git revision (HEAD unless the first argument names one).")
    var git = false

    @Option(help: "Output format: text, json, or markdown (for a pull-request comment or a job summary).")
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit 1 when the change breaks a promise (broken-promise), adds a lint error (new-error), or changes anything (any).",
        valueName: "condition"))
    var failOn: DiffFailure?

    @OptionGroup var analysis: AnalysisOptions

    @OptionGroup var color: ColorOption

    func validate() throws {
        if git {
            if paths.isEmpty { throw ValidationError("give the files to compare with the revision") }
        } else if paths.count != 2 {
            throw ValidationError("give two files, OLD and NEW, or use --git")
        }
    }

    func run() throws {
        let workspace = analysis.workspace()
        var comparisons: [BlueprintComparison] = []
        do {
            if git {
                comparisons = try gitComparisons(workspace: workspace)
            } else {
                comparisons = [BlueprintComparison(old: try input.document(paths[0], workspace: workspace),
                                                   new: try input.document(paths[1], workspace: workspace), oldPath: paths[0], newPath: paths[1])]
            }
        } catch {
            printError(String(describing: error))
            throw ExitCode(2)
        }
        let language: MessageLanguage? = if case .fixed(let language) = analysis.lang.choice { language } else { nil }
        writeOutput(DiffReport.write(comparisons, format: format, colour: format == .text && color.standardOutput, language: language))
        if let failOn, comparisons.contains(where: failOn.matches) { throw ExitCode(1) }
    }

    private var input: ComparedFiles { ComparedFiles(language: analysis.lang.choice, colour: color.standardError) }

    // MARK: Git

    private func gitComparisons(workspace: Workspace) throws -> [BlueprintComparison] {
        var files = paths
        var revision = "HEAD"
        if !FileManager.default.fileExists(atPath: files[0]),
           Self.git(["rev-parse", "--verify", "--quiet", files[0] + "^{commit}"], in: ".").status == 0 {
            revision = files.removeFirst()
        }
        guard !files.isEmpty else { throw DiffError(description: "error: give the files to compare with \(revision)") }
        var comparisons: [BlueprintComparison] = []
        for path in files {
            let folder = (path as NSString).deletingLastPathComponent
            let directory = folder.isEmpty ? "." : folder
            guard Self.git(["rev-parse", "--show-toplevel"], in: directory).status == 0 else {
                throw DiffError(description: "\(path): error: not in a git repository")
            }
            guard Self.git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: directory).status == 0 else {
                throw DiffError(description: "\(path): error: '\(revision)' is not a revision of this repository")
            }
            let name = "./" + (path as NSString).lastPathComponent
            let shown = Self.git(["show", revision + ":" + name], in: directory)
            let exists = FileManager.default.fileExists(atPath: path)
            let old: Document?
            if shown.status == 0 {
                guard shown.output.count <= maximumSourceBytes else { throw DiffError(description: "\(path): error: larger than 64 MiB in \(revision)") }
                let label = revision + ":" + path
                let source: SourceText
                do {
                    source = try SourceText(bytes: shown.output)
                } catch {
                    throw DiffError(description: "\(label):\(error.position.line):\(error.position.column): error: \(error); blueprint files are UTF-8")
                }
                // Linted under the configuration of the working file, as its other version is.
                let configuration: LintConfiguration
                do {
                    configuration = try workspace.configuration(forPath: path)
                } catch {
                    throw DiffError(description: error.description)
                }
                let document = Document(path: label, source: source, configuration: configuration, promiseWork: workspace.promiseWork)
                old = source.bytes.isEmpty ? nil : try input.checked(document)
            } else if exists {
                printError("\(path): note: not in \(revision); compared with an empty blueprint")
                old = nil
            } else {
                throw DiffError(description: "\(path): error: neither in \(revision) nor in the working tree")
            }
            let new = exists ? try input.document(path, workspace: workspace) : nil
            if !exists { printError("\(path): note: not in the working tree; compared with an empty blueprint") }
            comparisons.append(BlueprintComparison(old: old, new: new, oldPath: revision + ":" + path, newPath: path))
        }
        return comparisons
    }

    /// Runs git in `directory`; its standard output as bytes, and its exit status (127 when git cannot be started).
    private static func git(_ arguments: [String], in directory: String) -> (status: Int32, output: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (127, [])
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](data))
    }
}

/// Reads the files of a comparison (`diff`, `render --compare`): only a file that parses can be compared.
struct ComparedFiles {
    var language: LanguageChoice
    /// Whether the syntax errors printed on standard error get colours.
    var colour: Bool

    /// The document of the file at `path`, checked; nil for an empty file (`/dev/null`, which git
    /// gives a difftool for a file added or deleted), compared as an empty blueprint.
    func document(_ path: String, workspace: Workspace) throws -> Document? {
        let loaded: Document
        do {
            loaded = try workspace.load(path: path)
        } catch {
            throw DiffError(description: error.description)
        }
        return loaded.source.bytes.isEmpty ? nil : try checked(loaded)
    }

    /// `document` when it parses; otherwise its syntax errors, each with file, line and column.
    func checked(_ document: Document) throws -> Document {
        let syntaxErrors = document.diagnostics.filter { $0.rule == .syntax }
        guard syntaxErrors.isEmpty else {
            let report = FileReport(path: document.path, source: document.source, diagnostics: syntaxErrors, language: document.language(for: language))
            throw DiffError(description: TextReporter(colour: colour, printsSummary: false).render([report], filesLinted: 1))
        }
        return document
    }
}

/// Why a comparison could not run: printed as it is, exit 2.
struct DiffError: Error, CustomStringConvertible {
    var description: String
}
