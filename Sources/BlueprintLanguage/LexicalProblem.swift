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
    case unterminatedString
    case escapeAtLineEnd
    case unknownEscape(Unicode.Scalar)
    case malformedUnicodeEscape
    case notAScalar(UInt32)

    var message: Message {
        switch self {
        case .lonelyCarriageReturn: Message(SyntaxMessage.lonelyCarriageReturn)
        case .unexpectedDash: Message(SyntaxMessage.unexpectedDash)
        case .unexpectedDot: Message(SyntaxMessage.unexpectedDot)
        case .fatArrow: Message(SyntaxMessage.fatArrow)
        case .unexpectedEquals: Message(SyntaxMessage.unexpectedEquals)
        case .unexpectedCharacter(let scalar):
            Message(SyntaxMessage.unexpectedCharacter, ["character": .text(CharacterClass.describe(scalar))])
        case .fullWidth(let scalar): Self.fullWidthMessage(scalar)
        case .unterminatedString: Message(SyntaxMessage.unterminatedString)
        case .escapeAtLineEnd: Message(SyntaxMessage.escapeAtLineEnd)
        case .unknownEscape(let scalar): Message(SyntaxMessage.unknownEscape, ["escape": .text(String(Character(scalar)))])
        case .malformedUnicodeEscape: Message(SyntaxMessage.malformedUnicodeEscape)
        case .notAScalar(let value): Message(SyntaxMessage.notAScalar, ["hex": .text(String(value, radix: 16, uppercase: true))])
        }
    }

    private static func fullWidthMessage(_ scalar: Unicode.Scalar) -> Message {
        let ascii = FullWidthPunctuation.ascii(for: scalar) ?? ""
        return Message(SyntaxMessage.fullWidth, [
            "character": .text(String(Character(scalar))), "code": .text(CharacterClass.codePoint(scalar)),
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
}
