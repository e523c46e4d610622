import BlueprintDiagnostics

package struct FailWithoutRecoveryRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "fail-without-recovery", defaultSeverity: .warning,
        summary: "a fail point with no `recover`",
        explanation: "A fail point is where the service is known to break; the blueprint should say which step puts it right, with `recover STEP`.",
        badExample: "backstage dispatch \"Assigns a crew\", fail \"Wrong address\"",
        goodExample: "backstage dispatch \"Assigns a crew\", fail \"Wrong address\" recover callback\nfrontstage callback \"Agent calls back to confirm the address\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for statement in context.declarationStatements(where: { $0 != .evidence && $1.contains(.fail) }) {
            for attribute in statement.attributes {
                guard case .failure(let description, nil) = attribute.value else { continue }
                findings.append(Finding(Message(LintMessage.failWithoutRecovery, ["description": .text(description.value), "id": .text(statement.id.name)]),
                                        at: attribute.keywordRange))
            }
        }
    }
}
