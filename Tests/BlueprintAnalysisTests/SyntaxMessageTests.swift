import BlueprintAnalysis
import BlueprintDiagnostics
import Testing

@Suite struct SyntaxMessageTests {
    private func firstDiagnostic(_ line: String) throws -> Diagnostic {
        try #require(Document(path: "x.blueprint", text: "blueprint \"X\"\n" + line + "\n").diagnostics.first { $0.rule == .syntax })
    }

    private func fixed(_ line: String) -> String {
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\n" + line + "\n").applyingSafeFixes().document
        return String(decoding: document.source.bytes, as: UTF8.self).split(separator: "\n")[1].description
    }

    @Test(arguments: [
        ("front d \"Desk\"", "unknown lane 'front' (did you mean 'frontstage'?)", "frontstage d \"Desk\""),
        ("back d \"Desk\"", "unknown lane 'back' (did you mean 'backstage'?)", "backstage d \"Desk\""),
        ("custmer d \"Desk\"", "unknown statement 'custmer' (did you mean 'customer'?)", "customer d \"Desk\""),
    ])
    func unknownLanesNameTheLaneMeant(line: String, message: String, fix: String) throws {
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == message)
        #expect(diagnostic.range.start.column == 1)
        #expect(fixed(line) == fix)
    }

    @Test func anUnknownLaneWithoutACandidateListsTheLanes() throws {
        let diagnostic = try firstDiagnostic("staff c \"Desk\"")
        #expect(diagnostic.message == "unknown lane 'staff': a step line starts with evidence, customer, frontstage, backstage or support")
        #expect(diagnostic.fixes.allSatisfy { $0.kind == .suppression })
    }

    @Test func aChineseLaneNameGetsTheListAndTheLaneMeant() throws {
        let diagnostic = try firstDiagnostic("前台 分诊 \"护士分诊\"")
        #expect(diagnostic.message.contains("evidence, customer, frontstage, backstage or support"))
        #expect(diagnostic.message.hasSuffix("(did you mean 'frontstage'?)"))
        #expect(diagnostic.message(in: .zhHans).hasPrefix("未知的泳道 '前台'"))
        #expect(fixed("後台 核保 \"核保\"") == "backstage 核保 \"核保\"")
    }

    @Test(arguments: [
        ("customer a \"A\"，emotion 1", "full-width '，' (U+FF0C): use ',' (U+002C) here", "customer a \"A\", emotion 1"),
        ("customer a \"A\"： x", "full-width '：' (U+FF1A): use ':' (U+003A) here", nil),
        ("customer a “提交申请”", "full-width '“' (U+201C): use '\"' (U+0022) here", "customer a \"提交申请\""),
        ("customer a \"A\", note （x）", "full-width '（' (U+FF08): use '(' (U+0028) here", nil),
    ] as [(String, String, String?)])
    func fullWidthPunctuationHasAnASCIIFix(line: String, message: String, fix: String?) throws {
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == message)
        let correction = try #require(diagnostic.fixes.first { $0.kind == .correction })
        #expect(correction.isSafe)
        if let fix { #expect(fixed(line) == fix) }
    }

    @Test(arguments: [
        ("5分钟", "5m"), ("1小时", "1h"), ("2天", "2d"), ("1小时30分钟", "1h30m"), ("1小時30分鐘", "1h30m"), ("45 分钟", "45m"),
        ("5min", "5m"), ("2hours", "2h"), ("90秒", "1m30s"),
    ])
    func durationsWithWordsGetTheirSpelling(written: String, canonical: String) throws {
        let line = "frontstage a \"A\", takes \(written)"
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == "write durations as \(canonical) (units s, m, h, d, w)")
        #expect(diagnostic.message(in: .zhHans) == "时长应写作 \(canonical)（单位 s、m、h、d、w）")
        #expect(fixed(line) == "frontstage a \"A\", takes \(canonical)")
    }

    @Test func aMissingCommaIsInserted() throws {
        let line = "customer a \"A\" emotion -1"
        #expect(try firstDiagnostic(line).message == "expected ',' before 'emotion'")
        #expect(fixed(line) == "customer a \"A\", emotion -1")
    }

    @Test func fixesThatMakeRoomForOthersAreAppliedInTurn() {
        #expect(fixed("customer a \"A\" emotion -1，moment") == "customer a \"A\", emotion -1, moment")
    }

    @Test func aFatArrowBecomesAnArrow() {
        #expect(fixed("a => b") == "a -> b")
    }

    @Test func aTypoWithTwoCandidatesIsNotFixedUnasked() throws {
        let text = "blueprint \"X\"\ncustomer abcd \"A\"\ncustomer abce \"C\"\nabcd -> abcx\n"
        let document = Document(path: "x.blueprint", text: text)
        let fixes = try #require(document.diagnostics.first { $0.rule == "undefined-reference" }).fixes.filter { $0.kind == .correction }
        #expect(fixes.count == 2 && fixes.allSatisfy { !$0.isSafe })
        #expect(document.applyingSafeFixes().applied == 0)
    }
}
