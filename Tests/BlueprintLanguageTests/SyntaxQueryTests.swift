import BlueprintDiagnostics
import BlueprintLanguage
import Testing

/// A parsed file to point into. Positions are named by a piece of text on a line, so the tests read
/// like the file: `element(9, "hotline")` is the element at the first `hotline` of line 9.
private struct Probe {
    let source: SourceText
    let tree: SyntaxTree

    init(_ text: String) {
        source = SourceText(text)
        tree = Parser.parse(source)
    }

    /// The position `shift` scalars after the start of the first `needle` on `line`.
    func position(_ line: Int, _ needle: String, shift: Int = 0) -> SourcePosition {
        let text = source.lineText(line)
        guard let found = text.firstRange(of: needle) else {
            Issue.record("'\(needle)' is not on line \(line)")
            return .fileStart
        }
        return SourcePosition(line: line, column: text.unicodeScalars[..<found.lowerBound].count + 1 + shift)
    }

    func element(_ line: Int, _ needle: String, shift: Int = 0) -> SyntaxElement {
        tree.element(at: position(line, needle, shift: shift), in: source)
    }

    /// The element just after the last character of the first `needle` on `line`.
    func element(_ line: Int, after needle: String) -> SyntaxElement {
        element(line, needle, shift: needle.unicodeScalars.count)
    }
}

extension SyntaxElement {
    /// Kind and name in a few words, to compare with what a test expects.
    fileprivate var summary: String {
        switch self {
        case .stepDeclaration(let step): "step \(step.id.name)"
        case .evidenceDeclaration(let step): "evidence item \(step.id.name)"
        case .reference(let id, let context): "reference \(id.name) in \(context)"
        case .laneKeyword(let lane, _): "lane \(lane)"
        case .lineKind(let line, _): "line \(line)"
        case .locale(let locale, _): "locale \(locale.rawValue)"
        case .statementKeyword(let keyword, _): "keyword \(keyword)"
        case .attributeName(let name, _): "attribute \(name)"
        case .string(let string): "string \(string.value)"
        case .duration(let duration): "duration \(duration.text)"
        case .integer(let value, _): "integer \(value)"
        case .comment(let comment): "comment\(comment.text)"
        case .nothing: "nothing"
        }
    }
}

private func range(_ line: Int, _ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: SourcePosition(line: line, column: start), end: SourcePosition(line: line, column: end))
}

private let example = Probe("""
    # A file comment
    blueprint "Power outage"
    persona "Household customer"
    locale zh-Hans
    lane onstage "Front office"
    line visibility "Seen"
    promise "Crew on site" from report to arrive within 45m
    phase "Report"
      evidence   hotline   "95598 hotline"
      customer   report    "Calls", moment, emotion -2, evidence hotline
      backstage  dispatch  "Assigns", takes 6m, fail "Wrong address" recover callback # trailing

      frontstage callback  "Calls back"
      onstage    arrive    "Arrives"
    report -> dispatch ..> arrive : "hand-off"
    callback->dispatch# tight
    customer 申请 "提交申请表"
    申请 -> report
    customer bad "x", bogus 1

    """)

@Suite struct SyntaxQueryTests {
    @Test func theExampleParsesAsExpected() {
        #expect(example.tree.diagnostics.map(\.range.start.line) == [19])
    }

    @Test func statementKeywordsAndTheirValues() {
        #expect(example.element(2, "blueprint").summary == "keyword blueprint")
        #expect(example.element(2, "blueprint").range == range(2, 1, 10))
        #expect(example.element(2, "\"Power").summary == "string Power outage")
        #expect(example.element(3, "persona").summary == "keyword persona")
        #expect(example.element(4, "locale").summary == "keyword locale")
        #expect(example.element(4, "zh-Hans", shift: 3).summary == "locale zh-Hans")
        #expect(example.element(5, "lane").summary == "keyword lane")
        #expect(example.element(5, "onstage").summary == "lane frontstage")
        #expect(example.element(5, "onstage").range == range(5, 6, 13))
        #expect(example.element(5, "Front").summary == "string Front office")
        #expect(example.element(6, "line").summary == "keyword line")
        #expect(example.element(6, "visibility").summary == "line visibility")
        #expect(example.element(6, "visibility").range == range(6, 6, 16))
        #expect(example.element(8, "phase").summary == "keyword phase")
        #expect(example.element(8, "Report").summary == "string Report")
    }

    @Test func aPromiseAndItsKeywords() {
        let line = 7
        #expect(example.element(line, "promise").summary == "keyword promise")
        #expect(example.element(line, "Crew").summary == "string Crew on site")
        #expect(example.element(line, "from").summary == "keyword from")
        #expect(example.element(line, "from").range == range(line, 24, 28))
        #expect(example.element(line, "report").summary == "reference report in promiseFrom")
        #expect(example.element(line, " to ", shift: 1).summary == "keyword to")
        #expect(example.element(line, " to ", shift: 1).range == range(line, 36, 38))
        #expect(example.element(line, "arrive").summary == "reference arrive in promiseTo")
        #expect(example.element(line, "within").summary == "keyword within")
        #expect(example.element(line, "within").range == range(line, 46, 52))
        #expect(example.element(line, "45m").summary == "duration 45m")
        #expect(example.element(line, after: "45m").summary == "duration 45m")
    }

