import BlueprintLanguage

/// The JSON format of spec section 6, on one line:
/// `{"version":1,"files":N,"errors":E,"warnings":W,"diagnostics":[{"file":…,"line":…,"column":…,"severity":…,"rule":…,"message":…}]}`.
public struct JSONReporter: DiagnosticReporter {
    /// The `version` member: the shape of this document, bumped only when it changes incompatibly.
    public static let formatVersion = 1

    public init() {}

    public func render(_ reports: [FileReport], filesLinted: Int) -> String {
        let summary = RunSummary(reports, filesLinted: filesLinted)
        let diagnostics = ReportOrder.sorted(reports).flatMap { report in
            report.diagnostics.map { diagnostic in
                JSONValue([
                    "file": .string(report.path),
                    "line": .int(diagnostic.position.line),
                    "column": .int(diagnostic.position.column),
                    "severity": .string(diagnostic.severity.rawValue),
                    "rule": .string(diagnostic.rule.rawValue),
                    "message": .string(diagnostic.message),
                ])
            }
        }
        let document = JSONValue([
            "version": .int(Self.formatVersion),
            "files": .int(filesLinted),
            "errors": .int(summary.errors),
            "warnings": .int(summary.warnings),
            "diagnostics": .array(diagnostics),
        ])
        return document.serialized(pretty: false) + "\n"
    }
}
