/// Parses blueprint source into a syntax tree. One statement per line; a line
/// the grammar does not accept gives one `syntax` diagnostic and adds nothing,
/// and parsing goes on at the next line.
public enum Parser {
    public static func parse(_ source: SourceText) -> SyntaxTree {
        source.bytes.withUnsafeBufferPointer { buffer in
            var parser = LineParser(lexer: Lexer(bytes: buffer), lineCount: source.lineCount)
            return parser.parseFile()
        }
    }

    /// Parses text that is already a Swift string (always valid UTF-8).
    public static func parse(_ text: String) -> SyntaxTree {
        parse(SourceText(text))
    }
}

struct SyntaxError: Error {
    var message: String
    var range: SourceRange
}

private struct LineParser {
    var lexer: Lexer
    var tree = SyntaxTree()
    var tokens: [Token] = []
    var index = 0

    init(lexer: Lexer, lineCount: Int) {
        self.lexer = lexer
        tokens.reserveCapacity(32)
        // At most one statement per line; growing the array instead copies it over and over on a large file.
        tree.statements.reserveCapacity(lineCount)
    }

    mutating func parseFile() -> SyntaxTree {
        while !lexer.isAtEnd {
            lexer.lexLine(into: &tokens)
            if let last = tokens.last, last.kind == .comment {
                tokens.removeLast()
                tree.comments.append(Comment(text: last.value ?? "", range: last.range, isTrailing: !tokens.isEmpty))
            }
            guard let first = tokens.first else { continue }
            let isFirstStatement = tree.firstStatementStart == nil
            if isFirstStatement { tree.firstStatementStart = first.start }
            index = 0
            do {
                let kind = try parseStatement(isFirst: isFirstStatement)
                let end = tokens[tokens.count - 1].range.end
                tree.statements.append(Statement(kind: kind, range: SourceRange(start: first.start, end: end)))
            } catch {
                tree.diagnostics.append(Diagnostic(severity: .error, rule: .syntax, message: error.message, range: error.range))
                tree.errorLines.append(first.start.line)
            }
        }
        return tree
    }

    // MARK: - Token access

    var current: Token? { index < tokens.count ? tokens[index] : nil }

    func peek(_ ahead: Int) -> Token? {
        index + ahead < tokens.count ? tokens[index + ahead] : nil
    }

    /// Tokens of `kind` from the cursor to the end of the line: what a list there holds at most,
    /// so it can be sized once instead of grown element by element.
    func remainingCount(of kind: TokenKind) -> Int {
        var count = 0
        for position in index..<tokens.count where tokens[position].kind == kind { count += 1 }
        return count
    }

    /// The position just after the line's last token, where "end of line" errors point.
    var endOfLine: SourceRange {
        SourceRange(at: tokens.last?.range.end ?? .fileStart)
    }

    func text(_ token: Token) -> String { lexer.text(of: token) }

    func describe(_ token: Token?) -> String {
        guard let token else { return "end of line" }
        switch token.kind {
        case .identifier, .number: return "'\(text(token))'"
        case .string:
            let value = token.value ?? ""
            return value.count > 24 ? "string \"\(value.prefix(24))…\"" : "string \"\(value)\""
        case .arrow: return "'->'"
        case .dottedArrow: return "'..>'"
        case .comma: return "','"
        case .colon: return "':'"
        case .comment: return "comment"
        case .invalid: return "invalid text"
        }
    }

    /// The error for the token at the cursor when it is not what the grammar wants.
    func unexpected(_ expected: String) -> SyntaxError {
        guard let token = current else { return SyntaxError(message: "expected \(expected), found end of line", range: endOfLine) }
        if token.kind == .invalid { return SyntaxError(message: token.value ?? "invalid text", range: token.range) }
        return SyntaxError(message: "expected \(expected), found \(describe(token))", range: token.range)
    }

    mutating func expect(_ kind: TokenKind, _ expected: @autoclosure () -> String) throws(SyntaxError) -> Token {
        guard let token = current, token.kind == kind else { throw unexpected(expected()) }
        index += 1
        return token
    }