    @Test func declarationsOfStepsAndEvidenceItems() {
        #expect(example.element(9, "evidence").summary == "lane evidence")
        #expect(example.element(9, "evidence").range == range(9, 3, 11))
        #expect(example.element(9, "hotline").summary == "evidence item hotline")
        #expect(example.element(9, "hotline").range == range(9, 14, 21))
        #expect(example.element(10, "customer").summary == "lane customer")
        #expect(example.element(10, "report").summary == "step report")
        #expect(example.element(14, "onstage").summary == "lane frontstage")
        #expect(example.element(14, "arrive").summary == "step arrive")
        #expect(example.element(17, "申请", shift: 1).summary == "step 申请")
        #expect(example.element(17, "提交").summary == "string 提交申请表")
        #expect(example.element(17, "提交").range == range(17, 13, 20))
    }

    @Test func attributesAndTheirValues() {
        #expect(example.element(10, "moment").summary == "attribute moment")
        #expect(example.element(10, "emotion").summary == "attribute emotion")
        #expect(example.element(10, "-2").summary == "integer -2")
        #expect(example.element(10, ", evidence", shift: 2).summary == "attribute evidence")
        #expect(example.element(10, "hotline").summary == "reference hotline in evidence")
        #expect(example.element(11, "takes").summary == "attribute takes")
        #expect(example.element(11, "6m").summary == "duration 6m")
        #expect(example.element(11, "fail").summary == "attribute fail")
        #expect(example.element(11, "Wrong").summary == "string Wrong address")
        #expect(example.element(11, "recover").summary == "keyword recover")
        #expect(example.element(11, "recover").range == range(11, 66, 73))
        #expect(example.element(11, "callback").summary == "reference callback in recover")
    }

    @Test func flowIdsAndLabels() {
        #expect(example.element(15, "report").summary == "reference report in flow")
        #expect(example.element(15, "dispatch").summary == "reference dispatch in flow")
        #expect(example.element(15, "arrive").summary == "reference arrive in flow")
        #expect(example.element(15, "hand").summary == "string hand-off")
        #expect(example.element(18, "申请").summary == "reference 申请 in flow")
        #expect(example.element(18, "report").range == range(18, 7, 13))
    }

    @Test func comments() {
        #expect(example.element(1, "#").summary == "comment A file comment")
        #expect(example.element(1, after: "comment").summary == "comment A file comment")
        #expect(example.element(11, "trailing").summary == "comment trailing")
        #expect(example.element(11, "trailing").range == range(11, 83, 93))
    }

    @Test func theEndOfATokenIsOnItUnlessTheNextOneStartsThere() {
        #expect(example.element(9, after: "evidence").summary == "lane evidence")
        #expect(example.element(10, after: "report").summary == "step report")
        #expect(example.element(10, after: "\"Calls\"").summary == "string Calls")
        // `callback->dispatch# tight`: an arrow is no element, a comment is.
        #expect(example.element(16, after: "callback").summary == "reference callback in flow")
        #expect(example.element(16, "->", shift: 1).summary == "nothing")
        #expect(example.element(16, after: "dispatch").summary == "comment tight")
    }

    @Test func whitespaceAndPunctuationAreNothing() {
        #expect(example.element(9, "   hotline", shift: 1).summary == "nothing")
        #expect(example.element(9, "evidence", shift: -1).summary == "nothing")
        #expect(example.element(10, ", moment", shift: 1).summary == "nothing")
        #expect(example.element(15, "..>", shift: 1).summary == "nothing")
        #expect(example.tree.element(at: SourcePosition(line: 12, column: 1), in: example.source) == .nothing)
        // Language 1.1: a step line with an error after its id still declares its step.
        #expect(example.element(19, "bad").summary == "step bad")
        #expect(example.tree.element(at: SourcePosition(line: 40, column: 1), in: example.source) == .nothing)
        #expect(example.tree.element(at: SourcePosition(line: 2, column: 40), in: example.source) == .nothing)
    }

    @Test func anLSPPositionFindsItsElementInACRLFFile() {
        let probe = Probe("blueprint \"😀\"\r\ncustomer a \"😀\", note \"x\" # 😀\r\na -> a\r\n")
        // UTF-16 character 17 of line 1 is the `n` of `note`, at column 17: the emoji before it counts twice.
        let position = probe.source.position(line: 1, character: 17, in: .utf16)
        #expect(probe.tree.element(at: position, in: probe.source).summary == "attribute note")
        let lineEnd = probe.source.position(line: 1, character: 99, in: .utf16)
        #expect(probe.tree.element(at: lineEnd, in: probe.source).summary == "comment 😀")
        #expect(probe.element(3, after: "a -> a").summary == "reference a in flow")
    }
}
