import BlueprintDiagnostics
import BlueprintLanguage

/// The one place that turns positions of the analysis core (lines and columns in Unicode scalars,
/// UTF-8 offsets) into the editor's (0-based lines, characters in the negotiated encoding) and back.
struct PositionConversion: Sendable {
    let source: SourceText
    let encoding: PositionEncoding

    func position(_ position: SourcePosition) -> LSP.Position {
        let (line, character) = source.lspCharacter(of: position, in: encoding)
        return LSP.Position(line: line, character: character)
    }

    func range(_ range: SourceRange) -> LSP.Range {
        LSP.Range(start: position(range.start), end: position(range.end))
    }

    func sourcePosition(_ position: LSP.Position) -> SourcePosition {
        source.position(line: position.line, character: position.character, in: encoding)
    }

    func sourceRange(_ range: LSP.Range) -> SourceRange {
        let start = sourcePosition(range.start)
        let end = sourcePosition(range.end)
        return start.offset <= end.offset ? SourceRange(start: start, end: end) : SourceRange(start: end, end: start)
    }

    func edit(_ edit: TextEdit) -> LSP.TextEdit {
        LSP.TextEdit(range: range(edit.range), newText: edit.replacement)
    }
}
