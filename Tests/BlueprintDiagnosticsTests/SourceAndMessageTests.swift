import BlueprintDiagnostics
import Testing

@Suite struct SourceTextTests {
    @Test func aByteOrderMarkIsSkippedAndKeptForWriting() throws {
        let source = try SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\nb\n".utf8))
        #expect(source.hasByteOrderMark && source.usesCRLF)
        #expect(source.lineCount == 3 && source.lineText(1) == "a" && source.lineText(2) == "b")
        #expect(source.fileBytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    /// Lines are found eight bytes at a time: line feeds at every place in a word and across words,
    /// runs of them, none at the end, and Chinese text between them all give the lines `split` does.
    @Test func everyLineIsFoundWhereverItsLineFeedFalls() {
        for length in 0..<40 {
            for step in 1...9 {
                let text = String((0..<length).map { $0 % step == step - 1 ? "\n" : ($0 % 5 == 0 ? "申" : "a") })
                let source = SourceText(text)
                let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(source.lineCount == expected.count, "\(length) characters, a line feed every \(step)")
                #expect((1...source.lineCount).map(source.lineText) == expected.map(String.init))
            }
        }
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() {
        #expect(throws: SourceDecodingError.self) { try SourceText(bytes: Array("ok\n申x".utf8) + [0xFF]) }
        do {
            _ = try SourceText(bytes: Array("ok\n申x".utf8) + [0xFF])
        } catch {
            #expect(error.position.line == 2 && error.position.column == 3)
        }
    }

    @Test func editsApplyByOffsetAndRefuseOverlaps() throws {
        let source = SourceText("takes 30m\n")
        let at = { (offset: Int) in SourcePosition(line: 1, column: offset + 1, offset: offset) }
        let edited = try source.applying([TextEdit(range: SourceRange(start: at(6), end: at(9)), replacement: "1h")])
        #expect(edited.lineText(1) == "takes 1h")
        #expect(throws: TextEditError.overlapping) {
            try source.applying([TextEdit(range: SourceRange(start: at(0), end: at(5)), replacement: "x"),
                                 TextEdit(range: SourceRange(start: at(3), end: at(7)), replacement: "y")])
        }
    }
}

@Suite struct MessageTests {
    @Test func durationsReadNaturallyInChinese() {
        let durations = [Duration(seconds: 15 * 60), Duration(seconds: 5_400), Duration(seconds: 2 * 86_400), Duration(seconds: 45)]
        #expect(durations.map { $0.written(in: .zhHans) } == ["15分钟", "1小时30分钟", "2天", "45秒"])
        #expect(durations.map { $0.written(in: .zhHant) } == ["15分鐘", "1小時30分鐘", "2天", "45秒"])
        #expect(durations.map { $0.written(in: .en) } == ["15m", "1h 30m", "2d", "45s"])
    }
    @Test func aSuggestionFollowsInTheMessagesLanguage() {
        let message = Message(CommonMessage.verbatim, ["text": .text("unknown step 'aproval'")], suggesting: "approval")
        #expect(message.text(in: .en) == "unknown step 'aproval' (did you mean 'approval'?)")
        #expect(message.text(in: .zhHant) == "unknown step 'aproval'（是否應為 'approval'？）")
    }
}
