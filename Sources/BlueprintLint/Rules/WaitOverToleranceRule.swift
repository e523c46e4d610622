import BlueprintDiagnostics

package struct WaitOverToleranceRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "wait-over-tolerance", defaultSeverity: .warning,
        summary: "a step whose `wait` is longer than its `tolerance`",
        explanation: "The tolerance is how long the customer accepts to wait. A designed wait beyond it is a planned disappointment.",
        badExample: "customer waits \"Waits for the crew\", wait 45m, tolerance 40m",
        goodExample: "customer waits \"Waits for the crew\", wait 25m, tolerance 40m")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let blueprint = context.blueprint
        let declarations = blueprint.declarations
        // The first declaration of a step is read from the model, which holds its first wait and
        // tolerance: a step's few values, where its statement is an object and an array to reach. Each
        // declaration that is neither evidence nor a duplicate is the next of `steps`.
        var stepIndex = 0
        for position in declarations.indices where declarations.lane(at: position) != .evidence {
            let isDuplicate = declarations.isDuplicate(at: position)
            defer { if !isDuplicate { stepIndex += 1 } }
            let names = declarations.attributeNames(at: position)
            guard names.contains(.wait) && names.contains(.tolerance) else { continue }
            let wait: Duration?, tolerance: Duration?, id: String, range: SourceRange
            if isDuplicate {
                let statement = declarations.statement(at: position)
                (wait, tolerance) = (statement.attributes.first(.wait)?.duration, statement.attributes.first(.tolerance)?.duration)
                (id, range) = (statement.id.name, statement.id.range)
            } else {
                let step = blueprint.steps[stepIndex]
                (wait, tolerance, id, range) = (step.wait, step.tolerance, step.id, step.idRange)
            }
            guard let wait, let tolerance, wait > tolerance else { continue }
            findings.append(Finding(Message(LintMessage.waitOverTolerance, [
                "id": .text(id), "wait": .duration(wait), "over": .duration(wait - tolerance), "tolerance": .duration(tolerance),
            ]), at: range))
        }
    }
}
