/// The character classes of spec section 8, for the non-ASCII scalars the lexer meets.
///
/// The four tests are never inlined. The general category is read through the standard library's
/// resilient types, whose set-up (type metadata, the categories' values) the optimiser hoists to the
/// top of a caller's loop: inlined, every identifier and every line paid for it, ASCII or not.
enum CharacterClass {
    @inline(never) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }

    @inline(never) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    @inline(never) static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    @inline(never) static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// `U+0000`-style name for messages about characters that cannot be shown as they are.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// How a character is quoted in a message: visible characters as they are, others by code point.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let category = scalar.properties.generalCategory
        switch category {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return codePoint(scalar)
        default:
            return "'\(Character(scalar))' (\(codePoint(scalar)))"
        }
    }
}

/// Characters that reorder the text around them or are not seen at all: bidirectional embeddings,
/// overrides, isolates and marks, and invisible format characters. In a label they can make the
/// text read differently from what it holds ("Trojan Source"), so the linter reports them
/// (`suspicious-character`) and diagrams leave them out. The zero-width joiner and non-joiner are
/// not among them: emoji sequences and several scripts need them.
public enum SuspiciousCharacter {
    private static let codePoints: Set<UInt32> = [
        0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
    ]

    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        codePoints.contains(scalar.value)
    }

    /// `U+202E RIGHT-TO-LEFT OVERRIDE`: how messages name one.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        CharacterClass.codePoint(scalar) + (scalar.properties.name.map { " " + $0 } ?? "")
    }
}
