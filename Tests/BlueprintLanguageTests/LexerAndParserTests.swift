import BlueprintDiagnostics
import BlueprintLanguage
import Testing

private func parse(_ text: String) -> SyntaxTree { Parser.parse(text) }

private func steps(_ tree: SyntaxTree) -> [StepStatement] {
    tree.statements.compactMap { if case .step(let step) = $0.kind { step } else { nil } }
}

private func flows(_ tree: SyntaxTree) -> [FlowStatement] {
    tree.statements.compactMap { if case .flow(let flow) = $0.kind { flow } else { nil } }
}

@Suite struct SourceTextTests {
    @Test func skipsTheByteOrderMarkAndKeepsColumnsFromOne() throws {
        let source = try SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("blueprint \"X\"".utf8))
        let tree = Parser.parse(source)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.headerKeywordRange?.start == SourcePosition(line: 1, column: 1))
    }

    @Test func invalidUTF8IsAnErrorWithItsPosition() {
        #expect(throws: SourceDecodingError.self) { try SourceText(bytes: Array("ok\nab".utf8) + [0xFF]) }
        do {
            _ = try SourceText(bytes: Array("ok\n申a".utf8) + [0xC3, 0x28])
        } catch {
            #expect(error.position == SourcePosition(line: 2, column: 3))
        }
        // Overlong forms and surrogates are not UTF-8 either.
        #expect(throws: SourceDecodingError.self) { try SourceText(bytes: [0xC0, 0xAF]) }
        #expect(throws: SourceDecodingError.self) { try SourceText(bytes: [0xED, 0xA0, 0x80]) }
    }

    @Test func lineTextDropsTheLineEnd() {
        let source = SourceText("a\r\nbc\nd")
        #expect(source.lineText(1) == "a")
        #expect(source.lineText(2) == "bc")
        #expect(source.lineText(3) == "d")
        #expect(source.usesCRLF)
    }
}

@Suite struct LexerTests {
    @Test func crlfAndLfAreBothLineEnds() {
        let tree = parse("blueprint \"X\"\r\ncustomer a \"A\"\ncustomer b \"B\"\r\n")
        #expect(tree.diagnostics.isEmpty)
        #expect(steps(tree).map(\.id.range.start.line) == [2, 3])
    }

    @Test func aLoneCarriageReturnIsASyntaxError() {
        let tree = parse("blueprint \"X\"\ncustomer a \"A\"\rcustomer b \"B\"\n")
        #expect(tree.diagnostics.count == 1)
        #expect(tree.diagnostics[0].message.contains("carriage return"))
    }

    @Test func columnsCountUnicodeScalars() {
        let tree = parse("blueprint \"X\"\ncustomer 申请 \"提交申请\", evidence 表格\n")
        let step = steps(tree)[0]
        #expect(step.id.name == "申请")
        #expect(step.id.range.start.column == 10)
        #expect(step.label.range.start.column == 13)
        guard case .reference(let id) = step.attributes[0].value else { Issue.record("no evidence"); return }
        #expect(id.range.start.column == 30)
    }

    @Test func unicodeWhitespaceSeparatesTokens() {
        let tree = parse("blueprint\u{3000}\"X\"\ncustomer\u{A0}a\t\"A\"\n")
        #expect(tree.diagnostics.isEmpty)
        #expect(steps(tree).count == 1)
    }

    @Test func identifiersTakeLettersMarksDigitsUnderscoresAndHyphens() {
        let tree = parse("blueprint \"X\"\ncustomer réception_2-b \"A\"\nfrontstage support \"Keywords are ids here\"\nréception_2-b->support\n")
        #expect(tree.diagnostics.isEmpty)
        #expect(steps(tree).map(\.id.name) == ["réception_2-b", "support"])
        #expect(flows(tree)[0].ids.map(\.name) == ["réception_2-b", "support"])
    }

    @Test func aCombiningMarkMayFollowALetterOnly() {
        #expect(parse("blueprint \"X\"\ncustomer e\u{301} \"A\"\n").diagnostics.isEmpty)
        #expect(parse("blueprint \"X\"\ncustomer a1\u{301} \"A\"\n").diagnostics.count == 1)
    }

