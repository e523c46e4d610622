import BlueprintDiagnostics
import BlueprintLanguage

extension EditorDocument {
    /// `blueprint fmt` as one edit over the whole text; nil when the text is formatted already. A
    /// file with syntax errors is refused, never half formatted.
    package func formattingEdit() throws(EditorError) -> TextEdit? {
        var formatted: String
        do {
            formatted = try document.formatted()
        } catch {
            let first = error.diagnostics.first
            throw EditorError(reason: .notFormatted, message: text(.notFormatted, [
                "line": .number(first?.range.start.line ?? 1), "message": .text(first?.message(in: language) ?? ""),
            ]))
        }
        // The editor's buffer holds no byte-order mark; the file keeps its own when saved.
        if formatted.unicodeScalars.first == "\u{FEFF}" { formatted.unicodeScalars.removeFirst() }
        let source = document.source
        guard !formatted.utf8.elementsEqual(source.bytes) else { return nil }
        return TextEdit(range: SourceRange(start: .fileStart, end: source.position(atOffset: source.bytes.count)), replacement: formatted)
    }
}
