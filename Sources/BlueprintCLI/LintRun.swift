import BlueprintConfig
import BlueprintLanguage
import BlueprintLint
import Dispatch
import Foundation

/// One file read and linted.
struct LintedFile: Sendable {
    var path: String
    var result: LintResult
    var report: FileReport
}

/// Lints many files, on every core, and keeps the files that could not be
/// read apart: they make the run exit 2 but do not stop the others.
struct LintRun: Sendable {
    var files: [LintedFile] = []
    /// Missing, unreadable or non-UTF-8 files and bad configuration files, as printable lines.
    var failures: [String] = []

    init(paths: [String], missing: [String] = []) {
        failures = missing.map { "\($0): error: no such file or folder" }
        let resolver = ConfigurationResolver(knownRules: Linter.ruleIDs)
        let outcomes = paths.concurrentMap { path -> Result<LintedFile, Failure> in
            do throws(LoadError) {
                let source = try loadSource(path)
                let configuration: LintConfiguration
                do throws(ConfigurationError) {
                    configuration = try resolver.configuration(forFile: path)
                } catch {
                    return .failure(Failure(message: error.description))
                }
                let result = Linter(configuration: configuration).lint(source)
                return .success(LintedFile(path: path, result: result,
                                           report: FileReport(path: path, source: source, diagnostics: result.diagnostics)))
            } catch {
                return .failure(Failure(message: error.description))
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let failure): failures.append(failure.message)
            }
        }
        // A bad configuration file is reported once, however many files it governs.
        var seen = Set<String>()
        failures = failures.filter { seen.insert($0).inserted }
    }

    struct Failure: Error {
        var message: String
    }

    var reports: [FileReport] { files.map(\.report) }
    var errorCount: Int { files.reduce(0) { $0 + $1.report.errorCount } }
    var warningCount: Int { files.reduce(0) { $0 + $1.report.warningCount } }
}
