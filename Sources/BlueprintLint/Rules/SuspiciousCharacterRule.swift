import BlueprintDiagnostics
import BlueprintLanguage

package struct SuspiciousCharacterRule: LintRule {
    package static let descriptor = RuleDescriptor(
        id: "suspicious-character", defaultSeverity: .warning,
        summary: "a bidirectional control or invisible format character in the text (U+202E and the like)",
        explanation: "Bidirectional overrides, embeddings and isolates reorder the text around them, and zero-width characters are not seen at all, so a line can read differently from what it holds (\"Trojan Source\"). Diagrams leave these characters out; remove them from the file. The zero-width joiner and non-joiner are not reported: emoji and several scripts need them.",
        badExample: "customer pay \"Pays \u{202E}001 EUR\u{202C}\"",
        goodExample: "customer pay \"Pays 100 EUR\"")

    /// Lead bytes of the UTF-8 forms of the suspicious characters: other bytes need no decoding.
    private static func mayStartSuspicious(_ byte: UInt8) -> Bool {
        byte == 0xC2 || byte == 0xD8 || byte == 0xE1 || byte == 0xE2 || byte == 0xEF
    }

    package static func check(_ context: LintContext, into findings: inout Findings) {
        guard let source = context.source else { return }
        // A character outside strings and comments is already a syntax error.
        var errorLines: Set<Int>?
        let lineStarts = source.lineStarts
        source.bytes.withUnsafeBufferPointer { bytes in
            // Only bytes past ASCII are looked at, and ASCII is passed over eight bytes at a time. The
            // line and column are worked out only for a suspicious character, going on from the last
            // one: its line from the line starts, its column from the last place counted on that line.
            var line = 1, column = 1, counted = 0
            var offset = firstNonASCII(in: bytes, from: 0)
            while offset < bytes.count {
                defer { offset = firstNonASCII(in: bytes, from: offset + 1) }
                let byte = bytes[offset]
                guard mayStartSuspicious(byte) else { continue }
                let length = byte < 0xE0 ? 2 : 3
                guard let scalar = decode(bytes, at: offset, length: length), SuspiciousCharacter.contains(scalar) else { continue }
                if line < lineStarts.count, lineStarts[line] <= offset {
                    while line < lineStarts.count, lineStarts[line] <= offset { line += 1 }
                    column = 1
                    counted = lineStarts[line - 1]
                }
                // A scalar is a byte that is not a UTF-8 continuation byte.
                column += bytes[counted..<offset].count { $0 & 0xC0 != 0x80 }
                counted = offset
                let lines = errorLines ?? Set(context.syntax.errorLines)
                errorLines = lines
                if !lines.contains(line) {
                    let start = SourcePosition(line: line, column: column, offset: offset)
                    let range = SourceRange(start: start, end: SourcePosition(line: line, column: column + 1, offset: offset + length))
                    let character = MessageArgument.text(SuspiciousCharacter.describe(scalar))
                    findings.append(Finding(Message(LintMessage.suspiciousCharacter, ["character": character]), at: range,
                                            fixes: [Fix(title: Message(LintMessage.removeCharacter, ["character": character]),
                                                        edits: [TextEdit(range: range, replacement: "")], isSafe: false)]))
                }
            }
        }
    }

    /// The first byte from `start` on that is not ASCII, or the end.
    private static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        while offset + 8 <= bytes.count, !ByteWord.hasNonASCII(ByteWord.load(bytes, at: offset)) {
            offset += 8
        }
        while offset < bytes.count, bytes[offset] < 0x80 { offset += 1 }
        return offset
    }

    /// The scalar of the 2- or 3-byte UTF-8 sequence at `offset` (the source is valid UTF-8).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Unicode.Scalar? {
        guard offset + length <= bytes.count else { return nil }
        switch length {
        case 2: return Unicode.Scalar(UInt32(bytes[offset] & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F))
        case 3: return Unicode.Scalar(UInt32(bytes[offset] & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F))
        default: return nil
        }
    }
}
