import BlueprintDiagnostics
import BlueprintModel

extension FeatureContext {
    /// For each diagnostic on the lines of `range`: every fix of the analysis core (corrections, and
    /// "ignore RULE on this line"), and for an undefined id a step or evidence line that declares it.
    func codeActions(in range: LSP.Range) -> [LSP.CodeAction] {
        let lines = (range.start.line + 1)...(max(range.start.line, range.end.line) + 1)
        var actions: [LSP.CodeAction] = []
        for diagnostic in document.diagnostics where lines.overlaps(diagnostic.range.start.line...diagnostic.range.end.line) {
            let shown = self.diagnostic(diagnostic)
            for fix in diagnostic.fixes {
                actions.append(LSP.CodeAction(title: fix.title.text(in: language), diagnostics: [shown], isPreferred: fix.isSafe ? true : nil,
                                              edit: LSP.WorkspaceEdit(changes: [uri: fix.edits.map(positions.edit)])))
            }
            if diagnostic.rule == "undefined-reference", let action = declaration(for: diagnostic, shown: shown) {
                actions.append(action)
            }
        }
        return actions
    }

    /// "Create step 'x'": a line declaring the missing id, in the phase and lane of the step the
    /// reference stands beside, after that phase's last item and indented like it.
    private func declaration(for diagnostic: BlueprintDiagnostics.Diagnostic, shown: LSP.Diagnostic) -> LSP.CodeAction? {
        let blueprint = document.blueprint
        guard let reference = blueprint.references.first(where: { $0.id.range == diagnostic.range && $0.symbol == nil }) else { return nil }
        let name = reference.id.name
        let line = reference.id.range.start.line
        // A step named on the same line: the flow's other ends, or the step whose attribute this is.
        let neighbour = blueprint.references.lazy.filter { $0.id.range.start.line == line }.compactMap { reference -> Int? in
            if case .step(let index) = reference.symbol { return index }
            return nil
        }.first ?? blueprint.steps.firstIndex { $0.idRange.start.line == line }
        let isEvidence = reference.use == .evidence
        let lane = isEvidence ? "evidence" : neighbour.map { blueprint.steps[$0].lane.rawValue } ?? "frontstage"
        let phase = neighbour.map { blueprint.steps[$0].phase } ?? blueprint.phases.indices.last
        let title = text(isEvidence ? .createEvidence : .createStep, ["id": .text(name)])
        let edit = insertion(of: "\(lane) \(name) \"\(name)\"", inPhase: phase)
        return LSP.CodeAction(title: title, diagnostics: [shown], edit: LSP.WorkspaceEdit(changes: [uri: [edit]]))
    }

    /// An edit that adds `line` after the last step or evidence line of a phase (after its `phase`
    /// line when it has none), with that line's indentation.
    private func insertion(of line: String, inPhase phaseIndex: Int?) -> LSP.TextEdit {
        let blueprint = document.blueprint
        let source = document.source
        var after: Int?
        var indentation = ""
        if let phaseIndex {
            let phase = blueprint.phases[phaseIndex]
            let itemLines = phase.steps.map { blueprint.steps[$0].idRange.start.line } + phase.evidence.map { blueprint.evidence[$0].idRange.start.line }
            if let last = itemLines.max() {
                after = last
                indentation = String(source.lineText(last).prefix { $0 == " " || $0 == "\t" })
            } else if let keyword = phase.keywordRange {
                after = keyword.start.line
                indentation = "  "
            }
        }
        guard let after else {
            // No phase to put it in: before the first statement after the header.
            let first = document.syntax.statements.dropFirst().first?.line ?? source.lineCount
            let start = positions.position(SourcePosition(line: first, column: 1))
            return LSP.TextEdit(range: LSP.Range(start: start, end: start), newText: "\(line)\n")
        }
        if after < source.lineCount {
            let start = positions.position(SourcePosition(line: after + 1, column: 1))
            return LSP.TextEdit(range: LSP.Range(start: start, end: start), newText: "\(indentation)\(line)\n")
        }
        let end = positions.lineRange(after).end
        return LSP.TextEdit(range: LSP.Range(start: end, end: end), newText: "\n\(indentation)\(line)")
    }
}
