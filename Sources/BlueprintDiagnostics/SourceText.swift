/// Why a file's bytes could not be read as blueprint source.
public struct SourceDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the first byte that is not valid UTF-8 stands.
    public var position: SourcePosition
    public var byte: UInt8

    public var description: String {
        "invalid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) does not start or continue a valid sequence"
    }
}

/// The text of one source file, as validated UTF-8 bytes with a line table.
public struct SourceText: Sendable {
    /// UTF-8 bytes, without the byte-order mark.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Whether the bytes began with a byte-order mark (skipped), so a tool that rewrites the file can keep it.
    public let hasByteOrderMark: Bool

    /// Validates `bytes` as UTF-8 and skips a leading byte-order mark.
    public init(bytes raw: some Collection<UInt8>) throws(SourceDecodingError) {
        var bytes = Array(raw)
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hasByteOrderMark { bytes.removeFirst(3) }
        if let error = Self.firstInvalidUTF8(in: bytes) { throw error }
        self.init(validated: bytes, hasByteOrderMark: hasByteOrderMark)
    }

    /// Bytes known to be valid UTF-8 without a byte-order mark: pieces of a validated text and
    /// Swift strings, spliced at scalar boundaries.
    init(validated bytes: [UInt8], hasByteOrderMark: Bool) {
        self.hasByteOrderMark = hasByteOrderMark
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            // Eight bytes at a time: a word without a line feed is passed over whole, and most words
            // of a source file hold none.
            while index + 8 <= count {
                if ByteWord.holds(ByteWord.load(buffer, at: index), 0x0A) {
                    for offset in index..<index + 8 where buffer[offset] == 0x0A { starts.append(offset + 1) }
                }
                index += 8
            }
            for offset in index..<count where buffer[offset] == 0x0A { starts.append(offset + 1) }
        }
        self.lineStarts = starts
    }

    public init(_ string: String) {
        // A Swift string is always valid UTF-8.
        try! self.init(bytes: Array(string.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes to write back to the file: the text, after its byte-order mark if it had one.
    public var fileBytes: [UInt8] {
        hasByteOrderMark ? [0xEF, 0xBB, 0xBF] + bytes : bytes
    }

    /// The text of a 1-based line, without its line end.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Whether the file uses CRLF line ends (judged by its first line end).
    public var usesCRLF: Bool {
        guard lineStarts.count > 1 else { return false }
        let firstEnd = lineStarts[1] - 1
        return firstEnd > 0 && bytes[firstEnd - 1] == 0x0D
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> SourceDecodingError? {
        bytes.withUnsafeBufferPointer { buffer -> SourceDecodingError? in
            let count = buffer.count
            func error(at index: Int, byte: UInt8) -> SourceDecodingError {
                SourceDecodingError(position: position(of: index, in: buffer), byte: byte)
            }
            var index = 0
            while index < count {
                // Eight ASCII bytes at a time: most source text is ASCII.
                if index + 8 <= count, !ByteWord.hasNonASCII(ByteWord.load(buffer, at: index)) {
                    index += 8
                    continue
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var minimum: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; minimum = 0x80
                case 0xE0...0xEF: length = 3; minimum = 0x800
                case 0xF0...0xF4: length = 4; minimum = 0x10000
                default: return error(at: index, byte: lead)
                }
                var scalar = UInt32(lead) & (0xFF >> (length + 1))
                for next in 1..<length {
                    guard index + next < count, buffer[index + next] & 0xC0 == 0x80 else {
                        return error(at: index, byte: index + next < count ? buffer[index + next] : lead)
                    }
                    scalar = scalar << 6 | UInt32(buffer[index + next] & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return error(at: index, byte: lead)
                }
                index += length
            }
            return nil
        }
    }

    /// Line and column of a byte offset in valid UTF-8: counted only when there is an error to place,
    /// so validation itself need not track them.
    private static func position(of offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in buffer[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }
}
