import BlueprintLanguage

/// Lines the grammar does not accept; the parser finds them.
package struct SyntaxRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: .syntax, defaultSeverity: .error,
        summary: "a line the grammar does not accept, an unterminated string, a bad duration or escape",
        explanation: "Each statement stands on one line. A bad line adds nothing to the blueprint, and parsing goes on at the next line, so every broken line is reported.",
        badExample: "customer report \"Calls the hotline\" emotion -2",
        goodExample: "customer report \"Calls the hotline\", emotion -2")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for diagnostic in context.syntax.diagnostics {
            findings.append(Finding(diagnostic.text, at: diagnostic.range, fixes: diagnostic.fixes))
        }
        findings.countOmitted(context.syntax.omittedErrorCount)
    }
}
