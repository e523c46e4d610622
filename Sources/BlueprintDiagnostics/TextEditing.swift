/// Why edits could not be applied to a text.
public enum TextEditError: Error, Hashable, Sendable {
    /// Two edits touch the same text.
    case overlapping
    /// An edit reaches past the end of the text.
    case outOfRange
    /// An edit starts or ends inside a character's UTF-8 bytes.
    case splitsACharacter
}

extension SourceText {
    /// The text with `edits` applied, each replacing the bytes between its range's offsets. Edits
    /// may come in any order but must not overlap (two insertions at one place are applied in the
    /// order given). A byte-order mark stays.
    public func applying(_ edits: [TextEdit]) throws(TextEditError) -> SourceText {
        let ordered = edits.enumerated().sorted {
            ($0.element.range.start.offset, $0.offset) < ($1.element.range.start.offset, $1.offset)
        }.map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + ordered.reduce(0) { $0 + $1.replacement.utf8.count })
        var copied = 0
        for edit in ordered {
            let start = edit.range.start.offset, end = max(edit.range.end.offset, start)
            guard end <= bytes.count else { throw .outOfRange }
            guard start >= copied else { throw .overlapping }
            guard isCharacterBoundary(start), isCharacterBoundary(end) else { throw .splitsACharacter }
            result += bytes[copied..<start]
            result += edit.replacement.utf8
            copied = end
        }
        result += bytes[copied...]
        // Valid UTF-8 cut at scalar boundaries, and Swift strings: valid UTF-8 again.
        return SourceText(validated: result, hasByteOrderMark: hasByteOrderMark)
    }

    private func isCharacterBoundary(_ offset: Int) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }
}