    @Test func stringEscapes() {
        let tree = parse(#"blueprint "a \"b\" \\ \n \t \u{1F600} \u{4E2D}""#)
        guard case .header(let header) = tree.statements.first?.kind else { Issue.record("no header"); return }
        #expect(header.title.value == "a \"b\" \\ \n \t 😀 中")
    }

    @Test func badEscapesAndStrings() {
        let cases: [(String, String)] = [
            (#"blueprint "\q""#, "unknown escape '\\q'"),
            (#"blueprint "\u{D800}""#, "is not a Unicode scalar value"),
            (#"blueprint "\u{110000}""#, "is not a Unicode scalar value"),
            (#"blueprint "\u{1234567}""#, "1 to 6 hex digits"),
            (#"blueprint "\u{}""#, "1 to 6 hex digits"),
            (#"blueprint "open"#, "unterminated string"),
        ]
        for (text, message) in cases {
            let tree = parse(text)
            #expect(tree.diagnostics.count == 1)
            #expect(tree.diagnostics.first?.message.contains(message) == true, "\(text): \(tree.diagnostics)")
        }
    }

    @Test func commentsRunToTheEndOfTheLineOutsideStrings() {
        let tree = parse("# top\nblueprint \"A # not a comment\" # trailing\n")
        #expect(tree.comments.map(\.text) == [" top", " trailing"])
        #expect(tree.comments.map(\.isTrailing) == [false, true])
    }
}

@Suite struct DurationTests {
    @Test func parsesGroupsLargestFirst() {
        let cases: [(String, Int)] = [("30s", 30), ("45m", 2700), ("1h30m", 5400), ("2d", 172_800), ("1w", 604_800), ("90m", 5400), ("1h90m", 9000), ("0s", 0)]
        for (text, seconds) in cases {
            #expect((try? Duration.parse(Array(text.utf8)).get()) == Duration(seconds: seconds), "\(text)")
        }
    }

    @Test func rejectsBadOrders() {
        for text in ["1h1h", "30m1h", "1x", "10", "h", "1h30"] {
            #expect((try? Duration.parse(Array(text.utf8)).get()) == nil, "\(text)")
        }
        #expect(Duration.parse(Array("99999999999999999999999d".utf8)) == .failure(.tooLarge))
    }

    @Test func formatsForMessages() {
        #expect(Duration(seconds: 3 * 86_400 + 4 * 3600 + 600).formatted(separator: " ") == "3d 4h 10m")
        #expect(Duration.zero.description == "0s")
    }
}

@Suite struct ParserTests {
    /// The first `locale` counts, as for every header field; none is nil (the model's English).
    @Test func writtenLocaleIsTheFirst() {
        #expect(parse("blueprint \"T\"\nlocale zh-Hant\nlocale zh-Hans\n").writtenLocale == .zhHant)
        #expect(parse("blueprint \"T\"\ncustomer a \"A\"\n").writtenLocale == nil)
    }

    @Test func everyStatementKind() {
        let tree = parse("""
        blueprint "Title"
        persona "P"
        scenario "S"
        owner "O"
        demand 40/h
        locale zh-Hans
        lane onstage "Front"
        line visibility "Seen"
        promise "Fast" from a to b within 1h30m
        phase "One"
          customer a "A", moment, emotion -2, actor "X", channel "Y", note "Z", takes 1m, wait 2m, tolerance 3m, fail "F" recover b, evidence e, servers 2
          onstage b "B"
          evidence e "E"
        a -> b ..> a : "label"
        """)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.statements.count == 14)
        let step = steps(tree)[0]
        #expect(step.attributes.map(\.name) == AttributeName.allCases)
        #expect(steps(tree)[1].lane == .frontstage && steps(tree)[1].laneKeyword == "onstage")
        let flow = flows(tree)[0]
        #expect(Array(flow.arrows) == [.handOff, .information])
        #expect(flow.label?.value == "label")
    }

    @Test func errorMessagesSayWhatWasExpectedAndFound() {
        let cases: [(String, String)] = [
            ("customer report \"Calls\" emotion -2", "expected ',' before 'emotion'"),
            ("frontstag log \"Logs\"", "unknown statement 'frontstag' (did you mean 'frontstage'?)"),
            ("customer a \"A\", emotoin 1", "unknown attribute 'emotoin' (did you mean 'emotion'?)"),
            ("customer a \"A\", emotion high", "expected an integer after 'emotion', found 'high'"),
            ("customer a \"A\", takes 10", "expected a duration such as '45m' or '1h30m' after 'takes', found '10'"),
            ("customer a \"A\", fail \"x\" recovr b", "did you mean 'recover'?"),
            ("promise \"P\" form a to b within 1h", "expected 'from' after the promise's description, found 'form' (did you mean 'from'?)"),
            ("a -> ", "expected a step id after '->', found end of line"),
            ("a -> b c", "expected '->', '..>' or ':' after 'b', found 'c'"),
            ("locale fr", "unknown locale 'fr'"),
            ("lane backstge \"B\"", "unknown lane 'backstge' (did you mean 'backstage'?)"),
            ("phase Report", "expected the phase's title string after 'phase', found 'Report'"),
            ("a => b", "did you mean '->'?"),
            ("a", "expected '->' or '..>' after 'a', found end of line"),
        ]
        for (line, message) in cases {
            let tree = parse("blueprint \"X\"\n" + line + "\n")
            #expect(tree.diagnostics.count == 1, "\(line)")
            #expect(tree.diagnostics.first?.message.contains(message) == true, "\(line): \(tree.diagnostics.map(\.message))")
            #expect(tree.diagnostics.first?.rule == .syntax)
        }
    }

    @Test func recoversAtTheNextLine() {
        let broken = (0..<10).map { _ in "customer \"no id\"" }.joined(separator: "\n")
        let tree = parse("blueprint \"X\"\n" + broken + "\ncustomer ok \"Fine\"\n")
        #expect(tree.diagnostics.count == 10)
        #expect(steps(tree).map(\.id.name) == ["ok"])
        #expect(tree.errorLines == Array(2...11))
    }

    @Test func hyphenBeforeArrowEndsAnIdentifier() {
        let tree = parse("blueprint \"X\"\na->b\na-->b\n")
        #expect(flows(tree).first?.ids.map(\.name) == ["a", "b"])
        #expect(flows(tree).last?.ids.map(\.name) == ["a-", "b"])
    }

    @Test func integersMayBeNegativeAndAnyLength() {
        let tree = parse("blueprint \"X\"\ncustomer a \"A\", emotion -99999999999999999999999\n")
        #expect(tree.diagnostics.isEmpty)
        guard case .integer(let value, _) = steps(tree)[0].attributes[0].value else { Issue.record("no emotion"); return }
        #expect(value == Int.min)
    }
}
