import BlueprintDiagnostics
import BlueprintLanguage

/// The one place that turns positions of the analysis core (lines and columns in Unicode scalars,
/// UTF-8 offsets) into the editor's (0-based lines, characters in the negotiated encoding) and back.
struct PositionConversion: Sendable {
    let source: SourceText
    let encoding: PositionEncoding
    /// In UTF-16, the UTF-8 offsets of the scalars that take two code units (those past U+FFFF), in
    /// order: with them a position converts without walking its line, which matters on a long line
    /// (a flow line of a megabyte names tens of thousands of ids).
    private let astralOffsets: [Int]

    init(source: SourceText, encoding: PositionEncoding) {
        self.source = source
        self.encoding = encoding
        var astral: [Int] = []
        if encoding == .utf16 {
            source.bytes.withUnsafeBufferPointer { bytes in
                // A scalar past U+FFFF is the one whose UTF-8 lead byte is 0xF0 or more.
                for offset in bytes.indices where bytes[offset] >= 0xF0 { astral.append(offset) }
            }
        }
        astralOffsets = astral
    }

    func position(_ position: SourcePosition) -> LSP.Position {
        if let character = character(ofPositionWithinItsLine: position) {
            return LSP.Position(line: position.line - 1, character: character)
        }
        let (line, character) = source.lspCharacter(of: position, in: encoding)
        return LSP.Position(line: line, character: character)
    }

    /// The character of a position of the analysis core, from its column and offset (which agree),
    /// when it lies within its line; nil for one the line-walking conversion must clamp.
    private func character(ofPositionWithinItsLine position: SourcePosition) -> Int? {
        let line = position.line - 1
        guard line >= 0, line < source.lineStarts.count, position.column >= 1 else { return nil }
        let start = source.lineStarts[line]
        let nextStart = line + 1 < source.lineStarts.count ? source.lineStarts[line + 1] : source.bytes.count + 1
        guard position.offset >= start, position.offset < nextStart else { return nil }
        // Between the CR and the LF of a line end: the walk clamps it to the end of the text.
        if position.offset > start, position.offset < source.bytes.count, source.bytes[position.offset - 1] == UInt8(ascii: "\r") {
            return nil
        }
        switch encoding {
        case .utf8: return position.offset - start
        case .utf32: return position.column - 1
        case .utf16: return position.column - 1 + astralCount(from: start, to: position.offset)
        }
    }

    /// How many scalars past U+FFFF start in `start..<end`.
    private func astralCount(from start: Int, to end: Int) -> Int {
        func firstIndex(atOrAfter offset: Int) -> Int {
            astralOffsets.partitioningIndex { $0 >= offset }
        }
        return astralOffsets.isEmpty ? 0 : firstIndex(atOrAfter: end) - firstIndex(atOrAfter: start)
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
