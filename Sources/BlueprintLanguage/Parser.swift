import BlueprintDiagnostics

/// Parses blueprint source into a syntax tree. One statement per line; a line the grammar does not
/// accept gives one `syntax` diagnostic, and parsing goes on at the next line. A step or evidence
/// line whose lane keyword and id parse still declares its item, with the attributes that parsed
/// before the error (spec section 8, "Bad lines").
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
    var message: Message
    var range: SourceRange
    var fixes: [Fix] = []
}

private struct LineParser {
    var lexer: Lexer
    var tree = SyntaxTree()
    var tokens: [Token] = []
    var index = 0
    /// The error of a step line that still declares its step.
    var recoveredError: SyntaxError?
    /// Where the flow statements of the tree keep their ids, arrows and labels.
    let flowTable = FlowTable()
    /// The ids and arrows of the flow line being parsed: they reach the table only once the whole
    /// line has parsed, so a bad line leaves nothing in it.
    var flowIDs: [Identifier] = []
    var flowArrows: [FlowArrow] = []

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
                tree.comments.append(Comment(text: lexer.value(of: last), range: last.range, isTrailing: !tokens.isEmpty))
            }
            guard let first = tokens.first else { continue }
            let isFirstStatement = tree.firstStatementStart == nil
            if isFirstStatement { tree.firstStatementStart = first.start }
            index = 0
            do {
                let kind = try parseStatement(isFirst: isFirstStatement)
                let end = tokens[tokens.count - 1].range.end
                if case .step(let step) = kind { tree.declaredItems.append(DeclaredItem(name: step.id.name, lane: step.lane)) }
                tree.statements.append(Statement(kind: kind, range: SourceRange(start: first.start, end: end)))
                if let error = recoveredError {
                    recoveredError = nil
                    record(error, declares: true)
                }
            } catch {
                record(error, declares: false)
            }
        }
        return tree
    }

    /// Adds the diagnostic of a bad line and what the line names, so the linter can tell which
    /// diagnostics elsewhere the error may have caused.
    mutating func record(_ error: SyntaxError, declares: Bool) {
        guard tree.diagnostics.count < SyntaxTree.errorLimit else {
            tree.omittedErrorCount += 1
            return
        }
        tree.diagnostics.append(Diagnostic(severity: .error, rule: .syntax, text: error.message, range: error.range, fixes: error.fixes))
        // The parse stops at the first error; the other slips the lexer saw on the line are reported
        // now, each with its fix, rather than one fixing round at a time.
        for token in tokens where token.kind == .invalid && token.range != error.range && tree.diagnostics.count < SyntaxTree.errorLimit {
            guard let problem = token.problem else { continue }
            let slip = lexicalError(problem, at: token)
            if !slip.fixes.isEmpty {
                tree.diagnostics.append(Diagnostic(severity: .error, rule: .syntax, text: slip.message, range: slip.range, fixes: slip.fixes))
            }
        }
        let line = tokens[0].start.line
        tree.errorLines.append(line)
        var badLine = BadLine(line: line, end: tokens[tokens.count - 1].range.end, declaresItem: declares)
        for (position, token) in tokens.enumerated() {
            switch token.kind {
            case .identifier where position > 0 && badLine.names.count < BadLine.namesKept: badLine.names.append(text(token))
            case .arrow, .dottedArrow: badLine.mayHoldFlows = true
            case .invalid where token.problem?.meantAsArrow == true: badLine.mayHoldFlows = true
            default: break
            }
        }
        if badLine.mayHoldFlows && tokens[0].kind == .identifier { badLine.flowStart = text(tokens[0]) }
        // A word where a lane keyword should be, followed by what may be the id it declares.
        badLine.mayDeclareItem = !declares && tokens.count >= 2 && tokens[0].kind == .identifier && tokens[1].kind == .identifier
            && Self.statementKeywords.value(for: lexer.textBytes(of: tokens[0])) == nil
        tree.badLines.append(badLine)
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

    func describe(_ token: Token?) -> Message {
        guard let token else { return Message(SyntaxMessage.foundEndOfLine) }
        switch token.kind {
        case .identifier, .number: return Message(SyntaxMessage.foundWord, ["text": .text(text(token))])
        case .string:
            let value = lexer.value(of: token)
            return Message(SyntaxMessage.foundString, ["text": .text(value.count > 24 ? "\(value.prefix(24))…" : value)])
        case .arrow: return Message(SyntaxMessage.foundWord, ["text": .text("->")])
        case .dottedArrow: return Message(SyntaxMessage.foundWord, ["text": .text("..>")])
        case .comma: return Message(SyntaxMessage.foundWord, ["text": .text(",")])
        case .colon: return Message(SyntaxMessage.foundWord, ["text": .text(":")])
        case .range: return Message(SyntaxMessage.foundWord, ["text": .text("..")])
        case .percent: return Message(SyntaxMessage.foundWord, ["text": .text("%")])
        case .slash: return Message(SyntaxMessage.foundWord, ["text": .text("/")])
        case .comment: return Message(SyntaxMessage.foundComment)
        case .invalid: return Message(SyntaxMessage.foundInvalidText)
        }
    }

    /// The error for the token at the cursor when it is not what the grammar wants.
    func unexpected(_ expected: Message) -> SyntaxError {
        unexpected(expected, found: current)
    }

    func unexpected(_ expected: Message, found token: Token?) -> SyntaxError {
        guard let token else {
            return SyntaxError(message: Message(SyntaxMessage.expectedFound, ["expected": .message(expected), "found": .message(describe(nil))]),
                               range: endOfLine)
        }
        if token.kind == .invalid, let problem = token.problem { return lexicalError(problem, at: token) }
        return SyntaxError(message: Message(SyntaxMessage.expectedFound, ["expected": .message(expected), "found": .message(describe(token))]),
                           range: token.range)
    }

    /// A character the lexer refused, with the fix when the intent is plain: full-width punctuation
    /// and digits to ASCII, `=>` and dash arrows to `->`, a semicolon to a comma or, at the end, to nothing.
    func lexicalError(_ problem: LexicalProblem, at token: Token) -> SyntaxError {
        let written = text(token)
        var error = SyntaxError(message: problem.message(written: written), range: token.range)
        // A full-width comma or a semicolon carries its own space; the ASCII comma needs one before the next word.
        let touchesNext = lexer.startsToken(at: token.range.end.offset)
        switch problem {
        case .fullWidth(let scalar):
            guard let ascii = FullWidthPunctuation.ascii(for: scalar) else { break }
            error.fixes = [replacement(of: token.range, old: written, new: ascii == "," && touchesNext ? ", " : ascii)]
        case .fullWidthDigits:
            error.fixes = [replacement(of: token.range, old: written, new: FullWidthPunctuation.asciiDigits(written))]
        case .fatArrow, .dashArrow:
            error.fixes = [replacement(of: token.range, old: written, new: "->")]
        case .semicolon where token.range.end == tokens[tokens.count - 1].range.end:
            error.fixes = [Fix(title: Message(SyntaxMessage.removeCharacter, ["character": .text(written)]),
                               edits: [TextEdit(range: token.range, replacement: "")], isSafe: true)]
        case .semicolon:
            error.fixes = [replacement(of: token.range, old: written, new: touchesNext ? ", " : ",")]
        default:
            break
        }
        return error
    }

    /// A fix replacing `old` at `range` with `new`; safe, as it is the only candidate offered.
    func replacement(of range: SourceRange, old: String, new: String) -> Fix {
        Fix(title: Message(SyntaxMessage.replaceWord, ["old": .text(old), "new": .text(new)]),
            edits: [TextEdit(range: range, replacement: new)], isSafe: true)
    }

    /// "unknown …" for `token`, with a "did you mean" and its fix when there is a candidate.
    func unknownWord(_ entry: SyntaxMessage, _ token: Token, candidate: String?) -> SyntaxError {
        let word = text(token)
        return SyntaxError(message: Message(entry, ["word": .text(word)], suggesting: candidate), range: token.range,
                           fixes: candidate.map { [replacement(of: token.range, old: word, new: $0)] } ?? [])
    }

    mutating func expect(_ kind: TokenKind, _ expected: @autoclosure () -> Message) throws(SyntaxError) -> Token {
        guard let token = current, token.kind == kind else { throw unexpected(expected()) }
        index += 1
        return token
    }

    mutating func expectString(_ expected: @autoclosure () -> Message) throws(SyntaxError) -> StringLiteral {
        let token = try expect(.string, expected())
        return StringLiteral(value: lexer.value(of: token), range: token.range)
    }

    mutating func expectIdentifier(_ expected: @autoclosure () -> Message) throws(SyntaxError) -> Identifier {
        let token = try expect(.identifier, expected())
        return Identifier(name: text(token), range: token.range)
    }

    mutating func expectKeyword(_ keyword: String, after context: Message) throws(SyntaxError) {
        guard let token = current, token.kind == .identifier, text(token) == keyword else {
            var error = unexpected(Message(SyntaxMessage.keywordAfter, ["keyword": .text(keyword), "context": .message(context)]))
            if let token = current, token.kind == .identifier, Suggestion.closest(to: text(token), among: [keyword]) != nil {
                error.message = Message(SyntaxMessage.expectedFound, error.message.arguments, suggesting: keyword)
                error.fixes = [replacement(of: token.range, old: text(token), new: keyword)]
            }
            throw error
        }
        index += 1
    }

    func expectEnd(after context: Message) throws(SyntaxError) {
        guard current != nil else { return }
        throw unexpected(Message(SyntaxMessage.endOfLineAfter, ["context": .message(context)]))
    }

    mutating func expectDuration(after keyword: String) throws(SyntaxError) -> DurationLiteral {
        func expected() -> Message { Message(SyntaxMessage.durationAfter, ["keyword": .text(keyword)]) }
        guard let token = current, token.kind == .number else { throw unexpected(expected()) }
        let written = lexer.textBytes(of: token)
        switch Duration.parse(written) {
        case .success(let duration):
            index += 1
            return DurationLiteral(duration: duration, text: text(token), range: token.range)
        case .failure(.notADuration):
            throw durationInWords(token) ?? unexpected(expected())
        case .failure(.unitsOutOfOrder):
            throw SyntaxError(message: Message(SyntaxMessage.unitsOutOfOrder, ["text": .text(text(token))]), range: token.range)
        case .failure(.tooLarge):
            throw SyntaxError(message: Message(SyntaxMessage.durationTooLarge, ["text": .text(text(token))]), range: token.range)
        }
    }

    /// A duration written with words (`5分钟`, `1小时30分钟`, `5min`, `2 hours`): the number
    /// `token` at the cursor, perhaps with the next token's unit words, that is no duration as written.
    func durationInWords(_ token: Token) -> SyntaxError? {
        // The number with the words after it (`5 分钟`), else the number token alone (`5min`).
        var ranges = [token.range]
        if let next = peek(1), next.kind == .identifier {
            ranges.insert(SourceRange(start: token.range.start, end: next.range.end), at: 0)
        }
        for range in ranges {
            if let days = DurationWords.workingDays(lexer.text(from: range.start.offset, to: range.end.offset)) {
                return workingDaysError(days, at: range)
            }
        }
        for range in ranges {
            guard let canonical = DurationWords.canonical(lexer.text(from: range.start.offset, to: range.end.offset)) else { continue }
            return SyntaxError(
                message: Message(SyntaxMessage.durationWords, ["canonical": .text(canonical)]), range: range,
                fixes: [Fix(title: Message(SyntaxMessage.writeDuration, ["canonical": .text(canonical)]),
                            edits: [TextEdit(range: range, replacement: canonical)], isSafe: true)])
        }
        return nil
    }

    /// Working days are no calendar time: five are a week, and a part week may straddle a weekend,
    /// so its fix (the longest it can take) is offered, not applied unasked.
    func workingDaysError(_ days: Int, at range: SourceRange) -> SyntaxError {
        let (weeks, rest) = days.quotientAndRemainder(dividingBy: 5)
        let canonical = (weeks > 0 ? "\(weeks)w" : "") + (rest > 0 ? "\(rest + 2)d" : "")
        return SyntaxError(
            message: Message(SyntaxMessage.workingDays, ["count": .text(String(days)), "canonical": .text(canonical)]), range: range,
            fixes: [Fix(title: Message(SyntaxMessage.writeDuration, ["canonical": .text(canonical)]),
                        edits: [TextEdit(range: range, replacement: canonical)], isSafe: rest == 0)])
    }

    /// `takes` and `wait`: a duration, or two or three joined by `..` (language 1.2).
    mutating func expectSpan(after keyword: String) throws(SyntaxError) -> AttributeValue {
        let first = try expectDuration(after: keyword)
        // Nearly every value is a single duration: no array for it.
        guard let next = current, next.kind == .range else { return .duration(first) }
        var values = [first]
        while values.count < 3, let token = current, token.kind == .range {
            index += 1
            values.append(try expectDuration(after: ".."))
        }
        return .span(SpanLiteral(values: values))
    }

    /// A NUMBER: digits with an optional fraction.
    mutating func expectNumber(_ expected: @autoclosure () -> Message) throws(SyntaxError) -> NumberLiteral {
        guard let token = current, token.kind == .number else { throw unexpected(expected()) }
        let written = text(token)
        let parts = written.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else {
            throw unexpected(expected())
        }
        index += 1
        return NumberLiteral(value: Double(written) ?? .infinity, text: written, range: token.range)
    }

    /// `30%`.
    mutating func expectPercent(after word: String) throws(SyntaxError) -> PercentLiteral {
        func expected() -> Message { Message(SyntaxMessage.percentAfter, ["word": .text(word)]) }
        let number = try expectNumber(expected())
        let sign = try expect(.percent, expected())
        return PercentLiteral(number: number, range: SourceRange(start: number.range.start, end: sign.range.end))
    }

    /// `40/h`, `300/d`, `2000/w`.
    mutating func expectRate() throws(SyntaxError) -> RateLiteral {
        func expected() -> Message { Message(SyntaxMessage.rateAfterDemand) }
        let number = try expectNumber(expected())
        _ = try expect(.slash, expected())
        guard let token = current, token.kind == .identifier, let unit = RateUnit(rawValue: text(token)) else { throw unexpected(expected()) }
        index += 1
        return RateLiteral(number: number, unit: unit, range: SourceRange(start: number.range.start, end: token.range.end))
    }

    mutating func expectInteger(after keyword: String) throws(SyntaxError) -> (Int, SourceRange) {
        func expected() -> Message { Message(SyntaxMessage.integerAfter, ["keyword": .text(keyword)]) }
        guard let token = current, token.kind == .number else { throw unexpected(expected()) }
        // Read from the bytes: no string is made for a number.
        let bytes = lexer.textBytes(of: token)
        let isNegative = bytes.first == UInt8(ascii: "-")
        let digits = bytes.dropFirst(isNegative ? 1 : 0)
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { throw unexpected(expected()) }
        index += 1
        // Any INTEGER is valid syntax; an out-of-range emotion is the linter's business, and a number
        // past Int's range is kept at its end.
        var value = 0, overflow = false
        for digit in digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = isNegative ? times10.subtractingReportingOverflow(Int(digit - 0x30)) : times10.addingReportingOverflow(Int(digit - 0x30))
            overflow = overflow || o1 || o2
            value = next
        }
        return (overflow ? (isNegative ? Int.min : Int.max) : value, token.range)
    }

    // MARK: - Statements

    mutating func parseStatement(isFirst: Bool) throws(SyntaxError) -> StatementKind {
        guard let first = current else { throw unexpected(Message(SyntaxMessage.statement)) }
        guard first.kind == .identifier else { throw unexpected(Message(SyntaxMessage.statement)) }
        let second = peek(1)

        // A keyword is read from the line's bytes, and named in messages by its own spelling, which
        // it matched: a string of the word is made only for a line that starts with no keyword.
        if isFirst && lexer.bytesEqual(first, "blueprint") {
            tree.headerKeywordRange = first.range
            index += 1
            let title = try expectString(Message(SyntaxMessage.headerTitle))
            try expectEnd(after: Message(SyntaxMessage.theTitle))
            return .header(HeaderStatement(title: title))
        }
        if let second, second.kind == .arrow || second.kind == .dottedArrow {
            return try parseFlow()
        }
        switch Self.statementKeywords.value(for: lexer.textBytes(of: first)) {
        case .header? where second?.kind == .string:
            throw SyntaxError(message: Message(SyntaxMessage.headerNotFirst), range: first.range)
        case .meta(let field)?:
            let word = field.rawValue
            index += 1
            let value = try expectString(Message(SyntaxMessage.stringAfter, ["word": .text(word)]))
            try expectEnd(after: Message(SyntaxMessage.theMeta, ["word": .text(word)]))
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
            let title = try expectString(Message(SyntaxMessage.phaseTitle))
            try expectEnd(after: Message(SyntaxMessage.thePhaseTitle))
            return .phase(PhaseStatement(title: title))
        case .promise?:
            index += 1
            return try parsePromise()
        case .demand?:
            index += 1
            let rate = try expectRate()
            try expectEnd(after: Message(SyntaxMessage.theDemand))
            return .demand(DemandStatement(rate: rate))
        case .step(let lane, let keyword)?:
            index += 1
            return try parseStep(lane: lane, laneKeyword: keyword)
        case .header?, nil:
            throw unknownStatement(first, word: text(first))
        }
    }

    /// What the first word of a statement starts.
    private enum StatementKeyword: Sendable {
        case header, meta(MetaField), demand, locale, laneTitle, lineTitle, phase, promise, step(Lane, keyword: String)
    }

    private static let statementKeywords = KeywordTable<StatementKeyword>(
        [("blueprint", .header), ("locale", .locale), ("lane", .laneTitle), ("line", .lineTitle), ("phase", .phase), ("promise", .promise), ("demand", .demand),
         ("onstage", .step(.frontstage, keyword: "onstage"))]
        + MetaField.allCases.map { ($0.rawValue, .meta($0)) } + Lane.allCases.map { ($0.rawValue, .step($0, keyword: $0.rawValue)) })

    private static let attributeNames = KeywordTable(AttributeName.allCases.map { ($0.rawValue, $0) })

    /// A first word that starts no statement: a misspelt keyword, a lane the grammar does not know
    /// (a word, an id and a string, as in `front d "…"` or `前台 分诊 "…"`), or the start of a flow.
    func unknownStatement(_ first: Token, word: String) -> SyntaxError {
        if let keyword = Suggestion.closest(to: word, among: Keyword.statementKeywords) {
            return unknownWord(.unknownStatement, first, candidate: keyword)
        }
        if let second = peek(1), second.kind == .identifier, let third = peek(2), third.kind == .string || third.kind == .invalid {
            return unknownLane(first)
        }
        return unexpected(Message(SyntaxMessage.arrowAfter, ["word": .text(word)]), found: peek(1))
    }

    /// An unknown lane, with the lane meant when it is plain, else the list of lane keywords.
    func unknownLane(_ token: Token) -> SyntaxError {
        let word = text(token)
        let candidate = WrittenLaneNames.likelyKeyword(for: word)
        if candidate != nil && !WrittenLaneNames.isChinese(word) {
            return unknownWord(.unknownLane, token, candidate: candidate)
        }
        return unknownWord(.unknownLaneListed, token, candidate: candidate)
    }

    mutating func parseLocale() throws(SyntaxError) -> StatementKind {
        guard let token = current, token.kind == .identifier else { throw unexpected(Message(SyntaxMessage.locale)) }
        guard let locale = BlueprintLocale(rawValue: text(token)) else {
            guard let meant = meantLocale(text(token)) else {
                throw unknownWord(.unknownLocale, token, candidate: Suggestion.closest(to: text(token), among: Keyword.locales))
            }
            // The line still sets the locale meant, so the file's messages and titles follow it until it is fixed.
            index = tokens.count
            recoveredError = unknownWord(.unknownLocale, token, candidate: meant.rawValue)
            return .locale(LocaleStatement(locale: meant, valueRange: token.range))
        }
        index += 1
        try expectEnd(after: Message(SyntaxMessage.theLocale))
        return .locale(LocaleStatement(locale: locale, valueRange: token.range))
    }

    /// The Chinese script a language tag such as `zh-TW`, `zh_CN` or `zh` stands for; a bare `zh` by
    /// the characters of the file, Simplified unless it holds Traditional ones.
    func meantLocale(_ tag: String) -> BlueprintLocale? {
        let parts = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard parts.first == "zh" else { return nil }
        switch parts.dropFirst().first {
        case "tw", "hk", "mo", "hant": return .zhHant
        case "cn", "sg", "my", "hans": return .zhHans
        case nil: return lexer.containsTraditionalCharacters ? .zhHant : .zhHans
        default: return nil
        }
    }

    mutating func parseLaneTitle() throws(SyntaxError) -> StatementKind {
        guard let token = current, token.kind == .identifier else { throw unexpected(Message(SyntaxMessage.laneAfterLane)) }
        let word = text(token)
        guard let lane = Lane(keyword: word) else { throw unknownLane(token) }
        index += 1
        let title = try expectString(Message(SyntaxMessage.laneTitleString, ["word": .text(word)]))
        try expectEnd(after: Message(SyntaxMessage.theLaneTitle))
        return .laneTitle(LaneTitleStatement(lane: lane, laneKeyword: word, title: title))
    }

    mutating func parseLineTitle() throws(SyntaxError) -> StatementKind {
        guard let token = current, token.kind == .identifier else { throw unexpected(Message(SyntaxMessage.lineAfterLine)) }
        let word = text(token)
        guard let line = BlueprintLine(rawValue: word) else {
            throw unknownWord(.unknownLine, token, candidate: Suggestion.closest(to: word, among: Keyword.lineKinds))
        }
        index += 1
        let title = try expectString(Message(SyntaxMessage.lineTitleString, ["word": .text(word)]))
        try expectEnd(after: Message(SyntaxMessage.theLineTitle))
        return .lineTitle(LineTitleStatement(line: line, title: title))
    }

    mutating func parsePromise() throws(SyntaxError) -> StatementKind {
        let description = try expectString(Message(SyntaxMessage.promiseDescription))
        try expectKeyword("from", after: Message(SyntaxMessage.thePromiseDescription))
        let from = try expectIdentifier(Message(SyntaxMessage.stepIDAfter, ["word": .text("from")]))
        try expectKeyword("to", after: Message(SyntaxMessage.quotedClause, ["keyword": .text("from"), "id": .text(from.name)]))
        let to = try expectIdentifier(Message(SyntaxMessage.stepIDAfter, ["word": .text("to")]))
        try expectKeyword("within", after: Message(SyntaxMessage.quotedClause, ["keyword": .text("to"), "id": .text(to.name)]))
        let within = try expectDuration(after: "within")
        var share: PercentLiteral?
        if let token = current, token.kind == .identifier, text(token) == "for" {
            index += 1
            share = try expectPercent(after: "for")
        }
        try expectEnd(after: Message(SyntaxMessage.thePromise))
        return .promise(PromiseStatement(description: description, from: from, to: to, within: within, share: share))
    }

    mutating func parseFlow() throws(SyntaxError) -> StatementKind {
        flowIDs.removeAll(keepingCapacity: true)
        flowArrows.removeAll(keepingCapacity: true)
        flowIDs.append(try expectIdentifier(Message(SyntaxMessage.stepID)))
        while let token = current, token.kind == .arrow || token.kind == .dottedArrow {
            index += 1
            let arrow: FlowArrow = token.kind == .arrow ? .handOff : .information
            flowArrows.append(arrow)
            flowIDs.append(try expectIdentifier(Message(SyntaxMessage.stepIDAfter, ["word": .text(arrow.rawValue)])))
        }
        var label: StringLiteral?
        if let token = current, token.kind == .colon {
            index += 1
            label = try expectString(Message(SyntaxMessage.flowLabel))
        }
        var share: PercentLiteral?
        if let token = current, token.kind == .comma {
            index += 1
            share = try expectPercent(after: ",")
        } else if label == nil, current != nil {
            throw unexpected(Message(SyntaxMessage.arrowOrLabelAfter, ["word": .text(flowIDs[flowIDs.count - 1].name)]))
        }
        try expectEnd(after: Message(share == nil ? SyntaxMessage.theFlowLabel : SyntaxMessage.theShare))
        return .flow(flowTable.append(ids: flowIDs, arrows: flowArrows, label: label, share: share))
    }

    /// Once the lane keyword and the id have parsed, the line declares its item whatever follows:
    /// an error after them is kept in `recoveredError`, with the label (empty if it did not parse)
    /// and the attributes that parsed completely before it.
    mutating func parseStep(lane: Lane, laneKeyword: String) throws(SyntaxError) -> StatementKind {
        let id = try expectIdentifier(Message(SyntaxMessage.idAfterLane, ["word": .text(laneKeyword)]))
        var label: StringLiteral?
        var attributes: [Attribute] = []
        do throws(SyntaxError) {
            label = try expectString(Message(SyntaxMessage.labelAfterID, ["id": .text(id.name)]))
            attributes.reserveCapacity(remainingCount(of: .comma))
            while let token = current {
                guard token.kind == .comma else {
                    if token.kind == .identifier { throw missingComma(before: token) }
                    throw unexpected(Message(SyntaxMessage.commaOrEndOfLine))
                }
                index += 1
                attributes.append(try parseAttribute())
            }
        } catch {
            recoveredError = error
        }
        return .step(StepStatement(lane: lane, laneKeyword: laneKeyword, id: id,
                                   label: label ?? StringLiteral(value: "", range: SourceRange(at: id.range.end)), attributes: attributes))
    }

    /// "expected ',' before 'emotion'", fixed by a comma after the previous token.
    func missingComma(before token: Token) -> SyntaxError {
        let previousEnd = tokens[index - 1].range.end
        return SyntaxError(
            message: Message(SyntaxMessage.missingComma, ["word": .text(text(token))]), range: token.range,
            fixes: [Fix(title: Message(SyntaxMessage.insertComma, ["word": .text(text(token))]),
                        edits: [TextEdit(range: SourceRange(at: previousEnd), replacement: ",")], isSafe: true)])
    }

    mutating func parseAttribute() throws(SyntaxError) -> Attribute {
        guard let token = current, token.kind == .identifier else { throw unexpected(Message(SyntaxMessage.attributeAfterComma)) }
        guard let name = Self.attributeNames.value(for: lexer.textBytes(of: token)) else {
            throw unknownWord(.unknownAttribute, token, candidate: Suggestion.closest(to: text(token), among: Keyword.attributeKeywords))
        }
        // As written: the keyword matched byte for byte.
        let word = name.rawValue
        index += 1
        let value: AttributeValue
        switch name {
        case .moment:
            value = .flag
        case .emotion:
            let (number, range) = try expectInteger(after: word)
            value = .integer(number, range)
        case .actor, .channel, .note:
            value = .text(try expectString(Message(SyntaxMessage.stringAfter, ["word": .text(word)])))
        case .takes, .wait:
            value = try expectSpan(after: word)
        case .tolerance:
            value = .duration(try expectDuration(after: word))
        case .servers:
            let (number, range) = try expectInteger(after: word)
            value = .integer(number, range)
        case .fail:
            let description = try expectString(Message(SyntaxMessage.failDescription))
            var recovery: Identifier?
            if let next = current, next.kind == .identifier {
                if lexer.bytesEqual(next, "recover") {
                    index += 1
                    recovery = try expectIdentifier(Message(SyntaxMessage.recoveryID))
                } else if case let nextWord = text(next), Suggestion.closest(to: nextWord, among: ["recover"]) != nil {
                    throw SyntaxError(message: Message(SyntaxMessage.commaOrRecover, ["word": .text(nextWord)], suggesting: "recover"),
                                      range: next.range, fixes: [replacement(of: next.range, old: nextWord, new: "recover")])
                }
            }
            value = .failure(description, recover: recovery)
        case .evidence:
            value = .reference(try expectIdentifier(Message(SyntaxMessage.evidenceID)))
        }
        return Attribute(name: name, keywordRange: token.range, value: value)
    }
}
