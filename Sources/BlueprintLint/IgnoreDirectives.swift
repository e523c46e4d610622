import BlueprintLanguage

/// `# lint: ignore RULE[, RULE]` comments: at the end of a statement they
/// silence rules on its line; on lines of their own before the first
/// statement, in the whole file.
struct IgnoreDirectives {
    private var fileWide: Set<RuleID> = []
    private var byLine: [Int: Set<RuleID>] = [:]

    init(_ syntax: SyntaxTree) {
        let firstStatementLine = syntax.firstStatementStart?.line ?? .max
        for comment in syntax.comments {
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
