import BlueprintDiagnostics
import BlueprintEncoding

/// GitLab's code quality report (a subset of Code Climate's format), which merge requests show
/// next to the changed lines when a job uploads it as `artifacts:reports:codequality`:
///
///     [{"type":"issue","check_name":"undefined-reference","description":"…","severity":"major",
///       "fingerprint":"…","location":{"path":"flows.blueprint","lines":{"begin":12}}}]
///
/// Errors are `major`, warnings `minor`. The fingerprint comes from the rule, the file, the text
/// of the line and the finding's rank among those alike, so GitLab tracks a finding across commits
/// that move its line, and two alike findings stay apart.
package struct GitLabReporter: DiagnosticReporter {
    package init() {}

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var issues: [JSONValue] = []
        for report in ReportOrder.sorted(reports) {
            var seen: [String: Int] = [:]
            for diagnostic in report.diagnostics {
                let key = [diagnostic.rule.rawValue, report.path, SourceLineFingerprint.of(diagnostic, in: report.source)].joined(separator: "\u{0}")
                let rank = seen[key, default: 0]
                seen[key] = rank + 1
                issues.append(JSONValue([
                    "type": .string("issue"),
                    "check_name": .string(diagnostic.rule.rawValue),
                    "description": .string(diagnostic.message(in: report.language)),
                    "severity": .string(diagnostic.severity == .error ? "major" : "minor"),
                    "fingerprint": .string(SourceLineFingerprint.digest((key + "\u{0}\(rank)").utf8)),
                    "location": JSONValue([
                        "path": .string(report.path),
                        "lines": JSONValue(["begin": .int(diagnostic.position.line)]),
                    ]),
                ]))
            }
        }
        return JSONValue.array(issues).serialized(pretty: true) + "\n"
    }
}
