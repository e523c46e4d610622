import BlueprintDiagnostics

/// What is wrong with text the lexer cannot accept. Kept to a few bytes: every token has room for one.
enum LexicalProblem: Hashable, Sendable {
    case lonelyCarriageReturn
    case unexpectedDash
    case unexpectedDot
    /// `=>`, most likely meant as `->`.
    case fatArrow
    case unexpectedEquals
    case unexpectedCharacter(Unicode.Scalar)
    /// Full-width punctuation (a Chinese input method's) where the grammar wants ASCII.
    case fullWidth(Unicode.Scalar)
    /// `３０`: full-width digits where the grammar wants ASCII ones.
    case fullWidthDigits
    /// `－>`, `—>`, `-＞`: dashes and a head, meant as `->`.
    case dashArrow
    /// `;` or `；`: a line ends a statement, a comma separates attributes.
    case semicolon
    case unterminatedString
    case escapeAtLineEnd
    case unknownEscape(Unicode.Scalar)
    case malformedUnicodeEscape
    case notAScalar(UInt32)

    /// Whether the text was meant as `->`: the line may hold flows.
    var meantAsArrow: Bool {
        switch self {
        case .fatArrow, .dashArrow: true
        case .fullWidth(let scalar): FullWidthPunctuation.ascii(for: scalar) == "->"
        default: false
        }
    }

    /// What is wrong with `written`, the text of the token that has the problem.
    func message(written: String) -> Message {
        switch self {
        case .lonelyCarriageReturn: Message(SyntaxMessage.lonelyCarriageReturn)
        case .unexpectedDash: Message(SyntaxMessage.unexpectedDash)
        case .unexpectedDot: Message(SyntaxMessage.unexpectedDot)
        case .fatArrow: Message(SyntaxMessage.fatArrow)
        case .unexpectedEquals: Message(SyntaxMessage.unexpectedEquals)
        case .unexpectedCharacter(let scalar):
            Message(SyntaxMessage.unexpectedCharacter, ["character": .text(CharacterClass.describe(scalar))])
        case .fullWidth(let scalar): Self.fullWidthMessage(written, ascii: FullWidthPunctuation.ascii(for: scalar) ?? "")
        case .fullWidthDigits: Self.fullWidthMessage(written, ascii: FullWidthPunctuation.asciiDigits(written))
        case .dashArrow: Message(SyntaxMessage.dashArrow, ["text": .text(written)])
        case .semicolon: Message(SyntaxMessage.semicolon, ["character": .text(written)])
        case .unterminatedString: Message(SyntaxMessage.unterminatedString)
        case .escapeAtLineEnd: Message(SyntaxMessage.escapeAtLineEnd)
        case .unknownEscape(let scalar): Message(SyntaxMessage.unknownEscape, ["escape": .text(String(Character(scalar)))])
        case .malformedUnicodeEscape: Message(SyntaxMessage.malformedUnicodeEscape)
        case .notAScalar(let value): Message(SyntaxMessage.notAScalar, ["hex": .text(String(value, radix: 16, uppercase: true))])
        }
    }

    private static func fullWidthMessage(_ written: String, ascii: String) -> Message {
        Message(SyntaxMessage.fullWidth, [
            "character": .text(written), "code": .text(written.unicodeScalars.map(CharacterClass.codePoint).joined(separator: " ")),
            "ascii": .text(ascii), "asciiCode": .text(ascii.unicodeScalars.map(CharacterClass.codePoint).joined(separator: " ")),
        ])
    }
}

/// Full-width and typographic punctuation that Chinese input methods and word processors type in
/// place of the grammar's ASCII.
enum FullWidthPunctuation {
    static func ascii(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\u{FF0C}", "\u{3001}": ","      // ， 、
        case "\u{FF1A}": ":"                  // ：
        case "\u{201C}", "\u{201D}", "\u{FF02}", "\u{300C}", "\u{300D}": "\""  // “ ” ＂ 「 」
        case "\u{FF08}": "("                  // （
        case "\u{FF09}": ")"                  // ）
        case "\u{2192}": "->"                // →
        case "\u{FF03}": "#"                  // ＃
        default: nil
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("\u{FF10}"..."\u{FF19}").contains(scalar) }

    /// `３０` as `30`.
    static func asciiDigits(_ fullWidth: String) -> String {
        String(String.UnicodeScalarView(fullWidth.unicodeScalars.map { Unicode.Scalar($0.value - 0xFF10 + 0x30)! }))
    }

    /// The dashes an arrow is typed with: ASCII, full-width, en and em dashes, the minus sign.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{FF0D}", "\u{2010}"..."\u{2015}", "\u{2212}": true
        default: false
        }
    }
}
