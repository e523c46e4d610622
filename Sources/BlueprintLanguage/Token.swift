import BlueprintDiagnostics

enum TokenKind: Hashable, Sendable {
    case identifier
    /// A `"…"` string; its value (escapes resolved) is the lexer's `value(of:)`.
    case string
    /// Starts with a digit or `-digit`: an integer or a duration, decided by context.
    case number
    case arrow
    case dottedArrow
    case comma
    case colon
    /// `..` between the values of a span.
    case range
    case percent
    /// `/` of a rate.
    case slash
    /// `#` to the end of the line; the text after `#` is the lexer's `value(of:)`.
    case comment
    /// Text the lexer cannot accept; what is wrong with it is in `Token.problem`.
    case invalid
}

struct Token: Sendable {
    var kind: TokenKind
    var range: SourceRange
    /// Where the lexer keeps the value of a string with escapes; -1 for any other token. A string
    /// without escapes or a comment has its value read from the source when the parser asks for it:
    /// the lexer makes no string the parser would copy and then drop, and a token holding none is
    /// copied, and its line's tokens dropped, without counting references.
    var valueIndex = -1
    var problem: LexicalProblem?

    var start: SourcePosition { range.start }
}
