import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint

/// Small builders for reports, so each test states only the positions and messages it checks.
enum ReportFixtures {
    /// What the linter finds in `source`, under the default configuration.
    static func diagnostics(of source: SourceText) -> [Diagnostic] {
        Linter().lint(LintContext(syntax: Parser.parse(source), source: source)).diagnostics
    }

    static func diagnostic(
        _ severity: Severity, _ rule: RuleID, _ message: String,
        line: Int, column: Int, endColumn: Int? = nil
    ) -> Diagnostic {
        let start = SourcePosition(line: line, column: column)
        let end = SourcePosition(line: line, column: endColumn ?? column)
        return Diagnostic(severity: severity, rule: rule, message: message, range: SourceRange(start: start, end: end))
    }

    static func report(_ path: String, _ text: String, _ diagnostics: [Diagnostic]) -> FileReport {
        FileReport(path: path, source: SourceText(text), diagnostics: diagnostics)
    }

    static let flowsText = """
        blueprint "Repair"
        customer report "Calls the hotline"
        report -> aproval
        """

    /// The two-file example of the report: an error and a warning in one file, a warning in another.
    static let twoFiles: [FileReport] = [
        report("outage/flows.blueprint", flowsText, [
            diagnostic(.warning, "disconnected-step", "step 'report' is not joined to the journey", line: 2, column: 10, endColumn: 16),
            diagnostic(.error, "undefined-reference", "flow refers to unknown step 'aproval' (did you mean 'approval'?)", line: 3, column: 11, endColumn: 18),
        ]),
        report("outage/申请.blueprint", "blueprint \"申请\"\ncustomer 申请 \"提交申请\", emotion 3\n", [
            diagnostic(.error, "invalid-attribute", "emotion 3 is outside -2…2", line: 2, column: 21, endColumn: 28),
        ]),
    ]

    static let rules: [RuleDescriptor] = [
        RuleDescriptor(
            id: "undefined-reference", defaultSeverity: .error,
            summary: "a flow, recover, evidence or promise names an id that is not declared",
            explanation: "Every id a statement names must be declared. Fix the spelling or declare the step.",
            badExample: "customer a \"A\"\na -> b", goodExample: "customer a \"A\"\ncustomer b \"B\"\na -> b"
        ),
        RuleDescriptor(
            id: "disconnected-step", defaultSeverity: .warning,
            summary: "a step outside the journey",
            explanation: "A step no flow reaches is never part of the service. Link it or remove it.",
            badExample: "customer a \"A\"\nfrontstage b \"B\"", goodExample: "customer a \"A\"\nfrontstage b \"B\"\na -> b"
        ),
        RuleDescriptor(
            id: "invalid-attribute", defaultSeverity: .error,
            summary: "an attribute given twice, an emotion outside -2…2, `tolerance` without `wait`",
            explanation: "Attributes have one value each, within their range.",
            badExample: "customer a \"A\", emotion 3", goodExample: "customer a \"A\", emotion 2"
        ),
    ]
}