    mutating func expectString(_ expected: @autoclosure () -> String) throws(SyntaxError) -> StringLiteral {
        let token = try expect(.string, expected())
        return StringLiteral(value: token.value ?? "", range: token.range)
    }

    mutating func expectIdentifier(_ expected: @autoclosure () -> String) throws(SyntaxError) -> Identifier {
        let token = try expect(.identifier, expected())
        return Identifier(name: text(token), range: token.range)
    }

    mutating func expectKeyword(_ keyword: String, after context: String) throws(SyntaxError) {
        guard let token = current, token.kind == .identifier, text(token) == keyword else {
            var error = unexpected("'\(keyword)' after \(context)")
            if let token = current, token.kind == .identifier {
                error.message += Suggestion.hint(for: text(token), among: [keyword])
            }
            throw error
        }
        index += 1
    }

    func expectEnd(after context: String) throws(SyntaxError) {
        guard current != nil else { return }
        throw unexpected("end of line after \(context)")
    }

    mutating func expectDuration(after keyword: String) throws(SyntaxError) -> DurationLiteral {
        func expected() -> String { "a duration such as '45m' or '1h30m' after '\(keyword)'" }
        guard let token = current, token.kind == .number else { throw unexpected(expected()) }
        let written = lexer.textBytes(of: token)
        switch Duration.parse(written) {
        case .success(let duration):
            index += 1
            return DurationLiteral(duration: duration, text: text(token), range: token.range)
        case .failure(.notADuration):
            throw unexpected(expected())
        case .failure(.unitsOutOfOrder):
            throw SyntaxError(
                message: "invalid duration '\(text(token))': units go from largest to smallest (w, d, h, m, s), each at most once",
                range: token.range)
        case .failure(.tooLarge):
            throw SyntaxError(message: "duration '\(text(token))' is too large", range: token.range)
        }
    }

