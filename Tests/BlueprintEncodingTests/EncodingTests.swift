import BlueprintEncoding
import Testing

@Suite struct XMLTextTests {
    @Test func markupAndLineEndsAreEscaped() {
        #expect(XMLText.escaped("a < b & \"c\"\nd") == "a &lt; b &amp; &quot;c&quot;&#10;d")
        #expect(XMLText.escaped("it's") == "it's")
        #expect(XMLText.escaped("it's", apostrophes: true) == "it&#39;s")
    }

    @Test func whatXMLCannotCarryIsShownNotDropped() {
        #expect(XMLText.escaped("bell\u{07}") == "bell\u{2407}")
        #expect(XMLText.escaped("\u{FFFE}") == "\u{FFFD}")
    }
}

@Suite struct TerminalWidthTests {
    @Test func wideCharactersTakeTwoCellsAndMarksNone() {
        #expect(TerminalWidth.cells(of: "report") == 6)
        #expect(TerminalWidth.cells(of: "複核") == 4)
        #expect(TerminalWidth.cells(of: "re\u{301}ception") == 9)
        #expect(TerminalWidth.cells(of: "ＡＢ，") == 6)
    }

    @Test func theTableAnswersForSingleScalars() {
        #expect(TerminalWidth.isWide("申") && TerminalWidth.isWide("한") && TerminalWidth.isWide("，"))
        #expect(!TerminalWidth.isWide("a") && !TerminalWidth.isWide("é"))
    }
}
