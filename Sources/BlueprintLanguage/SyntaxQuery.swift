import BlueprintDiagnostics

/// Where an id that names a step or an evidence item stands.
public enum ReferenceContext: Hashable, Sendable {
    /// An id of a flow chain (`a -> b`).
    case flow
    /// The id after `recover` in a `fail` attribute.
    case recover
    /// The id of an `evidence` attribute.
    case evidence
    /// The id after `from` in a promise.
    case promiseFrom
    /// The id after `to` in a promise.
    case promiseTo
}

/// What stands at a position of a source file, for editor features such as hover, go to definition
/// and highlights. Every case but `nothing` knows its range (`range`), the span an editor marks.
public enum SyntaxElement: Hashable, Sendable {
    /// The id of a step line.
    case stepDeclaration(StepStatement)
    /// The id of an evidence line: a step statement in the evidence lane, which declares an evidence
    /// item, not a step.
    case evidenceDeclaration(StepStatement)
    /// An id that names a step or an evidence item declared elsewhere.
    case reference(Identifier, ReferenceContext)
    /// The lane keyword that starts a step line, or the lane named by a `lane` title.
    case laneKeyword(Lane, SourceRange)
    /// The line named by a `line` title.
    case lineKind(BlueprintLine, SourceRange)
    /// The value of a `locale` statement.
    case locale(BlueprintLocale, SourceRange)
    /// A keyword that starts a statement (`blueprint`, `persona`, `phase`, `promise`, …) or stands
    /// inside one (`from`, `to`, `within`, `recover`). Lane keywords are `laneKeyword`.
    case statementKeyword(String, SourceRange)
    /// An attribute's keyword in a step line.
    case attributeName(AttributeName, SourceRange)
    case string(StringLiteral)
    case duration(DurationLiteral)
    /// The value of `emotion`.
    case integer(Int, SourceRange)
    case comment(Comment)
    /// Whitespace, punctuation, a line with a syntax error, or a position outside the file.
    case nothing

    public var range: SourceRange? {
        switch self {
        case .stepDeclaration(let step), .evidenceDeclaration(let step): step.id.range
        case .reference(let id, _): id.range
        case .laneKeyword(_, let range), .lineKind(_, let range), .locale(_, let range), .statementKeyword(_, let range),
             .attributeName(_, let range), .integer(_, let range): range
        case .string(let string): string.range
        case .duration(let duration): duration.range
        case .comment(let comment): comment.range
        case .nothing: nil
        }
    }
}

extension SyntaxTree {
    /// What stands at `position` (its line and column; the offset is not read) in the file this tree
    /// was parsed from. A position just after a token's last character is on that token, since an
    /// editor's cursor stands there after typing it, unless the next token starts there. Lines with a
    /// syntax error have no statement in the tree: on them only a comment is found.
    ///
    /// Statements and comments are found by binary search on their line, so a lookup costs
    /// O(log n + length of the line).
    public func element(at position: SourcePosition, in source: SourceText) -> SyntaxElement {
        var candidates: [SyntaxElement] = []
        if let statement = Self.first(onLine: position.line, in: statements, lineOf: \.line) {
            candidates = statement.elements(in: source)
        }
        if let comment = Self.first(onLine: position.line, in: comments, lineOf: \.range.start.line) {
            candidates.append(.comment(comment))
        }
        var touching = SyntaxElement.nothing
        for candidate in candidates {
            guard let range = candidate.range else { continue }
            if range.start <= position && position < range.end { return candidate }
            if position == range.end { touching = candidate }
        }
        return touching
    }

    /// The item on `line` in `items` sorted by line, at most one a line (statements, comments).
    private static func first<Item>(onLine line: Int, in items: [Item], lineOf: KeyPath<Item, Int>) -> Item? {
        let low = items.partitioningIndex { $0[keyPath: lineOf] >= line }
        return low < items.count && items[low][keyPath: lineOf] == line ? items[low] : nil
    }
}

