import BlueprintDiagnostics
import BlueprintEncoding

/// The JSON format of spec section 6, on one line:
/// `{"version":1,"files":N,"errors":E,"warnings":W,"diagnostics":[{"file":…,"line":…,"column":…,"severity":…,"rule":…,"message":…}]}`.
///
/// After the spec's keys, each diagnostic also has `endLine` and `endColumn` (where its range ends, exclusive), `related`
/// (other places that explain it, each `{"line","column","endLine","endColumn","message"}`) and
/// `fixes` (each `{"title","safe","kind","edits":[{"line","column","endLine","endColumn","text"}]}`,
/// `kind` being `correction` or `suppression`). Messages are in each file's report language.
///
/// A file keeps at most `Linter.diagnosticLimit` diagnostics: `errors` and `warnings` count them
/// all, and `omitted` (present only when some were) says how many are not in `diagnostics`.
package struct JSONReporter: DiagnosticReporter {
    /// The `version` member: the shape of this document, bumped only when it changes incompatibly.
    package static let formatVersion = 1

    package init() {}

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        let summary = RunSummary(reports, filesLinted: filesLinted)
        let omitted = reports.reduce(0) { $0 + $1.omitted.total }
        let header = JSONValue([
            "version": .int(Self.formatVersion),
            "files": .int(filesLinted),
            "errors": .int(summary.errors),
            "warnings": .int(summary.warnings),
            "omitted": omitted > 0 ? .int(omitted) : nil,
        ]).serialized(pretty: false)
        // One diagnostic's tree at a time: the whole document's would cost several times its text.
        var output = String(header.dropLast()) + #","diagnostics":["#
        var first = true
        for report in ReportOrder.sorted(reports) {
            for diagnostic in report.diagnostics {
                if !first { output += "," }
                first = false
                Self.diagnostic(diagnostic, file: report.path, language: report.language).write(to: &output)
            }
        }
        return output + "]}\n"
    }

    static func diagnostic(_ diagnostic: Diagnostic, file: String, language: MessageLanguage) -> JSONValue {
        JSONValue([
            "file": .string(file),
            "line": .int(diagnostic.range.start.line),
            "column": .int(diagnostic.range.start.column),
            "severity": .string(diagnostic.severity.rawValue),
            "rule": .string(diagnostic.rule.rawValue),
            "message": .string(diagnostic.message(in: language)),
            "endLine": .int(diagnostic.range.end.line),
            "endColumn": .int(diagnostic.range.end.column),
            "related": .array(diagnostic.related.map { related in
                JSONValue(range(related.range, [("message", .string(related.message.text(in: language)))]))
            }),
            "fixes": .array(diagnostic.fixes.map { fix in
                JSONValue([
                    "title": .string(fix.title.text(in: language)),
                    "safe": .bool(fix.isSafe),
                    "kind": .string(fix.kind == .correction ? "correction" : "suppression"),
                    "edits": .array(fix.edits.map { edit in JSONValue(range(edit.range, [("text", .string(edit.replacement))])) }),
                ])
            }),
        ])
    }

    private static func range(_ range: SourceRange, _ more: [(String, JSONValue?)]) -> [(String, JSONValue?)] {
        [("line", .int(range.start.line)), ("column", .int(range.start.column)),
         ("endLine", .int(range.end.line)), ("endColumn", .int(range.end.column))] + more
    }
}
