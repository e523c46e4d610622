import BlueprintDiagnostics

package struct UnnamedPhaseRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "unnamed-phase", defaultSeverity: .warning,
        summary: "a step written before the first `phase` of a file that has phases",
        explanation: "Steps declared before any `phase` belong to an unnamed first phase, drawn as a column without a title. In a file that names its phases this is nearly always a step written above its `phase` line by mistake. Open a phase before it, or move it below one.",
        badExample: "customer call \"Calls the hotline\"\nphase \"Report\"\n  frontstage log \"Agent logs the fault\"",
        goodExample: "phase \"Report\"\n  customer call \"Calls the hotline\"\n  frontstage log \"Agent logs the fault\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let blueprint = context.blueprint
        guard let unnamed = blueprint.phases.first(where: { $0.title == nil }),
              let title = blueprint.phases.lazy.compactMap(\.title).first
        else { return }
        for index in unnamed.steps {
            let step = blueprint.steps[index]
            findings.append(Finding(Message(LintMessage.unnamedPhase, ["id": .text(step.id), "title": .text(title)]), at: step.idRange))
        }
    }
}
