import BlueprintDiagnostics

package struct MomentOffStageRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "moment-off-stage", defaultSeverity: .error,
        summary: "`moment` on a backstage, support or evidence item",
        explanation: "A moment of truth is a moment the customer lives: it belongs to a customer or frontstage step, never to work the customer does not see.",
        badExample: "backstage dispatch \"Dispatcher assigns the crew\", moment",
        goodExample: "frontstage arrive \"Crew arrives on site\", moment")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        // Chosen by the lanes and names kept beside the declarations: a moment on stage is never read.
        for statement in context.declarationStatements(where: { lane, names in
            names.contains(.moment) && lane != .customer && lane != .frontstage
        }) {
            let lane = statement.lane
            switch lane {
            case .customer, .frontstage:
                break // left out above
            case .evidence:
                // On an evidence item every `moment` is reported (spec 8: one diagnostic per attribute).
                for attribute in statement.attributes where attribute.name == .moment {
                    findings.append(Finding(Message(LintMessage.momentOnEvidence, ["id": .text(statement.id.name)]),
                                            at: attribute.keywordRange))
                }
            case .backstage, .support:
                if let moment = statement.attributes.first(.moment) {
                    findings.append(Finding(Message(LintMessage.momentOffStage, ["lane": LintMessage.lane(lane), "id": .text(statement.id.name)]),
                                            at: moment.keywordRange))
                }
            }
        }
    }
}
