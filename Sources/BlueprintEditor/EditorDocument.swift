import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// One document as an editor asks about it: definitions, references, renames, completion, hover,
/// symbols, folding, semantic tokens, inlay hints and code actions, in the analysis core's own
/// positions, ranges and edits. Every query is a function of an immutable `Document`, so a front end
/// may run it off its own event loop on a snapshot no later edit can change.
package struct EditorDocument: Sendable {
    package let document: Document
    /// The language of the document's messages, which the features' own words follow.
    package let language: MessageLanguage

    package init(_ document: Document) {
        self.document = document
        language = document.language(for: .auto)
    }

    func text(_ entry: EditorMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(entry, arguments).text(in: language)
    }

    /// A whole 1-based line's text, its line end excluded.
    func lineRange(_ line: Int) -> SourceRange {
        let source = document.source
        let start = source.lineStarts[line - 1]
        // An offset inside the line end reads as the end of the line's text.
        let end = line < source.lineCount ? source.lineStarts[line] - 1 : source.bytes.count
        return SourceRange(start: SourcePosition(line: line, column: 1, offset: start), end: source.position(atOffset: end))
    }

    /// The lines of the step and evidence items of a phase.
    func itemLines(of phase: Phase) -> [Int] {
        let blueprint = document.blueprint
        return phase.steps.map { blueprint.steps[$0].idRange.start.line } + phase.evidence.map { blueprint.evidence[$0].idRange.start.line }
    }
}
