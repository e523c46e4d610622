import BlueprintDiagnostics

extension FeatureContext {
    /// `blueprint fmt` as one edit over the whole text. A file with syntax errors is refused, never
    /// half formatted.
    func formatting() throws(ResponseError) -> [LSP.TextEdit] {
        var formatted: String
        do {
            formatted = try document.formatted()
        } catch {
            let first = error.diagnostics.first
            throw ResponseError(.requestFailed, text(.notFormatted, [
                "line": .number(first?.range.start.line ?? 1), "message": .text(first?.message(in: language) ?? ""),
            ]))
        }
        // The editor's buffer holds no byte-order mark; the file keeps its own when saved.
        if formatted.unicodeScalars.first == "\u{FEFF}" { formatted.unicodeScalars.removeFirst() }
        let source = document.source
        guard formatted.utf8.elementsEqual(source.bytes) == false else { return [] }
        let end = source.position(atOffset: source.bytes.count)
        return [LSP.TextEdit(range: LSP.Range(start: LSP.Position(line: 0, character: 0), end: positions.position(end)), newText: formatted)]
    }
}
