/// The unit in which a column counts the characters of a line. Our own positions count Unicode
/// scalars (spec section 1); the Language Server Protocol counts UTF-16 code units unless client and
/// server agree on another encoding, and byte-oriented tools count UTF-8 bytes. The raw values are
/// the LSP's names for them.
public enum PositionEncoding: String, CaseIterable, Hashable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    /// Unicode scalars: the spec's columns.
    case utf32 = "utf-32"

    /// Code units of one scalar, from the length of its UTF-8 sequence.
    fileprivate func width(ofScalarWithUTF8Length length: Int) -> Int {
        switch self {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }
}

/// Conversions between our positions and LSP-style ones. Each conversion walks one line from its
/// start in `lineStarts`, so it costs the length of that line, not of the file.
///
/// A line's characters exclude its line end: LF, or CR LF. A CR not followed by LF is not a line end
/// (it is a syntax error in the text), so it stays a character of its line, as the lexer counts it.
extension SourceText {
    /// Our position for a 0-based LSP `line` and `character` counted in `encoding`.
    ///
    /// A character past the end of the line gives the line's end, a negative one its start; a line past
    /// the last one gives the end of the file, a negative one its start. A character that falls inside
    /// a scalar (between the two halves of a surrogate pair, or inside a UTF-8 sequence) gives the start
    /// of that scalar.
    public func position(line: Int, character: Int, in encoding: PositionEncoding) -> SourcePosition {
        guard line >= 0 else { return .fileStart }
        guard line < lineStarts.count else { return endOfFile }
        var offset = lineStarts[line]
        let end = lineContentEnd(line)
        var column = 1
        var units = 0
        while offset < end {
            let length = Self.scalarLength(lead: bytes[offset])
            let width = encoding.width(ofScalarWithUTF8Length: length)
            if units + width > character { break }
            units += width
            offset += length
            column += 1
        }
        return SourcePosition(line: line + 1, column: column, offset: offset)
    }

    /// The 0-based LSP line and character, counted in `encoding`, of a position given by its line and
    /// column (its `offset` is not read, so a position built from a line and a column alone will do).
    ///
    /// A column past the end of the line gives the line's end, a line past the last one the end of the
    /// file, a line or column before the first the start of the file or of the line.
    public func lspCharacter(of position: SourcePosition, in encoding: PositionEncoding) -> (line: Int, character: Int) {
        guard position.line >= 1 else { return (0, 0) }
        guard position.line <= lineStarts.count else { return lspCharacter(of: endOfFile, in: encoding) }
        let lineIndex = position.line - 1
        let end = lineContentEnd(lineIndex)
        var offset = lineStarts[lineIndex]
        var units = 0
        for _ in 1..<max(position.column, 1) {
            guard offset < end else { break }
            let length = Self.scalarLength(lead: bytes[offset])
            units += encoding.width(ofScalarWithUTF8Length: length)
            offset += length
        }
        return (lineIndex, units)
    }

    /// Our position for an absolute UTF-8 byte offset. An offset inside a scalar gives the start of
    /// that scalar, one inside a line end the end of that line's text, one outside the file its start
    /// or end.
    public func position(atOffset byteOffset: Int) -> SourcePosition {
        let target = min(max(byteOffset, 0), bytes.count)
        let line = lineIndex(containing: target)
        let start = lineStarts[line]
        let end = lineContentEnd(line)
        var offset = min(target, end)
        while offset > start, offset < end, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        var column = 1
        for byte in bytes[start..<offset] where byte & 0xC0 != 0x80 { column += 1 }
        return SourcePosition(line: line + 1, column: column, offset: offset)
    }

    /// The end of the last line's text.
    private var endOfFile: SourcePosition { position(atOffset: bytes.count) }

    /// Byte offset just past the text of a 0-based line: before its LF, or before the CR of its CR LF.
    private func lineContentEnd(_ lineIndex: Int) -> Int {
        guard lineIndex + 1 < lineStarts.count else { return bytes.count }
        let lineFeed = lineStarts[lineIndex + 1] - 1
        return lineFeed > lineStarts[lineIndex] && bytes[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed
    }

    /// The 0-based line whose span (line end included) holds `offset`: the last line starting at or before it.
    private func lineIndex(containing offset: Int) -> Int {
        // The first line always starts at 0.
        lineStarts.partitioningIndex { $0 > offset } - 1
    }

    /// Bytes of the scalar that starts with `lead`; the text is valid UTF-8, so the lead byte says it all.
    private static func scalarLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
