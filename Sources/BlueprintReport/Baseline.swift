import BlueprintDiagnostics
import BlueprintEncoding
import Foundation

/// The findings a team has accepted for now (`lint --write-baseline FILE`), so that `lint --baseline
/// FILE` reports only new ones, as SwiftLint's baseline does. A finding is matched by rule, file
/// and the fingerprint of its line, not by line number, so lines added or moved above it do not
/// bring it back; each recorded finding matches at most one finding of a run.
///
///     {"version":1,"findings":[{"rule":"disconnected-step","file":"cafe.blueprint","line":"0f1e…"}]}
package struct Baseline: Equatable, Sendable {
    package static let formatVersion = 1

    package struct Entry: Hashable, Sendable {
        package var rule: String
        package var file: String
        /// `SourceLineFingerprint` of the finding's line.
        package var line: String
    }

    /// Sorted by file, rule and line fingerprint, so the file diffs well when it is rewritten.
    package private(set) var entries: [Entry]

    package init(_ reports: [FileReport]) {
        entries = reports.flatMap { report in
            report.diagnostics.map { diagnostic in
                Entry(rule: diagnostic.rule.rawValue, file: report.path, line: SourceLineFingerprint.of(diagnostic, in: report.source))
            }
        }
        .sorted { ($0.file, $0.rule, $0.line) < ($1.file, $1.rule, $1.line) }
    }

    package struct ReadError: Error, CustomStringConvertible {
        package var description: String
    }

    /// Reads a baseline written by `serialized()`.
    package init(parsing data: Data) throws(ReadError) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let findings = object["findings"] as? [[String: Any]]
        else { throw ReadError(description: "not a blueprint baseline: expected {\"version\":1,\"findings\":[…]}") }
        guard object["version"] as? Int == Self.formatVersion else {
            throw ReadError(description: "baseline version \(object["version"] ?? "none") is not \(Self.formatVersion)")
        }
        var entries: [Entry] = []
        for finding in findings {
            guard let rule = finding["rule"] as? String, let file = finding["file"] as? String, let line = finding["line"] as? String else {
                throw ReadError(description: "a finding needs \"rule\", \"file\" and \"line\" strings")
            }
            entries.append(Entry(rule: rule, file: file, line: line))
        }
        self.entries = entries
    }

    /// Indented JSON, one finding per line.
    package func serialized() -> String {
        let findings = entries.map { entry in
            "    " + JSONValue(["rule": .string(entry.rule), "file": .string(entry.file), "line": .string(entry.line)]).serialized(pretty: false)
        }
        return "{\n  \"version\": \(Self.formatVersion),\n  \"findings\": [\n" + findings.joined(separator: ",\n")
            + (findings.isEmpty ? "" : "\n") + "  ]\n}\n"
    }

    /// `reports` without the findings this baseline records.
    package func newFindings(in reports: [FileReport]) -> [FileReport] {
        var remaining: [Entry: Int] = [:]
        for entry in entries { remaining[entry, default: 0] += 1 }
        return reports.map { report in
            var kept = report
            kept.diagnostics = report.diagnostics.filter { diagnostic in
                let entry = Entry(rule: diagnostic.rule.rawValue, file: report.path, line: SourceLineFingerprint.of(diagnostic, in: report.source))
                guard let count = remaining[entry], count > 0 else { return true }
                remaining[entry] = count - 1
                return false
            }
            return kept
        }
    }
}
