import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// The words of a line up to the cursor, read the way the lexer reads a whole line. Like D2's
/// language server, completion reads the text before the cursor: the line being typed seldom parses.
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

    init(_ scalars: [Unicode.Scalar]) {
        var index = 0
        var current = ""
        func endWord() {
            if !current.isEmpty { words.append(.word(current)) }
            current = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar {
            case "\"":
                endWord()
                var closed = false
                index += 1
                while index < scalars.count {
                    if scalars[index] == "\\" { index += 2; continue }
                    if scalars[index] == "\"" { closed = true; break }
                    index += 1
                }
                if !closed { isInsideText = true; return }
                words.append(.string)
            case "#":
                isInsideText = true
                return
            case "-" where next == ">":
                endWord(); words.append(.arrow); index += 1
            case "." where next == "." && index + 2 < scalars.count && scalars[index + 2] == ">":
                endWord(); words.append(.arrow); index += 2
            case ",":
                endWord(); words.append(.comma)
            case ":":
                endWord(); words.append(.colon)
            default:
                if scalar.properties.isWhitespace { endWord() } else { current.unicodeScalars.append(scalar) }
            }
            index += 1
        }
        partial = current
    }
}

extension FeatureContext {
    /// At most this many ids are offered at once; the list says it is incomplete, so the editor asks
    /// again as the user types more of the id.
    static let completionLimit = 200

    func completion(at lspPosition: LSP.Position) -> LSP.CompletionList {
        let position = positions.sourcePosition(lspPosition)
        let lineStart = document.source.lineStarts[position.line - 1]
        let scalars = Array(String(decoding: document.source.bytes[lineStart..<position.offset], as: UTF8.self).unicodeScalars)
        let prefix = LinePrefix(scalars)
        guard !prefix.isInsideText else { return LSP.CompletionList(isIncomplete: false, items: []) }
        let partialStart = SourcePosition(line: position.line, column: position.column - prefix.partial.unicodeScalars.count)
        let replaced = LSP.Range(start: positions.position(partialStart), end: lspPosition)
        var candidates = Candidates(partial: prefix.partial, replaced: replaced)
        offer(for: prefix, into: &candidates)
        return LSP.CompletionList(isIncomplete: candidates.isIncomplete, items: candidates.items)
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
            candidates.values(Keyword.locales, kind: 20)
        case "lane" where words.count == 1:
            candidates.keywords(Keyword.laneKeywords)
        case "line" where words.count == 1:
            candidates.values(Keyword.lineKinds, kind: 20)
        case "promise":
            switch last {
            case .string: candidates.keywords(["from"])
            case .word("from"), .word("to"): candidates.steps(blueprint)
            case .word where words.count == 4: candidates.keywords(["to"])
            case .word where words.count == 6: candidates.keywords(["within"])
            default: break
            }
        default:
            guard let lane = Lane(keyword: first), let comma = words.lastIndex(of: .comma) else { return }
            let attribute = words[(comma + 1)...]
            switch Array(attribute) {
            case []:
                candidates.values(Self.attributesAllowed(on: lane, after: words), kind: 10)
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
    let replaced: LSP.Range
    var items: [LSP.CompletionItem] = []
    var isIncomplete = false

    mutating func keywords(_ words: [String]) {
        values(words, kind: 14)
    }

    mutating func values(_ words: [String], kind: Int) {
        for word in words where word.hasPrefix(partial) {
            items.append(LSP.CompletionItem(label: word, kind: kind, textEdit: LSP.TextEdit(range: replaced, newText: word)))
        }
    }

    mutating func snippet(_ label: String, _ body: String) {
        guard partial.isEmpty || body.hasPrefix(partial) || label.hasPrefix(partial) else { return }
        items.append(LSP.CompletionItem(label: label, kind: 15, detail: body, textEdit: LSP.TextEdit(range: replaced, newText: body),
                                        insertTextFormat: 2, sortText: "~\(label)"))
    }

    mutating func steps(_ blueprint: Blueprint) {
        ids(blueprint.steps.lazy.map { ($0.id, $0.label, $0.lane.rawValue) }, kind: 3)
    }

    mutating func evidence(_ blueprint: Blueprint) {
        ids(blueprint.evidence.lazy.map { ($0.id, $0.label, "evidence") }, kind: 21)
    }

    private mutating func ids(_ declared: some Sequence<(id: String, label: String, lane: String)>, kind: Int) {
        let lowercasedPartial = partial.lowercased()
        for (id, label, lane) in declared where lowercasedPartial.isEmpty || id.lowercased().hasPrefix(lowercasedPartial) {
            guard items.count < FeatureContext.completionLimit else {
                isIncomplete = true
                return
            }
            items.append(LSP.CompletionItem(label: id, kind: kind, detail: "\(lane) · \(label)", textEdit: LSP.TextEdit(range: replaced, newText: id)))
        }
    }
}
