import BlueprintDiagnostics

/// Splits UTF-8 source (already validated) into tokens, one line at a time.
/// Works on bytes for speed; columns are counted in Unicode scalars.
struct Lexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1
    /// The values of the current line's strings that hold escapes (resolved), by `Token.valueIndex`.
    private var values: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var currentLine: Int { line }

    private var position: SourcePosition { SourcePosition(line: line, column: column, offset: offset) }

    private func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    /// Lexes the rest of the current line into `tokens` and consumes its line end.
    mutating func lexLine(into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case 0x0A:
                offset += 1
                line += 1
                column = 1
                return
            case 0x0D:
                if self.byte(at: offset + 1) == 0x0A {
                    offset += 2
                    line += 1
                    column = 1
                    return
                }
                tokens.append(invalid(length: 1, .lonelyCarriageReturn))
            case 0x20, 0x09:
                // Blanks come in runs that align columns: one loop over the run, not a dispatch a byte.
                var end = offset + 1
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                column += end - offset
                offset = end
            case UInt8(ascii: "#"):
                tokens.append(lexComment())
            case UInt8(ascii: "\""):
                tokens.append(lexString())
            case UInt8(ascii: ","):
                tokens.append(punctuation(.comma, length: 1))
            case UInt8(ascii: ":"):
                tokens.append(punctuation(.colon, length: 1))
            case UInt8(ascii: "%"):
                tokens.append(punctuation(.percent, length: 1))
            case UInt8(ascii: "/"):
                tokens.append(punctuation(.slash, length: 1))
            case UInt8(ascii: "-"):
                if self.byte(at: offset + 1) == UInt8(ascii: ">") {
                    tokens.append(punctuation(.arrow, length: 2))
                } else if let arrow = lexDashArrow() {
                    tokens.append(arrow)
                } else if let next = self.byte(at: offset + 1), isASCIIDigit(next) {
                    tokens.append(lexNumber())
                } else {
                    tokens.append(invalid(length: 1, .unexpectedDash))
                }
            case UInt8(ascii: "."):
                if self.byte(at: offset + 1) == UInt8(ascii: "."), self.byte(at: offset + 2) == UInt8(ascii: ">") {
                    tokens.append(punctuation(.dottedArrow, length: 3))
                } else if self.byte(at: offset + 1) == UInt8(ascii: ".") {
                    tokens.append(punctuation(.range, length: 2))
                } else {
                    tokens.append(invalid(length: 1, .unexpectedDot))
                }
            case UInt8(ascii: "="):
                if self.byte(at: offset + 1) == UInt8(ascii: ">") {
                    tokens.append(invalid(length: 2, columns: 2, .fatArrow))
                } else {
                    tokens.append(invalid(length: 1, .unexpectedEquals))
                }
            case UInt8(ascii: ";"):
                tokens.append(invalid(length: 1, .semicolon))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                tokens.append(lexNumber())
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                tokens.append(lexIdentifier())
            case 0x80...:
                let (scalar, length) = decodeScalar(at: offset)
                if CharacterClass.isWhitespace(scalar) {
                    offset += length
                    column += 1
                } else if CharacterClass.isLetter(scalar) {
                    tokens.append(lexIdentifier())
                } else if FullWidthPunctuation.isDigit(scalar) {
                    tokens.append(lexFullWidthDigits())
                } else if scalar == "\u{FF1B}" {
                    tokens.append(invalid(length: length, .semicolon))
                } else if let arrow = lexDashArrow() {
                    tokens.append(arrow)
                } else if FullWidthPunctuation.ascii(for: scalar) != nil {
                    tokens.append(invalid(length: length, .fullWidth(scalar)))
                } else {
                    tokens.append(invalid(length: length, .unexpectedCharacter(scalar)))
                }
            default:
                let scalar = Unicode.Scalar(byte)
                tokens.append(invalid(length: 1, .unexpectedCharacter(scalar)))
            }
        }
    }

    // MARK: - Tokens

    private mutating func punctuation(_ kind: TokenKind, length: Int) -> Token {
        let start = position
        offset += length
        column += length
        return Token(kind: kind, range: SourceRange(start: start, end: position))
    }

    /// Consumes `length` bytes forming `columns` scalars (one, unless said) and reports them.
    private mutating func invalid(length: Int, columns: Int = 1, _ problem: LexicalProblem) -> Token {
        let start = position
        offset += length
        column += columns
        return Token(kind: .invalid, range: SourceRange(start: start, end: position), problem: problem)
    }

    /// A run of full-width digits, as a Chinese input method types `３０`.
    private mutating func lexFullWidthDigits() -> Token {
        let start = position
        while offset < bytes.count, case let (scalar, length) = decodeScalar(at: offset), FullWidthPunctuation.isDigit(scalar) {
            offset += length
            column += 1
        }
        return Token(kind: .invalid, range: SourceRange(start: start, end: position), problem: .fullWidthDigits)
    }

    /// Dashes (`-`, `－`, `—`, `——`, `–`) then `>` or `＞`: an arrow typed on a Chinese keyboard.
    /// Nil, consuming nothing, when the dashes lead to no `>`.
    private mutating func lexDashArrow() -> Token? {
        var end = offset
        var scalars = 0
        while end < bytes.count, case let (scalar, length) = decodeScalar(at: end), FullWidthPunctuation.isDash(scalar) {
            end += length
            scalars += 1
        }
        guard scalars > 0, end < bytes.count, case let (head, length) = decodeScalar(at: end), head == ">" || head == "\u{FF1E}" else { return nil }
        return invalid(length: end + length - offset, columns: scalars + 1, .dashArrow)
    }

    private mutating func lexComment() -> Token {
        let start = position
        offset += 1
        column += 1
        skipPlainASCII(stoppingAtQuotes: false)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D { break }
            if byte & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return Token(kind: .comment, range: SourceRange(start: start, end: position))
    }

    private mutating func lexNumber() -> Token {
        let start = position
        if bytes[offset] == UInt8(ascii: "-") {
            offset += 1
            column += 1
        }
        while offset < bytes.count {
            // A fraction: `2.5`. Two dots are the `..` of a span.
            let isFraction = bytes[offset] == UInt8(ascii: ".") && self.byte(at: offset + 1).map(isASCIIDigit) == true
            guard isASCIIAlphanumeric(bytes[offset]) || isFraction else { break }
            offset += 1
            column += 1
        }
        return Token(kind: .number, range: SourceRange(start: start, end: position))
    }

    private mutating func lexIdentifier() -> Token {
        let start = position
        // Marks may follow a letter or a mark only (spec section 8).
        var previousIsLetterOrMark = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if isASCIILetter(byte) {
                    previousIsLetterOrMark = true
                } else if isASCIIDigit(byte) || byte == UInt8(ascii: "_") {
                    previousIsLetterOrMark = false
                } else if byte == UInt8(ascii: "-"), self.byte(at: offset + 1) != UInt8(ascii: ">") {
                    previousIsLetterOrMark = false
                } else {
                    break
                }
                offset += 1
                column += 1
                continue
            }
            let (scalar, length) = decodeScalar(at: offset)
            if CharacterClass.isLetter(scalar) {
                previousIsLetterOrMark = true
            } else if CharacterClass.isMark(scalar) && previousIsLetterOrMark {
                previousIsLetterOrMark = true
            } else if CharacterClass.isDecimalDigit(scalar) {
                previousIsLetterOrMark = false
            } else {
                break
            }
            offset += length
            column += 1
        }
        return Token(kind: .identifier, range: SourceRange(start: start, end: position))
    }

    private mutating func lexString() -> Token {
        let start = position
        offset += 1
        column += 1
        let contentStart = offset
        // Built from the first escape on; until then the value is the text as written, read in one go.
        var escapedValue: [UInt8]?
        var firstError: (problem: LexicalProblem, range: SourceRange)?
        skipPlainASCII(stoppingAtQuotes: true)
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                column += 1
                let range = SourceRange(start: start, end: position)
                if let firstError {
                    return Token(kind: .invalid, range: firstError.range, problem: firstError.problem)
                }
                // Without escapes the value is the text as written, made when the parser asks for it.
                guard let escapedValue else { return Token(kind: .string, range: range) }
                return Token(kind: .string, range: range, valueIndex: keep(String(decoding: escapedValue, as: UTF8.self)))
            case 0x0A, 0x0D:
                return unterminatedString(from: start)
            case UInt8(ascii: "\\"):
                let escapeStart = position
                if escapedValue == nil { escapedValue = Array(bytes[contentStart..<offset]) }
                if let error = lexEscape(into: &escapedValue!), firstError == nil {
                    firstError = (error, SourceRange(start: escapeStart, end: position))
                }
            default:
                escapedValue?.append(byte)
                if byte & 0xC0 != 0x80 { column += 1 }
                offset += 1
            }
        }
        return unterminatedString(from: start)
    }

    private func unterminatedString(from start: SourcePosition) -> Token {
        Token(kind: .invalid, range: SourceRange(start: start, end: position), problem: .unterminatedString)
    }

    /// Consumes one escape sequence at a backslash; returns the problem with a bad one.
    private mutating func lexEscape(into value: inout [UInt8]) -> LexicalProblem? {
        offset += 1
        column += 1
        guard let next = byte(at: offset), next != 0x0A, next != 0x0D else {
            return .escapeAtLineEnd
        }
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            value.append(next)
        case UInt8(ascii: "n"):
            value.append(0x0A)
        case UInt8(ascii: "t"):
            value.append(0x09)
        case UInt8(ascii: "u"):
            offset += 1
            column += 1
            return lexUnicodeEscape(into: &value)
        default:
            let (scalar, length) = next < 0x80 ? (Unicode.Scalar(next), 1) : decodeScalar(at: offset)
            offset += length
            column += 1
            return .unknownEscape(scalar)
        }
        offset += 1
        column += 1
        return nil
    }

    /// After `\u`: `{` 1–6 hex digits `}` naming a scalar value.
    private mutating func lexUnicodeEscape(into value: inout [UInt8]) -> LexicalProblem? {
        let malformed = LexicalProblem.malformedUnicodeEscape
        guard byte(at: offset) == UInt8(ascii: "{") else { return malformed }
        offset += 1
        column += 1
        var scalarValue: UInt32 = 0
        var digits = 0
        while let byte = byte(at: offset), let digit = hexValue(byte) {
            if digits < 8 { scalarValue = scalarValue << 4 | UInt32(digit) }
            digits += 1
            offset += 1
            column += 1
        }
        guard byte(at: offset) == UInt8(ascii: "}") else { return malformed }
        offset += 1
        column += 1
        guard (1...6).contains(digits) else { return malformed }
        guard let scalar = Unicode.Scalar(scalarValue) else {
            return .notAScalar(scalarValue)
        }
        value.append(contentsOf: String(Character(scalar)).utf8)
        return nil
    }

    // MARK: - Bytes

    /// Moves past whole eight-byte words of ASCII text holding no line end (and, for a string, no `"`
    /// or `\`): most of a label or comment, read a word at a time. The byte loop after it reads the rest.
    private mutating func skipPlainASCII(stoppingAtQuotes: Bool) {
        let start = offset
        while offset + 8 <= bytes.count {
            let word = ByteWord.load(bytes, at: offset)
            if ByteWord.hasNonASCII(word) || ByteWord.holds(word, 0x0A) || ByteWord.holds(word, 0x0D) { break }
            if stoppingAtQuotes && (ByteWord.holds(word, UInt8(ascii: "\"")) || ByteWord.holds(word, UInt8(ascii: "\\"))) { break }
            offset += 8
        }
        column += offset - start
    }

    private func decodeScalar(at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var value = UInt32(lead) & (0xFF >> (length == 1 ? 1 : length + 1))
        for next in 1..<max(1, length) where index + next < bytes.count {
            value = value << 6 | UInt32(bytes[index + next] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIIDigit(byte) || isASCIILetter(byte) }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// The value of a string or comment token of the current line; empty for another token.
    func value(of token: Token) -> String {
        if token.valueIndex >= 0 { return values[token.valueIndex] }
        switch token.kind {
        // Between the quotes.
        case .string: return text(from: token.range.start.offset + 1, to: token.range.end.offset - 1)
        // After the `#`.
        case .comment: return text(from: token.range.start.offset + 1, to: token.range.end.offset)
        default: return ""
        }
    }

    /// Keeps the value of a token of the current line; returns its index.
    private mutating func keep(_ value: String) -> Int {
        values.append(value)
        return values.count - 1
    }

    /// The bytes of a token, as text.
    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range.start.offset..<token.range.end.offset]), as: UTF8.self)
    }

    /// Whether a token starts right at `offset`: no space, line end or end of file there.
    func startsToken(at offset: Int) -> Bool {
        guard let byte = byte(at: offset) else { return false }
        return byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// Whether the source holds a character only Traditional Chinese writes.
    var containsTraditionalCharacters: Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { ChineseVariants.simplifiedForms[$0] != nil }
    }

    /// The text between two byte offsets of the line being parsed.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func textBytes(of token: Token) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.range.start.offset..<token.range.end.offset])
    }

    func bytesEqual(_ token: Token, _ word: StaticString) -> Bool {
        let slice = textBytes(of: token)
        guard slice.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { slice.elementsEqual($0) }
    }
}
