import BlueprintDiagnostics

package struct WaitOverToleranceRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "wait-over-tolerance", defaultSeverity: .warning,
        summary: "a step whose `wait` is longer than its `tolerance`",
        explanation: "The tolerance is how long the customer accepts to wait. A designed wait beyond it is a planned disappointment.",
        badExample: "customer waits \"Waits for the crew\", wait 45m, tolerance 40m",
        goodExample: "customer waits \"Waits for the crew\", wait 25m, tolerance 40m")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        for statement in context.declarationStatements(where: { $0 != .evidence && $1.contains(.wait) && $1.contains(.tolerance) }) {
            guard let wait = statement.attributes.first(.wait)?.duration,
                  let tolerance = statement.attributes.first(.tolerance)?.duration, wait > tolerance else { continue }
            let id = statement.id
            findings.append(Finding(Message(LintMessage.waitOverTolerance, [
                "id": .text(id.name), "wait": .duration(wait), "over": .duration(wait - tolerance), "tolerance": .duration(tolerance),
            ]), at: id.range))
        }
    }
}
