import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// What a token is, for highlighting; the case names are the protocol's token types.
package enum SemanticTokenType: UInt32, CaseIterable, Hashable, Sendable {
    case keyword, type, function, variable, property, string, number, comment, enumMember, `operator`
}

/// A highlighted token, on one line.
package struct SemanticToken: Hashable, Sendable {
    package var range: SourceRange
    package var type: SemanticTokenType
    /// The id of a step or evidence line, where the item is declared.
    package var isDeclaration: Bool
}

extension EditorDocument {
    /// Lanes as types, keywords, step ids as functions and evidence ids as variables (declarations
    /// marked), attribute names as properties, strings, durations and numbers, arrows and comments,
    /// in source order.
    package func semanticTokens() -> [SemanticToken] {
        let syntax = document.syntax
        let symbols = document.blueprint.symbols
        var tokens = TokenCollector()
        var comments = syntax.comments.makeIterator()
        var nextComment = comments.next()
        for statement in syntax.statements {
            // A cancelled request's answer is thrown away: stop working on it.
            if Task.isCancelled { return [] }
            // Comments before the statement, and the trailing one of the statement before it.
            while let comment = nextComment, comment.range.start.offset < statement.range.start.offset {
                tokens.add(comment.range, .comment)
                nextComment = comments.next()
            }
            tokens.addStatement(statement, source: document.source, symbols: symbols)
        }
        while let comment = nextComment {
            tokens.add(comment.range, .comment)
            nextComment = comments.next()
        }
        return tokens.tokens
    }
}

/// Collects the non-empty one-line tokens of the statements, in source order.
private struct TokenCollector {
    var tokens: [SemanticToken] = []

    mutating func add(_ range: SourceRange, _ type: SemanticTokenType, declaration: Bool = false) {
        guard range.end.offset > range.start.offset, range.start.line == range.end.line else { return }
        tokens.append(SemanticToken(range: range, type: type, isDeclaration: declaration))
    }

    /// A keyword of `length` ASCII bytes that starts at `start`.
    private mutating func keyword(at start: SourcePosition, length: Int, _ type: SemanticTokenType = .keyword) -> SourcePosition {
        let end = SourcePosition(line: start.line, column: start.column + length, offset: start.offset + length)
        add(SourceRange(start: start, end: end), type)
        return end
    }

    private static func kind(of name: String, in symbols: SymbolTable, context: ReferenceContext) -> SemanticTokenType {
        switch symbols[name] {
        case .evidence: .variable
        case .step: .function
        case nil: context == .evidence ? .variable : .function
        }
    }

    mutating func addStatement(_ statement: Statement, source: SourceText, symbols: SymbolTable) {
        let start = statement.range.start
        switch statement.kind {
        case .header(let header):
            _ = keyword(at: start, length: 9)
            add(header.title.range, .string)
        case .meta(let meta):
            _ = keyword(at: start, length: meta.field.rawValue.utf8.count)
            add(meta.value.range, .string)
        case .demand(let demand):
            _ = keyword(at: start, length: 6)
            add(demand.rate.range, .number)
        case .locale(let locale):
            _ = keyword(at: start, length: 6)
            add(locale.valueRange, .enumMember)
        case .laneTitle(let title):
            let afterLane = keyword(at: start, length: 4)
            _ = keyword(at: source.skippingWhitespace(from: afterLane), length: title.laneKeyword.utf8.count, .type)
            add(title.title.range, .string)
        case .lineTitle(let title):
            let afterLine = keyword(at: start, length: 4)
            _ = keyword(at: source.skippingWhitespace(from: afterLine), length: title.line.rawValue.utf8.count, .enumMember)
            add(title.title.range, .string)
        case .phase(let phase):
            _ = keyword(at: start, length: 5)
            add(phase.title.range, .string)
        case .step(let step):
            _ = keyword(at: start, length: step.laneKeyword.utf8.count, .type)
            add(step.id.range, step.lane == .evidence ? .variable : .function, declaration: true)
            add(step.label.range, .string)
            for attribute in step.attributes {
                add(attribute.keywordRange, .property)
                switch attribute.value {
                case .flag: break
                case .integer(_, let range): add(range, .number)
                case .text(let text): add(text.range, .string)
                case .duration(let duration): add(duration.range, .number)
                case .span(let span): add(span.range, .number)
                case .failure(let description, let recovery):
                    add(description.range, .string)
                    if let recovery {
                        _ = keyword(at: source.skippingWhitespace(from: description.range.end), length: 7)
                        add(recovery.range, Self.kind(of: recovery.name, in: symbols, context: .recover))
                    }
                case .reference(let id):
                    add(id.range, Self.kind(of: id.name, in: symbols, context: .evidence))
                }
            }
        case .flow(let flow):
            for (index, id) in flow.ids.enumerated() {
                add(id.range, Self.kind(of: id.name, in: symbols, context: .flow))
                if index < flow.arrows.count {
                    _ = keyword(at: source.skippingWhitespace(from: id.range.end), length: flow.arrows[index].rawValue.utf8.count, .operator)
                }
            }
            if let label = flow.label { add(label.range, .string) }
        case .promise(let promise):
            _ = keyword(at: start, length: 7)
            add(promise.description.range, .string)
            _ = keyword(at: source.skippingWhitespace(from: promise.description.range.end), length: 4)
            add(promise.from.range, Self.kind(of: promise.from.name, in: symbols, context: .promiseFrom))
            _ = keyword(at: source.skippingWhitespace(from: promise.from.range.end), length: 2)
            add(promise.to.range, Self.kind(of: promise.to.name, in: symbols, context: .promiseTo))
            _ = keyword(at: source.skippingWhitespace(from: promise.to.range.end), length: 6)
            add(promise.within.range, .number)
        }
    }
}

extension SourceText {
    /// The first position at or after `position`, on its line, that is not whitespace (TAB or a
    /// Unicode space separator, as the lexer reads it).
    func skippingWhitespace(from position: SourcePosition) -> SourcePosition {
        var result = position
        var rest = bytes[position.offset...].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&rest),
              scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator {
            result.column += 1
            result.offset += UTF8.width(scalar)
        }
        return result
    }
}
