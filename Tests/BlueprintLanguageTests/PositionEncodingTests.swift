import BlueprintDiagnostics
import BlueprintLanguage
import Testing

/// Every position of every line, its end included, as our 1-based line and column.
private func everyPosition(in source: SourceText) -> [SourcePosition] {
    (1...source.lineCount).flatMap { line in
        (1...source.lineText(line).unicodeScalars.count + 1).map { SourcePosition(line: line, column: $0) }
    }
}

@Suite struct PositionEncodingTests {
    @Test func rawValuesAreTheLSPNames() {
        #expect(PositionEncoding.allCases.map(\.rawValue) == ["utf-8", "utf-16", "utf-32"])
        #expect(PositionEncoding(rawValue: "utf-16") == .utf16)
    }

    @Test func chineseTextCountsOneUTF16UnitAndThreeBytesAScalar() {
        let source = SourceText("blueprint \"X\"\ncustomer 申请 \"提交申请表\"\n")
        let tree = Parser.parse(source)
        guard case .step(let step)? = tree.statements.last?.kind else { Issue.record("no step"); return }
        // `customer 申请 "提交申请表"`: the label runs from column 13 to 20.
        #expect(source.lspCharacter(of: step.label.range.start, in: .utf32) == (1, 12))
        #expect(source.lspCharacter(of: step.label.range.start, in: .utf16) == (1, 12))
        #expect(source.lspCharacter(of: step.label.range.start, in: .utf8) == (1, 16))
        #expect(source.lspCharacter(of: step.label.range.end, in: .utf16) == (1, 19))
        #expect(source.lspCharacter(of: step.label.range.end, in: .utf8) == (1, 33))

        let labelEnd = source.position(line: 1, character: 33, in: .utf8)
        #expect(labelEnd == step.label.range.end)
        #expect(labelEnd.offset == step.label.range.end.offset)
        // Byte 10 of the line is inside 申, byte 12 starts 请.
        #expect(source.position(line: 1, character: 10, in: .utf8).offset == 23)
        #expect(source.position(line: 1, character: 12, in: .utf8) == SourcePosition(line: 2, column: 11))
        #expect(source.position(line: 1, character: 12, in: .utf8).offset == 26)
    }

    @Test func everyPositionRoundTripsInEveryEncoding() {
        let texts = [
            "blueprint \"X\"\ncustomer 申请 \"提交申请表\"\n",
            "blueprint \"𠀀😀\"\r\ncustomer a \"x😀y\", note \"é\"\r\n",
            "a\n\n😀",
        ]
        for text in texts {
            let source = SourceText(text)
            for position in everyPosition(in: source) {
                let expectedOffset = offset(of: position, in: text)
                for encoding in PositionEncoding.allCases {
                    let (line, character) = source.lspCharacter(of: position, in: encoding)
                    let back = source.position(line: line, character: character, in: encoding)
                    #expect(back == position, "\(encoding) \(position)")
                    #expect(back.offset == expectedOffset, "\(encoding) \(position)")
                    #expect(source.position(atOffset: back.offset) == position)
                }
            }
        }
    }

