import BlueprintDiagnostics
import BlueprintLanguage

/// `# lint: ignore RULE[, RULE]` comments: at the end of a statement they
/// silence rules on its line; on lines of their own before the first
/// statement, in the whole file.
struct IgnoreDirectives {
    private var fileWide: Set<RuleID> = []
    private var byLine: [Int: Set<RuleID>] = [:]

    init(_ syntax: SyntaxTree) {
        let firstStatementLine = syntax.firstStatementStart?.line ?? .max
        for index in syntax.comments.indices where syntax.comments[index].mayBeDirective {
            let comment = syntax.comments[index]
            guard let rules = Self.ignoredRules(in: comment.text) else { continue }
            if comment.isTrailing {
                byLine[comment.range.start.line, default: []].formUnion(rules)
            } else if comment.range.start.line < firstStatementLine {
                fileWide.formUnion(rules)
            }
        }
    }

    func silences(_ rule: RuleID, onLine line: Int) -> Bool {
        fileWide.contains(rule) || byLine[line]?.contains(rule) == true
    }

    /// The rule names of `lint: ignore a, b`, or nil when the comment is not a directive.
    static func ignoredRules(in text: String) -> Set<RuleID>? {
        // Most comments are prose: their first byte after the blanks already rules them out, without
        // the walk over characters below.
        guard text.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) == UInt8(ascii: "l") else { return nil }
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("lint:") else { return nil }
        rest = rest.dropFirst(5).drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("ignore") else { return nil }
        rest = rest.dropFirst(6)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        let names = rest.split { $0 == "," || $0 == " " || $0 == "\t" }
        return Set(names.map { RuleID(rawValue: String($0)) })
    }
}

/// Where each statement's line ends and its trailing comment, for the fix that adds
/// `# lint: ignore RULE` to a line. Built from the tree alone; looked up only for lines with a
/// diagnostic.
struct LineEnds {
    private let syntax: SyntaxTree

    init(_ syntax: SyntaxTree) {
        self.syntax = syntax
    }

    /// Adds RULE to the line's ignore comment, or turns its comment into one, or writes one.
    func ignoreFix(for rule: RuleID, onLine line: Int) -> Fix? {
        let title = Message(LintMessage.ignoreOnThisLine, ["rule": .text(rule.rawValue)])
        if let comment = trailingComment(onLine: line) {
            if IgnoreDirectives.ignoredRules(in: comment.text) != nil {
                return Fix(title: title, edits: [TextEdit(range: SourceRange(at: comment.range.end), replacement: ", \(rule)")], isSafe: false, kind: .suppression)
            }
            // `# lint: ignore RULE -- what the comment said`: the words after RULE name no rule, so they are ignored.
            let afterHash = SourcePosition(line: line, column: comment.range.start.column + 1, offset: comment.range.start.offset + 1)
            return Fix(title: title, edits: [TextEdit(range: SourceRange(at: afterHash), replacement: " lint: ignore \(rule) --")], isSafe: false, kind: .suppression)
        }
        guard let end = statementEnd(onLine: line) else { return nil }
        return Fix(title: title, edits: [TextEdit(range: SourceRange(at: end), replacement: "  # lint: ignore \(rule)")], isSafe: false, kind: .suppression)
    }

    private func trailingComment(onLine line: Int) -> Comment? {
        let comments = syntax.comments
        let index = Self.firstIndex(in: comments, onOrAfter: line) { $0.range.start.line }
        guard index < comments.count, comments[index].range.start.line == line, comments[index].isTrailing else { return nil }
        return comments[index]
    }

    private func statementEnd(onLine line: Int) -> SourcePosition? {
        let statements = syntax.statements
        let index = Self.firstIndex(in: statements, onOrAfter: line) { $0.line }
        if index < statements.count, statements[index].line == line { return statements[index].range.end }
        let badLines = syntax.badLines
        let bad = Self.firstIndex(in: badLines, onOrAfter: line) { $0.line }
        return bad < badLines.count && badLines[bad].line == line ? badLines[bad].end : nil
    }

    /// Binary search in an array sorted by line.
    private static func firstIndex<Element>(in elements: [Element], onOrAfter line: Int, lineOf: (Element) -> Int) -> Int {
        elements.partitioningIndex { lineOf($0) >= line }
    }
}
