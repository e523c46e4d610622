import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// Something to type at the cursor.
package struct CompletionItem: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// A keyword that starts a statement or stands inside one.
        case keyword
        /// A step id.
        case step
        /// An evidence id.
        case evidence
        /// An attribute name of a step line.
        case attribute
        /// A value from a closed list: a locale, a line kind.
        case value
        /// A whole line with `${1:…}` placeholders.
        case snippet
    }

    package var label: String
    package var kind: Kind
    package var detail: String?
    /// Replaces the word being typed.
    package var edit: TextEdit
}

/// What completion offers at a position.
package struct CompletionList: Hashable, Sendable {
    /// More ids match than are offered: the editor should ask again as the user types.
    package var isIncomplete: Bool
    package var items: [CompletionItem]
}

/// The line up to the cursor, in the parser's own tokens: the line being typed seldom parses, so the
/// syntax tree holds no statement for it, but its tokens are there.
struct LinePrefix {
    enum Word: Equatable {
        case word(String)
        case string
        case arrow
        case comma
        case colon
    }

    /// Complete words before the one being typed.
    var words: [Word] = []
    /// The id or keyword being typed, which the completion replaces.
    var partial = ""
    /// The cursor stands inside a string or a comment, where nothing is completed.
    var isInsideText = false

    init(_ tokens: [LineToken], before cursor: SourcePosition) {
        for token in tokens where token.range.start.offset < cursor.offset {
            let isComplete = token.range.end.offset <= cursor.offset
            switch token.kind {
            case .comment, .unterminatedString:
                isInsideText = true
                return
            case .string where !isComplete:
                isInsideText = true
                return
            case .string: words.append(.string)
            case .arrow where isComplete: words.append(.arrow)
            case .comma: words.append(.comma)
            case .colon: words.append(.colon)
            case .word, .number, .invalid, .arrow, .symbol:
                // The word that ends at the cursor, or that the cursor stands in (an arrow half typed
                // too), is the one being typed.
                if token.range.end.offset < cursor.offset {
                    words.append(.word(token.text))
                } else {
                    partial = String(String.UnicodeScalarView(token.text.unicodeScalars.prefix(cursor.column - token.range.start.column)))
                }
            }
        }
    }
}

extension EditorDocument {
    /// At most this many ids are offered at once; the list says it is incomplete, so the editor asks
    /// again as the user types more of the id.
    static let completionLimit = 200

    package func completion(at position: SourcePosition) -> CompletionList {
        let prefix = LinePrefix(document.source.tokens(onLine: position.line), before: position)
        guard !prefix.isInsideText else { return CompletionList(isIncomplete: false, items: []) }
        let partialStart = SourcePosition(line: position.line, column: position.column - prefix.partial.unicodeScalars.count,
                                          offset: position.offset - prefix.partial.utf8.count)
        var candidates = Candidates(partial: prefix.partial, replaced: SourceRange(start: partialStart, end: position))
        offer(for: prefix, into: &candidates)
        return CompletionList(isIncomplete: candidates.isIncomplete, items: candidates.items)
    }