    @Test func charactersOutsideTheBMPAreTwoUTF16UnitsAndFourBytes() {
        // `customer a "𠀀😀x"`: 𠀀 at column 13, 😀 at 14, x at 15.
        let source = SourceText("customer a \"𠀀😀x\"")
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 14), in: .utf16) == (0, 14))
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 15), in: .utf16) == (0, 16))
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 15), in: .utf8) == (0, 20))
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 15), in: .utf32) == (0, 14))
        #expect(source.position(line: 0, character: 16, in: .utf16) == SourcePosition(line: 1, column: 15, offset: 20))
        #expect(source.position(line: 0, character: 20, in: .utf8) == SourcePosition(line: 1, column: 15, offset: 20))
    }

    @Test func aCharacterInsideAScalarSnapsToItsStart() {
        let source = SourceText("customer a \"𠀀😀x\"")
        // Between the two halves of a surrogate pair.
        #expect(source.position(line: 0, character: 13, in: .utf16) == SourcePosition(line: 1, column: 13, offset: 12))
        #expect(source.position(line: 0, character: 15, in: .utf16) == SourcePosition(line: 1, column: 14, offset: 16))
        // Inside a UTF-8 sequence, by character and by absolute offset.
        for inside in 17...19 {
            #expect(source.position(line: 0, character: inside, in: .utf8) == SourcePosition(line: 1, column: 14, offset: 16))
            let position = source.position(atOffset: inside)
            #expect(position == SourcePosition(line: 1, column: 14))
            #expect(position.offset == 16)
        }
    }

    @Test func crlfLineEndsAreNotPartOfTheLine() {
        let source = SourceText("blueprint \"X\"\r\ncustomer 申 \"A\"\r\n")
        let firstLineEnd = SourcePosition(line: 1, column: 14, offset: 13)
        #expect(source.position(line: 0, character: 13, in: .utf16) == firstLineEnd)
        #expect(source.position(line: 0, character: 14, in: .utf16).offset == 13)
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 15), in: .utf16) == (0, 13))
        // The CR and the LF both belong to the end of the first line.
        #expect(source.position(atOffset: 13).offset == 13)
        #expect(source.position(atOffset: 14) == firstLineEnd)
        #expect(source.position(atOffset: 14).offset == 13)
        #expect(source.position(atOffset: 15) == SourcePosition(line: 2, column: 1))
        #expect(source.lspCharacter(of: SourcePosition(line: 2, column: 99), in: .utf8) == (1, 16))
    }

    @Test func aCarriageReturnWithoutLineFeedIsACharacterOfItsLine() {
        // The lexer counts it as a column (and reports it), so its diagnostic must convert.
        let source = SourceText("a\rb\n")
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 3), in: .utf16) == (0, 2))
        #expect(source.position(line: 0, character: 9, in: .utf16) == SourcePosition(line: 1, column: 4, offset: 3))
    }

    @Test func positionsOutsideTheTextAreClamped() {
        let source = SourceText("ab\nc😀")
        let endOfFile = SourcePosition(line: 2, column: 3, offset: 8)
        #expect(source.position(line: 0, character: 99, in: .utf16) == SourcePosition(line: 1, column: 3, offset: 2))
        #expect(source.position(line: 0, character: -4, in: .utf16) == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(source.position(line: 7, character: 0, in: .utf16) == endOfFile)
        #expect(source.position(line: 7, character: 0, in: .utf16).offset == 8)
        #expect(source.position(line: -1, character: 5, in: .utf8) == .fileStart)
        #expect(source.position(atOffset: 99) == endOfFile)
        #expect(source.position(atOffset: -3) == .fileStart)
        #expect(source.lspCharacter(of: SourcePosition(line: 9, column: 1), in: .utf16) == (1, 3))
        #expect(source.lspCharacter(of: SourcePosition(line: 1, column: 0), in: .utf16) == (0, 0))
        #expect(source.lspCharacter(of: SourcePosition(line: 0, column: 5), in: .utf16) == (0, 0))
    }

    @Test func aFinalLineEndStartsAnEmptyLastLine() {
        let source = SourceText("ab\r\n")
        #expect(source.position(line: 1, character: 0, in: .utf16) == SourcePosition(line: 2, column: 1, offset: 4))
        #expect(source.position(line: 5, character: 5, in: .utf16) == SourcePosition(line: 2, column: 1, offset: 4))
        #expect(source.position(atOffset: 4) == SourcePosition(line: 2, column: 1))
        #expect(SourceText("").position(line: 3, character: 3, in: .utf8) == .fileStart)
    }

    @Test func offsetsAgreeWithTheParser() {
        let source = SourceText("blueprint \"𠀀\"\r\n  customer 申请 \"😀\", evidence 表\n申请 -> b\n")
        let tree = Parser.parse(source)
        let ranges = tree.statements.map(\.range) + tree.diagnostics.map(\.range)
        for range in ranges {
            for position in [range.start, range.end] {
                #expect(source.position(atOffset: position.offset) == position)
                let (line, character) = source.lspCharacter(of: position, in: .utf16)
                #expect(source.position(line: line, character: character, in: .utf16).offset == position.offset)
            }
        }
    }
}

/// The byte offset of a position in `text`, counted the slow way, scalar by scalar from the start.
/// A position at the end of a CRLF line stops at the CR, which is counted as a column.
private func offset(of position: SourcePosition, in text: String) -> Int {
    var line = 1
    var column = 1
    var offset = 0
    for scalar in text.unicodeScalars {
        if line == position.line && column == position.column { return offset }
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        offset += UTF8.width(scalar)
    }
    return offset
}
