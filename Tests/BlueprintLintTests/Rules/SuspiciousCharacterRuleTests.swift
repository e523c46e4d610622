import BlueprintDiagnostics
import BlueprintLint
import Testing

@Suite struct SuspiciousCharacterRuleTests {
    @Test func reportsBidiControlsAndInvisibleCharactersAtTheirColumn() {
        expectFindings("suspicious-character", in: """
        blueprint "X"
        customer pay "Pays 1️⃣\u{202E}001 EUR2️⃣\u{202C}"
        frontstage 收 "收款3️⃣\u{200B}"  # 4️⃣\u{2066}note
        pay -> 收
        """, [("1️⃣", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("2️⃣", "U+202C POP DIRECTIONAL FORMATTING"),
              ("3️⃣", "U+200B ZERO WIDTH SPACE"), ("4️⃣", "U+2066 LEFT-TO-RIGHT ISOLATE")])
    }

    @Test func joinersThatEmojiAndScriptsNeedAreNotReported() {
        expectNoFindings("suspicious-character", in: """
        blueprint "X"
        customer family "Family 👨\u{200D}👩\u{200D}👧 books, می\u{200C}خواهم"
        """)
    }

    @Test func theFixRemovesTheCharacter() throws {
        let text = "blueprint \"X\"\ncustomer pay \"Pays \u{202E}001\"\n"
        let diagnostic = try #require(lint(text).first { $0.rule == "suspicious-character" })
        let fix = try #require(diagnostic.fixes.first { $0.kind == .correction })
        #expect(!fix.isSafe)
        #expect(try String(decoding: SourceText(text).applying(fix.edits).bytes, as: UTF8.self) == "blueprint \"X\"\ncustomer pay \"Pays 001\"\n")
        #expect(diagnostic.range.end.offset - diagnostic.range.start.offset == 3)
        #expect(diagnostic.message(in: .zhHans).hasPrefix("不可见字符 U+202E"))
    }

    @Test func aCharacterOutsideStringsIsLeftToTheSyntaxError() {
        let found = lint("blueprint \"X\"\ncustomer \u{202E}pay \"Pays\"\n")
        #expect(found.contains { $0.rule == .syntax })
        #expect(!found.contains { $0.rule == "suspicious-character" })
    }
}