extension Statement {
    /// Every element of the statement. Keywords have no range in the tree: the first one stands at
    /// the statement's start, the others are found in the text after the element before them.
    fileprivate func elements(in source: SourceText) -> [SyntaxElement] {
        func keyword(_ word: String) -> SyntaxElement {
            .statementKeyword(word, source.keywordRange(word, at: range.start))
        }
        switch kind {
        case .header(let header):
            return [keyword("blueprint"), .string(header.title)]
        case .meta(let meta):
            return [keyword(meta.field.rawValue), .string(meta.value)]
        case .demand:
            return [keyword("demand")]
        case .locale(let locale):
            return [keyword("locale"), .locale(locale.locale, locale.valueRange)]
        case .laneTitle(let title):
            let laneRange = source.keywordRange(title.laneKeyword, after: source.keywordRange("lane", at: range.start).end)
            return [keyword("lane"), .laneKeyword(title.lane, laneRange), .string(title.title)]
        case .lineTitle(let title):
            let lineRange = source.keywordRange(title.line.rawValue, after: source.keywordRange("line", at: range.start).end)
            return [keyword("line"), .lineKind(title.line, lineRange), .string(title.title)]
        case .phase(let phase):
            return [keyword("phase"), .string(phase.title)]
        case .step(let step):
            return stepElements(step, in: source)
        case .flow(let flow):
            return flow.ids.map { .reference($0, .flow) } + (flow.label.map { [.string($0)] } ?? [])
        case .promise(let promise):
            let from = source.keywordRange("from", after: promise.description.range.end)
            let to = source.keywordRange("to", after: promise.from.range.end)
            let within = source.keywordRange("within", after: promise.to.range.end)
            return [
                keyword("promise"), .string(promise.description),
                .statementKeyword("from", from), .reference(promise.from, .promiseFrom),
                .statementKeyword("to", to), .reference(promise.to, .promiseTo),
                .statementKeyword("within", within), .duration(promise.within),
            ]
        }
    }

    private func stepElements(_ step: StepStatement, in source: SourceText) -> [SyntaxElement] {
        var elements: [SyntaxElement] = [
            .laneKeyword(step.lane, source.keywordRange(step.laneKeyword, at: range.start)),
            step.lane == .evidence ? .evidenceDeclaration(step) : .stepDeclaration(step),
            .string(step.label),
        ]
        for attribute in step.attributes {
            elements.append(.attributeName(attribute.name, attribute.keywordRange))
            switch attribute.value {
            case .flag:
                break
            case .integer(let value, let range):
                elements.append(.integer(value, range))
            case .text(let text):
                elements.append(.string(text))
            case .duration(let duration):
                elements.append(.duration(duration))
            case .span(let span):
                elements.append(contentsOf: span.values.map { .duration($0) })
            case .failure(let description, let recovery):
                elements.append(.string(description))
                if let recovery {
                    elements.append(.statementKeyword("recover", source.keywordRange("recover", after: description.range.end)))
                    elements.append(.reference(recovery, .recover))
                }
            case .reference(let id):
                elements.append(.reference(id, .evidence))
            }
        }
        return elements
    }
}

extension SourceText {
    /// The range of a keyword written at `start`. Keywords are ASCII: one column per byte.
    fileprivate func keywordRange(_ keyword: String, at start: SourcePosition) -> SourceRange {
        let length = keyword.utf8.count
        return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + length, offset: start.offset + length))
    }

    /// The range of a keyword that follows `position` after whitespace, in a line the parser accepted.
    fileprivate func keywordRange(_ keyword: String, after position: SourcePosition) -> SourceRange {
        var start = position
        var rest = bytes[start.offset...].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&rest), CharacterClass.isWhitespace(scalar) {
            start.column += 1
            start.offset += UTF8.width(scalar)
        }
        return keywordRange(keyword, at: start)
    }
}
