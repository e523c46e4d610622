import BlueprintDiagnostics

package struct DuplicateIDRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "duplicate-id", defaultSeverity: .error,
        summary: "two steps or evidence items with one id (the second is reported)",
        explanation: "Flows, promises and evidence links name steps by id, so each id must be declared once. The first declaration defines the id; later ones add nothing.",
        badExample: "frontstage log \"Agent logs the fault\"\nbackstage log \"Dispatcher logs the job\"",
        goodExample: "frontstage log \"Agent logs the fault\"\nbackstage log-job \"Dispatcher logs the job\"")

    package static func check(_ context: LintContext, into findings: inout Findings) {
        let declarations = context.blueprint.declarations
        // Told by index first: building every declaration would read each statement for nothing.
        for index in declarations.indices where declarations.isDuplicate(at: index) {
            let declaration = declarations[index]
            guard let first = declaration.firstDeclaration else { continue }
            let id = declaration.statement.id
            findings.append(Finding(Message(LintMessage.duplicateID, ["id": .text(id.name), "line": .number(first.start.line)]), at: id.range,
                                    related: [RelatedLocation(range: first, message: Message(LintMessage.firstDeclaredHere))]))
        }
    }
}
