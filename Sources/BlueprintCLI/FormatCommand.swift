import ArgumentParser
import BlueprintAnalysis
import BlueprintFormat
import BlueprintDiagnostics
import BlueprintReport
import Foundation

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite blueprint files in the canonical layout, keeping every comment.",
        discussion: """
        Folders are searched recursively for .blueprint files; '-' reads standard input and writes the \
        formatted text to standard output. A file with syntax errors is left as it is.

        --check lists the names of the files that are not formatted; --diff prints their changes as a \
        unified diff, for `patch`. Neither writes anything.

        Exit status: 0 when every file is formatted, 1 when a file has syntax errors (or, with --check \
        or --diff, is not formatted), 2 when a file could not be read or written.
        """
    )

    @Argument(help: "Files and folders to format; '-' for standard input.")
    var paths: [String] = []

    @Flag(help: "Change nothing: list the files that are not formatted, and exit 1 if there is one.")
    var check = false

    @Flag(help: "Change nothing: print the changes as a unified diff, and exit 1 if there is one.")
    var diff = false

    @Flag(help: "Print only the diagnostics of files with syntax errors, without a summary line.")
    var quiet = false

    @OptionGroup var color: ColorOption

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("give at least one file or folder to format, or '-' for standard input")
        }
        if check && diff { throw ValidationError("--check lists the files and --diff shows their changes: give one") }
    }

    func run() throws {
        var run = FormatRun(mode: check ? .check : diff ? .diff : .write)
        if paths.contains("-") { run.formatStandardInput() }
        let inputs = InputFiles(paths.filter { $0 != "-" })
        for missing in inputs.missing { run.fail(LintRun.missingFailure(missing, in: .auto)) }
        for path in inputs.paths { run.formatFile(path) }
        if !run.syntaxErrorReports.isEmpty {
            printError(TextReporter(colour: color.standardError, printsSummary: !quiet).render(run.syntaxErrorReports))
        }
        if run.exitCode != 0 { throw ExitCode(run.exitCode) }
    }
}

/// The files of one `fmt` run and the worst outcome so far.
private struct FormatRun {
    enum Mode {
        /// Rewrite the files, standard input to standard output.
        case write
        /// List the files that are not formatted.
        case check
        /// Print the changes as a unified diff.
        case diff
    }

    let mode: Mode
    /// 0 all formatted, 1 syntax errors or (with --check) a file to format, 2 a file not read or written.
    private(set) var exitCode: Int32 = 0
    /// Files left untouched because of syntax errors, printed together at the end like lint's.
    private(set) var syntaxErrorReports: [FileReport] = []

    init(mode: Mode) { self.mode = mode }

    mutating func formatFile(_ path: String) {
        guard let (source, formatted) = load(path) else { return }
        guard !isUnchanged(formatted, source) else { return }
        if mode != .write {
            reportUnformatted(path, source, formatted)
            return
        }
        // Through a symbolic link, not over it.
        do {
            try OutputDestination(path).write(Array(formatted.utf8), named: path, replacing: source.fileBytes)
        } catch {
            fail("\(path): error: \(error)")
        }
    }

    mutating func formatStandardInput() {
        guard let (source, formatted) = load("-") else { return }
        if mode == .write {
            writeOutput(formatted)
        } else if !isUnchanged(formatted, source) {
            reportUnformatted("-", source, formatted)
        }
    }

    mutating func fail(_ message: String) {
        printError(message)
        exitCode = 2
    }

    /// The source and its canonical text, or nil when it cannot be read or does not parse.
    private mutating func load(_ path: String) -> (SourceText, String)? {
        let source: SourceText
        do {
            source = try loadSource(path)
        } catch {
            fail(error.description)
            return nil
        }
        do {
            return (source, try Document(path: path, source: source).formatted())
        } catch {
            syntaxErrorReports.append(FileReport(path: path, source: source, diagnostics: error.diagnostics))
            exitCode = max(exitCode, 1)
            return nil
        }
    }

    /// Its name with --check, its changes with --diff.
    private mutating func reportUnformatted(_ path: String, _ source: SourceText, _ formatted: String) {
        if mode == .diff {
            let original = (source.hasByteOrderMark ? "\u{FEFF}" : "") + String(decoding: source.bytes, as: UTF8.self)
            writeOutput(UnifiedDiff.make(from: original, to: formatted,
                                         oldName: "a/" + path, newName: "b/" + path))
        } else {
            writeOutput(path + "\n")
        }
        exitCode = max(exitCode, 1)
    }

    /// Whether the file's bytes are its canonical text already (which keeps its byte-order mark).
    private func isUnchanged(_ formatted: String, _ source: SourceText) -> Bool {
        let byteOrderMarkLength = source.hasByteOrderMark ? 3 : 0
        let text = formatted.utf8
        return text.count == byteOrderMarkLength + source.bytes.count
            && text.dropFirst(byteOrderMarkLength).elementsEqual(source.bytes)
    }
}
