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

    /// Slips of a Chinese keyboard (issue 21, point 3): each gets a message and a safe fix.
    @Test(arguments: [
        ("customer a \"A\", takes ３０m", "full-width '３０' (U+FF13 U+FF10): use '30' (U+0033 U+0030) here", "customer a \"A\", takes 30m"),
        ("customer a \"A\"；", "unexpected '；': a statement ends with its line, and ',' separates attributes", "customer a \"A\""),
        ("customer a \"A\"；emotion 1", "unexpected '；': a statement ends with its line, and ',' separates attributes", "customer a \"A\", emotion 1"),
        ("a －> b", "'－>' is no arrow (did you mean '->'?)", "a -> b"),
        ("a —> b", "'—>' is no arrow (did you mean '->'?)", "a -> b"),
        ("a ——> b", "'——>' is no arrow (did you mean '->'?)", "a -> b"),
        ("a -＞ b", "'-＞' is no arrow (did you mean '->'?)", "a -> b"),
        ("a → b", "full-width '→' (U+2192): use '->' (U+002D U+003E) here", "a -> b"),
        ("promise \"P\" from a to b within 10個工作天", "durations are calendar time: 10 working days are written 2w", "promise \"P\" from a to b within 2w"),
    ])
    func chineseKeyboardSlipsHaveASafeFix(line: String, message: String, fix: String) throws {
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == message)
        #expect(diagnostic.fixes.contains { $0.kind == .correction && $0.isSafe })
        #expect(fixed(line) == fix)
    }

    @Test func aPartWeekOfWorkingDaysIsOfferedNotApplied() throws {
        let line = "promise \"P\" from a to b within 3個工作天"
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == "durations are calendar time: 3 working days are written 5d")
        #expect(diagnostic.message(in: .zhHant) == "時長按日曆時間計算：3 個工作天寫作 5d")
        #expect(diagnostic.fixes.contains { $0.kind == .correction && !$0.isSafe })
        #expect(fixed(line) == line)
    }

    @Test func everySlipOfALineIsReportedWithItsFix() {
        let line = "customer a “提交申请”，takes ３０m；"
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\n" + line + "\n")
        let slips = document.diagnostics.filter { $0.rule == .syntax }
        #expect(slips.map(\.range.start.column) == [12, 17, 18, 25, 28])
        #expect(slips.allSatisfy { diagnostic in diagnostic.fixes.contains { $0.kind == .correction && $0.isSafe } })
        #expect(fixed(line) == "customer a \"提交申请\", takes 30m")
    }

    @Test(arguments: [("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh-CN", "zh-Hans"), ("zh", "zh-Hans")])
    func aRegionalLocaleNamesTheScriptMeant(written: String, meant: String) throws {
        let line = "locale \(written)"
        let diagnostic = try firstDiagnostic(line)
        #expect(diagnostic.message == "unknown locale '\(written)': use 'en', 'zh-Hans' or 'zh-Hant' (did you mean '\(meant)'?)")
        #expect(fixed(line) == "locale \(meant)")
        // Until it is fixed, messages follow the locale meant.
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\n\(line)\n")
        #expect(document.language(for: .auto) == (meant == "zh-Hant" ? .zhHant : .zhHans))
    }

    @Test func aBareZhFollowsTheFilesCharacters() {
        let document = Document(path: "x.blueprint", text: "blueprint \"理賠\"\nlocale zh\ncustomer 申請 \"申請\"\n")
        #expect(document.language(for: .auto) == .zhHant)
    }
}
