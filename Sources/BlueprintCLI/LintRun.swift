import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEncoding
import Dispatch
import Foundation

/// One file read and analysed.
struct LintedFile: Sendable {
    var path: String
    /// The text as read; `document` may hold it fixed.
    var original: SourceText
    var document: Document
    var report: FileReport
}

/// Lints many files, on every core, through one workspace, and keeps the files that could not be
/// read apart: they make the run exit 2 but do not stop the others.
struct LintRun: Sendable {
    /// Empty unless the run keeps its documents.
    var files: [LintedFile] = []
    /// One per file read, in input order.
    var reports: [FileReport] = []
    /// Missing, unreadable or non-UTF-8 files and bad configuration files, as printable lines.
    var failures: [String] = []

    /// `-` among `paths` is standard input, named `standardInputName` in messages and for finding
    /// its configuration. Without `keepsDocuments` only the reports are kept: each document, with
    /// its syntax tree and model, is freed once reported, and its memory serves the next file.
    init(paths: [String], missing: [String] = [], workspace: Workspace, language: LanguageChoice, regularFilesOnly: Bool = false,
         standardInputName: String? = nil, keepsDocuments: Bool = true, transform: (@Sendable (Document) -> Document)? = nil) {
        failures = missing.map { Self.missingFailure($0, in: language) }
        let outcomes = paths.concurrentMap { path -> Result<(file: LintedFile?, report: FileReport), DocumentLoadError> in
            Result { () throws(DocumentLoadError) in
                let read = try workspace.load(path: path, name: path == "-" ? standardInputName ?? "<stdin>" : path,
                                              regularFileOnly: regularFilesOnly && path != "-")
                let document = transform?(read) ?? read
                let report = document.report(language: language)
                let file = keepsDocuments ? LintedFile(path: path, original: read.source, document: document, report: report) : nil
                return (file, report)
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .success(let linted):
                if let file = linted.file { files.append(file) }
                reports.append(linted.report)
            case .failure(let failure): failures.append(failure.description(in: language.withoutFile))
            }
        }
        // A bad configuration file is reported once, however many files it governs.
        var seen = Set<String>()
        failures = failures.filter { seen.insert($0).inserted }
    }

    /// The documents a workspace read again, and the files it could not.
    init(_ change: WorkspaceChange, missing: [String] = [], language: LanguageChoice) {
        files = change.documents.map { LintedFile(path: $0.path, original: $0.source, document: $0, report: $0.report(language: language)) }
        reports = files.map(\.report)
        failures = missing.map { Self.missingFailure($0, in: language) }
            + change.failures.sorted { $0.key < $1.key }.map { $0.value.description(in: language.withoutFile) }
    }

    static func missingFailure(_ path: String, in language: LanguageChoice) -> String {
        "\(path): error: \(Message(LoadMessage.noSuchInput).text(in: language.withoutFile))"
    }
}

extension LanguageChoice {
    /// For text that has no file's `locale` to follow (rule help, a file that could not be read, a
    /// run that linted nothing): `--lang`, else English.
    var withoutFile: MessageLanguage {
        switch self {
        case .auto: .en
        case .fixed(let language): language
        }
    }
}
