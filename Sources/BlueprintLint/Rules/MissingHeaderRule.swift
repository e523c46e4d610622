import BlueprintDiagnostics

public struct MissingHeaderRule: LintRule {
    public static let descriptor = RuleDescriptor(
        id: "missing-header", defaultSeverity: .error,
        summary: "the file does not start with `blueprint \"…\"`",
        explanation: "The header names the service the blueprint describes; it is the title of the diagram and must be the first statement.",
        badExample: "persona \"Household customer\"\ncustomer report \"Calls the hotline\"",
        goodExample: "blueprint \"Power outage repair\"\npersona \"Household customer\"\ncustomer report \"Calls the hotline\"")

    public static func check(_ context: LintContext, into findings: inout Findings) {
        guard context.syntax.headerKeywordRange == nil else { return }
        findings.append(Finding(Message(LintMessage.missingHeader), at: context.fileRange))
    }
}
