import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import Foundation
import Testing

/// The TextMate grammar editors highlight with (editors/vscode/syntaxes), applied with a small
/// tokenizer over every example file, against what the parser says each piece of text is.
@Suite struct TextMateGrammarTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("blueprints").path).sorted())
    func examplesGetTheScopesOfWhatTheyAre(_ name: String) throws {
        let grammar = try TextMateGrammar(url: Self.packageRoot.appendingPathComponent("editors/vscode/syntaxes/blueprint.tmLanguage.json"))
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent("blueprints/\(name)"), encoding: .utf8)
        let document = Document(path: name, text: text)
        let source = document.source
        var tokens: [Int: [TextMateGrammar.Token]] = [:]
        func scope(of range: SourceRange) -> String? {
            let line = range.start.line
            if tokens[line] == nil { tokens[line] = grammar.tokenize(source.lineText(line)) }
            let start = source.lspCharacter(of: range.start, in: .utf16).character, end = source.lspCharacter(of: range.end, in: .utf16).character
            return tokens[line]?.first { $0.range == NSRange(location: start, length: end - start) }?.scope
        }
        var checked = 0
        func expect(_ range: SourceRange, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
            checked += 1
            let found = scope(of: range)
            #expect(found?.hasPrefix(expected) == true, "\(name):\(range.start): \(String(describing: found)), expected \(expected)", sourceLocation: sourceLocation)
        }
        let keywordAtStart = { (statement: Statement, length: Int) -> SourceRange in
            var end = statement.range.start
            end.column += length
            return SourceRange(start: statement.range.start, end: end)
        }
        for statement in document.syntax.statements {
            switch statement.kind {
            case .phase(let phase):
                expect(keywordAtStart(statement, 5), "keyword.control.statement")
                expect(phase.title.range, "string.quoted.double")
            case .step(let step):
                expect(keywordAtStart(statement, step.laneKeyword.count), "storage.type.lane")
                expect(step.id.range, step.lane == .evidence ? "variable.other.constant.evidence.declaration" : "entity.name.function.step.declaration")
                expect(step.label.range, "string.quoted.double")
                for attribute in step.attributes {
                    expect(attribute.keywordRange, "support.type.property-name.attribute")
                    switch attribute.value {
                    case .duration(let duration): expect(duration.range, "constant.numeric.duration")
                    case .span(let span): for value in span.values { expect(value.range, "constant.numeric.duration") }
                    case .text(let string): expect(string.range, "string.quoted.double")
                    case .integer(_, let range): expect(range, "constant.numeric.integer")
                    case .reference(let id): expect(id.range, "variable.other.constant.evidence")
                    case .failure(let description, let recovery):
                        expect(description.range, "string.quoted.double")
                        if let recovery { expect(recovery.range, "entity.name.function.step") }
                    case .flag: break
                    }
                }
            case .flow(let flow):
                for id in flow.ids { expect(id.range, "entity.name.function.step") }
                if let label = flow.label { expect(label.range, "string.quoted.double") }
            case .promise(let promise):
                expect(keywordAtStart(statement, 7), "keyword.control.statement")
                expect(promise.description.range, "string.quoted.double")
                expect(promise.from.range, "entity.name.function.step")
                expect(promise.to.range, "entity.name.function.step")
                expect(promise.within.range, "constant.numeric.duration")
            case .locale(let locale):
                expect(locale.valueRange, "constant.language.locale")
            case .header(let header):
                expect(keywordAtStart(statement, 9), "keyword.control.statement")
                expect(header.title.range, "string.quoted.double")
            case .meta(let meta):
                expect(meta.value.range, "string.quoted.double")
            case .laneTitle, .lineTitle, .demand:
                break
            }
        }
        for comment in document.syntax.comments {
            var end = comment.range.end
            end.column = Int(UInt32.max)
            expect(SourceRange(start: comment.range.start, end: end), "comment.line.number-sign")
        }
        #expect(checked > 100)
    }
}

/// Enough of TextMate's tokenizing for a one-line grammar: at each position the pattern that matches
/// first wins (the earlier one on a tie); `captures` scope groups; a `begin`/`end` rule scopes the
/// whole span and its inner patterns.
struct TextMateGrammar {
    struct Token {
        var range: NSRange
        var scope: String
    }

    private struct Rule {
        var match: NSRegularExpression?
        var name: String?
        var captures: [Int: String] = [:]
        var begin: NSRegularExpression?
        var end: NSRegularExpression?
        var inner: [Rule] = []
    }

    private let rules: [Rule]

    init(url: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let repository = json["repository"] as? [String: [String: Any]] ?? [:]
        func makeRule(_ object: [String: Any]) throws -> Rule {
            if let include = object["include"] as? String { return try makeRule(repository[String(include.dropFirst())]!) }
            var rule = Rule(name: object["name"] as? String)
            if let match = object["match"] as? String { rule.match = try NSRegularExpression(pattern: match) }
            if let begin = object["begin"] as? String { rule.begin = try NSRegularExpression(pattern: begin) }
            if let end = object["end"] as? String { rule.end = try NSRegularExpression(pattern: end) }
            for (group, capture) in object["captures"] as? [String: [String: String]] ?? [:] { rule.captures[Int(group)!] = capture["name"] }
            rule.inner = try (object["patterns"] as? [[String: Any]] ?? []).map(makeRule)
            return rule
        }
        rules = try (json["patterns"] as! [[String: Any]]).map(makeRule)
    }

    private static let options: NSRegularExpression.MatchingOptions = [.withoutAnchoringBounds, .withTransparentBounds]

    private static func firstMatch(_ rules: [Rule], in line: String, from position: Int) -> (rule: Rule, match: NSTextCheckingResult)? {
        let length = (line as NSString).length
        var best: (rule: Rule, match: NSTextCheckingResult)?
        for rule in rules {
            guard let regex = rule.match ?? rule.begin,
                  let match = regex.firstMatch(in: line, options: options, range: NSRange(location: position, length: length - position)) else { continue }
            if best == nil || match.range.location < best!.match.range.location { best = (rule, match) }
        }
        return best
    }

    func tokenize(_ line: String) -> [Token] {
        let length = (line as NSString).length
        var tokens: [Token] = []
        var position = 0
        while position < length, let (rule, match) = Self.firstMatch(rules, in: line, from: position) {
            var end = match.range.location + match.range.length
            if let name = rule.name, rule.begin == nil { tokens.append(Token(range: match.range, scope: name)) }
            for (group, scope) in rule.captures where match.range(at: group).location != NSNotFound {
                tokens.append(Token(range: match.range(at: group), scope: scope))
            }
            if let endPattern = rule.end {
                // Inside a begin/end span: its inner patterns until the end pattern matches first.
                var inside = end
                while true {
                    let closing = endPattern.firstMatch(in: line, options: Self.options, range: NSRange(location: inside, length: length - inside))
                    let innerMatch = Self.firstMatch(rule.inner, in: line, from: inside)
                    if let (innerRule, found) = innerMatch, closing == nil || found.range.location < closing!.range.location {
                        if let name = innerRule.name { tokens.append(Token(range: found.range, scope: name)) }
                        inside = found.range.location + max(found.range.length, 1)
                        continue
                    }
                    end = closing.map { $0.range.location + $0.range.length } ?? length
                    break
                }
                tokens.append(Token(range: NSRange(location: match.range.location, length: end - match.range.location), scope: rule.name ?? ""))
            }
            position = max(end, position + 1)
        }
        return tokens
    }
}