    mutating func expectInteger(after keyword: String) throws(SyntaxError) -> (Int, SourceRange) {
        func expected() -> String { "an integer after '\(keyword)'" }
        guard let token = current, token.kind == .number else { throw unexpected(expected()) }
        let written = text(token)
        let digits = written.hasPrefix("-") ? written.dropFirst() : Substring(written)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw unexpected(expected()) }
        index += 1
        // Any INTEGER is valid syntax; an out-of-range emotion is the linter's business.
        let value = Int(written) ?? (written.hasPrefix("-") ? Int.min : Int.max)
        return (value, token.range)
    }

    // MARK: - Statements

    mutating func parseStatement(isFirst: Bool) throws(SyntaxError) -> StatementKind {
        guard let first = current else { throw unexpected("a statement") }
        guard first.kind == .identifier else {
            throw unexpected("a statement (a keyword such as 'customer' or 'phase', or a flow such as 'a -> b')")
        }
        let word = text(first)
        let second = peek(1)

        if isFirst && word == "blueprint" {
            tree.headerKeywordRange = first.range
            index += 1
            let title = try expectString("the blueprint's title string after 'blueprint'")
            try expectEnd(after: "the title")
            return .header(HeaderStatement(title: title))
        }
        if let second, second.kind == .arrow || second.kind == .dottedArrow {
            return try parseFlow()
        }
        switch Self.statementKeywords.value(for: lexer.textBytes(of: first)) {
        case .header? where second?.kind == .string:
            throw SyntaxError(message: "'blueprint \"…\"' is the header and must be the first statement of the file", range: first.range)
        case .meta(let field)?:
            index += 1
            let value = try expectString("a string after '\(word)'")
            try expectEnd(after: "the \(word)")
            return .meta(MetaStatement(field: field, value: value))
        case .locale?:
            index += 1
            return try parseLocale()
        case .laneTitle?:
            index += 1
            return try parseLaneTitle()
        case .lineTitle?:
            index += 1
            return try parseLineTitle()
        case .phase?:
            index += 1
            let title = try expectString("the phase's title string after 'phase'")
            try expectEnd(after: "the phase title")
            return .phase(PhaseStatement(title: title))
        case .promise?:
            index += 1
            return try parsePromise()
        case .step(let lane)?:
            index += 1
            return try parseStep(lane: lane, laneKeyword: word)
        case .header?, nil:
            throw unknownStatement(first, word: word)
        }
    }

    /// What the first word of a statement starts.
    private enum StatementKeyword: Sendable {
        case header, meta(MetaField), locale, laneTitle, lineTitle, phase, promise, step(Lane)
    }

    private static let statementKeywords = KeywordTable<StatementKeyword>(
        [("blueprint", .header), ("locale", .locale), ("lane", .laneTitle), ("line", .lineTitle), ("phase", .phase), ("promise", .promise),
         ("onstage", .step(.frontstage))]
        + MetaField.allCases.map { ($0.rawValue, .meta($0)) } + Lane.allCases.map { ($0.rawValue, .step($0)) })

    private static let attributeNames = KeywordTable(AttributeName.allCases.map { ($0.rawValue, $0) })

    func unknownStatement(_ first: Token, word: String) -> SyntaxError {
        if let keyword = Suggestion.closest(to: word, among: Keyword.statementKeywords) {
            return SyntaxError(message: "unknown statement '\(word)' (did you mean '\(keyword)'?)", range: first.range)
        }
        var error = SyntaxError(message: "", range: first.range)
        if let second = peek(1) {
            error.message = "expected '->' or '..>' after '\(word)', found \(describe(second))"
            if second.kind == .invalid { error.message = second.value ?? error.message }
            error.range = second.range
        } else {
            error.message = "expected '->' or '..>' after '\(word)', found end of line"
            error.range = endOfLine
        }
        return error
    }

    mutating func parseLocale() throws(SyntaxError) -> StatementKind {
        let expected = "a locale ('en', 'zh-Hans' or 'zh-Hant') after 'locale'"
        guard let token = current, token.kind == .identifier else { throw unexpected(expected) }
        let word = text(token)
        guard let locale = BlueprintLocale(rawValue: word) else {
            throw SyntaxError(message: "unknown locale '\(word)'" + Suggestion.hint(for: word, among: Keyword.locales)
                + ": use 'en', 'zh-Hans' or 'zh-Hant'", range: token.range)
        }
        index += 1
        try expectEnd(after: "the locale")
        return .locale(LocaleStatement(locale: locale, valueRange: token.range))
    }

    mutating func parseLaneTitle() throws(SyntaxError) -> StatementKind {
        let expected = "a lane (evidence, customer, frontstage, backstage or support) after 'lane'"
        guard let token = current, token.kind == .identifier else { throw unexpected(expected) }
        let word = text(token)
        guard let lane = Lane(keyword: word) else {
            throw SyntaxError(message: "unknown lane '\(word)'" + Suggestion.hint(for: word, among: Keyword.laneKeywords), range: token.range)
        }
        index += 1
        let title = try expectString("the lane's title string after '\(word)'")
        try expectEnd(after: "the lane title")
        return .laneTitle(LaneTitleStatement(lane: lane, laneKeyword: word, title: title))
    }

    mutating func parseLineTitle() throws(SyntaxError) -> StatementKind {
        let expected = "a line (interaction, visibility or internal) after 'line'"
        guard let token = current, token.kind == .identifier else { throw unexpected(expected) }
        let word = text(token)
        guard let line = BlueprintLine(rawValue: word) else {
            throw SyntaxError(message: "unknown line '\(word)'" + Suggestion.hint(for: word, among: Keyword.lineKinds)
                + ": use interaction, visibility or internal", range: token.range)
        }
        index += 1
        let title = try expectString("the line's title string after '\(word)'")
        try expectEnd(after: "the line title")
        return .lineTitle(LineTitleStatement(line: line, title: title))
    }

    mutating func parsePromise() throws(SyntaxError) -> StatementKind {
        let description = try expectString("the promise's description string after 'promise'")
        try expectKeyword("from", after: "the promise's description")
        let from = try expectIdentifier("a step id after 'from'")
        try expectKeyword("to", after: "'from \(from.name)'")
        let to = try expectIdentifier("a step id after 'to'")
        try expectKeyword("within", after: "'to \(to.name)'")
        let within = try expectDuration(after: "within")
        try expectEnd(after: "the promise")
        return .promise(PromiseStatement(description: description, from: from, to: to, within: within))
    }

    mutating func parseFlow() throws(SyntaxError) -> StatementKind {
        let arrowCount = remainingCount(of: .arrow) + remainingCount(of: .dottedArrow)
        var ids: [Identifier] = []
        ids.reserveCapacity(arrowCount + 1)
        ids.append(try expectIdentifier("a step id"))
        var arrows: [FlowArrow] = []
        arrows.reserveCapacity(arrowCount)
        while let token = current, token.kind == .arrow || token.kind == .dottedArrow {
            index += 1
            arrows.append(token.kind == .arrow ? .handOff : .information)
            ids.append(try expectIdentifier("a step id after '\(arrows.last!.rawValue)'"))
        }
        var label: StringLiteral?
        if let token = current, token.kind == .colon {
            index += 1
            label = try expectString("the flow's label string after ':'")
        } else if current != nil {
            throw unexpected("'->', '..>' or ':' after '\(ids.last!.name)'")
        }
        try expectEnd(after: "the flow's label")
        return .flow(FlowStatement(ids: ids, arrows: arrows, label: label))
    }

    mutating func parseStep(lane: Lane, laneKeyword: String) throws(SyntaxError) -> StatementKind {
        let id = try expectIdentifier("an id after '\(laneKeyword)'")
        let label = try expectString("a label string after '\(id.name)'")
        var attributes: [Attribute] = []
        attributes.reserveCapacity(remainingCount(of: .comma))
        while let token = current {
            guard token.kind == .comma else {
                if token.kind == .identifier {
                    throw SyntaxError(message: "expected ',' before '\(text(token))'", range: token.range)
                }
                throw unexpected("',' or end of line")
            }
            index += 1
            attributes.append(try parseAttribute())
        }
        return .step(StepStatement(lane: lane, laneKeyword: laneKeyword, id: id, label: label, attributes: attributes))
    }

    mutating func parseAttribute() throws(SyntaxError) -> Attribute {
        let expected = "an attribute after ','"
        guard let token = current, token.kind == .identifier else { throw unexpected(expected) }
        let word = text(token)
        guard let name = Self.attributeNames.value(for: lexer.textBytes(of: token)) else {
            throw SyntaxError(message: "unknown attribute '\(word)'" + Suggestion.hint(for: word, among: Keyword.attributeKeywords),
                              range: token.range)
        }
        index += 1
        let value: AttributeValue
        switch name {
        case .moment:
            value = .flag
        case .emotion:
            let (number, range) = try expectInteger(after: word)
            value = .integer(number, range)
        case .actor, .channel, .note:
            value = .text(try expectString("a string after '\(word)'"))
        case .takes, .wait, .tolerance:
            value = .duration(try expectDuration(after: word))
        case .fail:
            let description = try expectString("a string describing the failure after 'fail'")
            var recovery: Identifier?
            if let next = current, next.kind == .identifier {
                let nextWord = text(next)
                if nextWord == "recover" {
                    index += 1
                    recovery = try expectIdentifier("the id of the recovery step after 'recover'")
                } else if Suggestion.closest(to: nextWord, among: ["recover"]) != nil {
                    throw SyntaxError(message: "expected ',' or 'recover' after the failure, found '\(nextWord)' (did you mean 'recover'?)",
                                      range: next.range)
                }
            }
            value = .failure(description, recover: recovery)
        case .evidence:
            value = .reference(try expectIdentifier("an evidence id after 'evidence'"))
        }
        return Attribute(name: name, keywordRange: token.range, value: value)
    }
}
