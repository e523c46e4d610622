import BlueprintDiagnostics

package struct MissingHeaderRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "missing-header", defaultSeverity: .error,
        summary: "the file does not start with `blueprint \"…\"`",
        explanation: "The header names the service the blueprint describes; it is the title of the diagram and must be the first statement.",
        badExample: "persona \"Household customer\"\ncustomer report \"Calls the hotline\"",
        goodExample: "blueprint \"Power outage repair\"\npersona \"Household customer\"\ncustomer report \"Calls the hotline\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        guard context.syntax.headerKeywordRange == nil else { return }
        findings.append(Finding(Message(LintMessage.missingHeader), at: context.fileRange))
    }
}