    private func offer(for prefix: LinePrefix, into candidates: inout Candidates) {
        let blueprint = document.blueprint
        let words = prefix.words
        guard case .word(let first)? = words.first else {
            // The start of a line: a statement, a step line, or the first id of a flow.
            candidates.keywords(Keyword.statementKeywords)
            candidates.snippet(text(.stepSnippet), "${1|customer,frontstage,backstage,support,evidence|} ${2:id} \"${3:label}\"")
            candidates.snippet(text(.promiseSnippet), "promise \"${1:description}\" from ${2:start} to ${3:end} within ${4:45m}")
            candidates.steps(blueprint)
            return
        }
        let last = words.last!
        if last == .arrow {
            candidates.steps(blueprint)
            return
        }
        switch first {
        case "locale" where words.count == 1:
            candidates.values(Keyword.locales, kind: .value)
        case "lane" where words.count == 1:
            candidates.keywords(Keyword.laneKeywords)
        case "line" where words.count == 1:
            candidates.values(Keyword.lineKinds, kind: .value)
        case "promise":
            switch last {
            case .string: candidates.keywords(["from"])
            case .word("from"), .word("to"): candidates.steps(blueprint)
            case .word where words.count == 4: candidates.keywords(["to"])
            case .word where words.count == 6: candidates.keywords(["within"])
            // `within DURATION`, then 1.2's optional `for P%`.
            case .word where words.count == 8: candidates.keywords(["for"])
            default: break
            }
        default:
            guard let lane = Lane(keyword: first), let comma = words.lastIndex(of: .comma) else { return }
            switch Array(words[(comma + 1)...]) {
            case []:
                candidates.values(Self.attributesAllowed(on: lane, after: words), kind: .attribute)
            case [.word("evidence")] where lane != .evidence:
                candidates.evidence(blueprint)
            case [.word("fail"), .string]:
                candidates.keywords(["recover"])
            case [.word("fail"), .string, .word("recover")]:
                candidates.steps(blueprint)
            default:
                break
            }
        }
    }

    /// The attributes a step line of `lane` may still take: those the lane allows without a
    /// diagnostic, less those already written (only `evidence` and `fail` may repeat).
    static func attributesAllowed(on lane: Lane, after words: [LinePrefix.Word]) -> [String] {
        let allowed: [AttributeName] = switch lane {
        case .evidence: [.note, .channel]
        case .customer: AttributeName.allCases
        case .frontstage: AttributeName.allCases.filter { $0 != .emotion }
        case .backstage, .support: AttributeName.allCases.filter { $0 != .emotion && $0 != .moment }
        }
        var written: Set<String> = []
        for (index, word) in words.enumerated() where word == .comma && index + 1 < words.count {
            if case .word(let name) = words[index + 1] { written.insert(name) }
        }
        return allowed.filter { $0 == .evidence || $0 == .fail || !written.contains($0.rawValue) }.map(\.rawValue)
    }
}

/// The items offered so far, each filtered by the text being typed.
private struct Candidates {
    let partial: String
    let replaced: SourceRange
    var items: [CompletionItem] = []
    var isIncomplete = false

    mutating func keywords(_ words: [String]) {
        values(words, kind: .keyword)
    }

    mutating func values(_ words: [String], kind: CompletionItem.Kind) {
        for word in words where word.hasPrefix(partial) {
            items.append(CompletionItem(label: word, kind: kind, edit: TextEdit(range: replaced, replacement: word)))
        }
    }

    mutating func snippet(_ label: String, _ body: String) {
        guard partial.isEmpty || body.hasPrefix(partial) || label.hasPrefix(partial) else { return }
        items.append(CompletionItem(label: label, kind: .snippet, detail: body, edit: TextEdit(range: replaced, replacement: body)))
    }

    mutating func steps(_ blueprint: Blueprint) {
        ids(blueprint.steps.lazy.map { ($0.id, $0.label, $0.lane.rawValue) }, kind: .step)
    }

    mutating func evidence(_ blueprint: Blueprint) {
        ids(blueprint.evidence.lazy.map { ($0.id, $0.label, "evidence") }, kind: .evidence)
    }

    private mutating func ids(_ declared: some Sequence<(id: String, label: String, lane: String)>, kind: CompletionItem.Kind) {
        let lowercasedPartial = partial.lowercased()
        for (id, label, lane) in declared where lowercasedPartial.isEmpty || id.lowercased().hasPrefix(lowercasedPartial) {
            guard items.count < EditorDocument.completionLimit else {
                isIncomplete = true
                return
            }
            items.append(CompletionItem(label: id, kind: kind, detail: "\(lane) · \(label)", edit: TextEdit(range: replaced, replacement: id)))
        }
    }
}
