import BlueprintDiagnostics

/// A token of one line, read by the parser's own lexer. Editor features on a line being typed need
/// it: such a line seldom parses, so the syntax tree holds no statement for it.
public struct LineToken: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case word, string, unterminatedString, number, arrow, comma, colon, comment, invalid
        /// `..`, `%` or `/` of a span, a share or a rate (language 1.2).
        case symbol
    }

    public var kind: Kind
    public var range: SourceRange
    /// The text as written (a string with its quotes).
    public var text: String
}

extension SourceText {
    /// The tokens of a 1-based line, as the parser reads them.
    public func tokens(onLine line: Int) -> [LineToken] {
        guard line >= 1, line <= lineCount else { return [] }
        let start = lineStarts[line - 1]
        let end = line < lineCount ? lineStarts[line] : bytes.count
        return bytes[start..<end].withUnsafeBufferPointer { buffer in
            var lexer = Lexer(bytes: buffer)
            var tokens: [Token] = []
            lexer.lexLine(into: &tokens)
            return tokens.map { token in
                // The lexer counted from the line's start: only the line and the offset move.
                func moved(_ position: SourcePosition) -> SourcePosition {
                    SourcePosition(line: line, column: position.column, offset: position.offset + start)
                }
                return LineToken(kind: LineToken.Kind(token), range: SourceRange(start: moved(token.range.start), end: moved(token.range.end)),
                                 text: lexer.text(of: token))
            }
        }
    }
}

extension LineToken.Kind {
    fileprivate init(_ token: Token) {
        self = switch token.kind {
        case .identifier: .word
        case .string: .string
        case .number: .number
        case .arrow, .dottedArrow: .arrow
        case .comma: .comma
        case .colon: .colon
        case .range, .percent, .slash: .symbol
        case .comment: .comment
        case .invalid: token.problem == .unterminatedString ? .unterminatedString : .invalid
        }
    }
}
