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
    /// "ignore RULE on this line" once per rule and line), and for an undefined id a step or evidence
    /// line that declares it.
    package func codeActions(onLines lines: ClosedRange<Int>) -> [CodeAction] {
        var actions: [CodeAction] = []
        var suppressionsOffered: Set<[TextEdit]> = []
        // Built once, at the first undefined id: a whole file's actions then cost its length, not its square.
        var references: ReferenceIndex?
        for diagnostic in document.diagnostics where lines.overlaps(diagnostic.range.start.line...diagnostic.range.end.line) {
            // A cancelled request's answer is thrown away: stop working on it.
            if Task.isCancelled { return [] }
            for fix in diagnostic.fixes {
                // Findings of one rule on one line share one "ignore RULE on this line": the same edit.
                if fix.kind == .suppression && !suppressionsOffered.insert(fix.edits).inserted { continue }
                actions.append(CodeAction(title: fix.title.text(in: language), diagnostic: diagnostic, isPreferred: fix.isSafe, edits: fix.edits))
            }
            if diagnostic.rule == "undefined-reference" {
                if references == nil { references = ReferenceIndex(document.blueprint) }
                if let action = declaration(for: diagnostic, references: &references!) { actions.append(action) }
            }
        }
        return actions
    }

    /// "Create step 'x'": a line declaring the missing id. In a chain `b -> x -> c` it takes the lane
    /// and phase of `b` (of `c` when `b` is not declared) and goes right after `b`'s line; elsewhere
    /// those of the step named on the same line, after that phase's last item. Indented like its neighbours.
    private func declaration(for diagnostic: Diagnostic, references: inout ReferenceIndex) -> CodeAction? {
        let blueprint = document.blueprint
        guard let reference = references.unresolved[diagnostic.range] else { return nil }
        let name = reference.id.name
        let line = reference.id.range.start.line
        let sameLine = references.onLine[line] ?? []
        let (before, after) = chainNeighbours(of: reference, in: sameLine)
        // Else a step named on the same line: the promise's other end, or the step whose attribute this is.
        let neighbour = before ?? after ?? sameLine.lazy.compactMap(\.stepIndex).first
            ?? blueprint.steps.firstIndex { $0.idRange.start.line == line }
        let isEvidence = reference.use == .evidence
        let lane = isEvidence ? "evidence" : neighbour.map { blueprint.steps[$0].lane.rawValue } ?? "frontstage"
        let phase = neighbour.map { blueprint.steps[$0].phase } ?? blueprint.phases.indices.last
        let title = text(isEvidence ? .createEvidence : .createStep, ["id": .text(name)])
        let afterLine = before.map { blueprint.steps[$0].idRange.start.line } ?? phase.flatMap { references.lastItemLine(of: $0, in: self) }
        let edit = insertion(of: "\(lane) \(name) \"\(name)\"", afterLine: afterLine, inPhase: phase)
        return CodeAction(title: title, diagnostic: diagnostic, isPreferred: false, edits: [edit])
    }

    /// The declared steps just before and just after `reference` in its flow, among the references of its line.
    private func chainNeighbours(of reference: Reference, in sameLine: [Reference]) -> (before: Int?, after: Int?) {
        let chain = sameLine.filter { $0.use == .flow }
        guard reference.use == .flow, let position = chain.firstIndex(of: reference) else { return (nil, nil) }
        return (position > 0 ? chain[position - 1].stepIndex : nil, position + 1 < chain.count ? chain[position + 1].stepIndex : nil)
    }

    /// An edit that adds `line` after the line `afterLine` when given (with that line's indentation),
    /// else after the `phase` line of a phase that has no items yet.
    private func insertion(of line: String, afterLine: Int?, inPhase phaseIndex: Int?) -> TextEdit {
        let source = document.source
        var after = afterLine
        // Under a `phase` line, indented as the formatter would; else like the line before.
        var indentation: String?
        if after == nil, let phaseIndex, let keyword = document.blueprint.phases[phaseIndex].keywordRange {
            after = keyword.start.line
            indentation = "  "
        }
        guard let after else {
            // No phase to put it in: before the first statement after the header.
            let first = document.syntax.statements.dropFirst().first?.line ?? source.lineCount
            return TextEdit(range: SourceRange(at: lineRange(first).start), replacement: "\(line)\n")
        }
        let indented = (indentation ?? String(source.lineText(after).prefix { $0 == " " || $0 == "\t" })) + line
        if after < source.lineCount {
            return TextEdit(range: SourceRange(at: lineRange(after + 1).start), replacement: "\(indented)\n")
        }
        return TextEdit(range: SourceRange(at: lineRange(after).end), replacement: "\n\(indented)")
    }
}

/// The references of a blueprint by range (the undefined ones) and by line, and the last item line
/// of each phase as it is asked for.
private struct ReferenceIndex {
    let unresolved: [SourceRange: Reference]
    let onLine: [Int: [Reference]]
    private var lastItemLines: [Int: Int?] = [:]

    init(_ blueprint: Blueprint) {
        unresolved = Dictionary(blueprint.references.filter { $0.symbol == nil }.map { ($0.id.range, $0) }, uniquingKeysWith: { first, _ in first })
        onLine = Dictionary(grouping: blueprint.references) { $0.id.range.start.line }
    }

    mutating func lastItemLine(of phaseIndex: Int, in editor: EditorDocument) -> Int? {
        if let known = lastItemLines[phaseIndex] { return known }
        let last = editor.itemLines(of: editor.document.blueprint.phases[phaseIndex]).max()
        lastItemLines[phaseIndex] = last
        return last
    }
}

private extension Reference {
    /// The step it names, when it names a declared one.
    var stepIndex: Int? {
        if case .step(let index) = symbol { return index }
        return nil
    }
}
