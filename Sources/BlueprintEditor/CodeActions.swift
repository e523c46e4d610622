import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// A change offered for a diagnostic.
package struct CodeAction: Hashable, Sendable {
    package var title: String
    /// The diagnostic it answers.
    package var diagnostic: Diagnostic
    /// Safe to apply without a look (a correction the core marks safe).
    package var isPreferred: Bool
    package var edits: [TextEdit]
}

extension EditorDocument {
    /// For each diagnostic on the 1-based `lines`: every fix of the analysis core (corrections, and
    /// "ignore RULE on this line"), and for an undefined id a step or evidence line that declares it.
    package func codeActions(onLines lines: ClosedRange<Int>) -> [CodeAction] {
        var actions: [CodeAction] = []
        for diagnostic in document.diagnostics where lines.overlaps(diagnostic.range.start.line...diagnostic.range.end.line) {
            for fix in diagnostic.fixes {
                actions.append(CodeAction(title: fix.title.text(in: language), diagnostic: diagnostic, isPreferred: fix.isSafe, edits: fix.edits))
            }
            if diagnostic.rule == "undefined-reference", let action = declaration(for: diagnostic) {
                actions.append(action)
            }
        }
        return actions
    }

    /// "Create step 'x'": a line declaring the missing id, in the phase and lane of the step the
    /// reference stands beside, after that phase's last item and indented like it.
    private func declaration(for diagnostic: Diagnostic) -> CodeAction? {
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
        return CodeAction(title: title, diagnostic: diagnostic, isPreferred: false, edits: [edit])
    }

    /// An edit that adds `line` after the last step or evidence line of a phase (after its `phase`
    /// line when it has none), with that line's indentation.
    private func insertion(of line: String, inPhase phaseIndex: Int?) -> TextEdit {
        let source = document.source
        var after: Int?
        var indentation = ""
        if let phaseIndex {
            let phase = document.blueprint.phases[phaseIndex]
            if let last = itemLines(of: phase).max() {
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
            return TextEdit(range: SourceRange(at: lineRange(first).start), replacement: "\(line)\n")
        }
        if after < source.lineCount {
            return TextEdit(range: SourceRange(at: lineRange(after + 1).start), replacement: "\(indentation)\(line)\n")
        }
        return TextEdit(range: SourceRange(at: lineRange(after).end), replacement: "\n\(indentation)\(line)")
    }
}
