import BlueprintFormat
import BlueprintDiagnostics
import BlueprintTestSupport
import Foundation
import Testing

/// The canonical text of `text`.
func formatted(_ text: String) throws -> String {
    try BlueprintFormatter.format(SourceText(text))
}

/// The layout on small inputs, each showing one rule of docs/FORMAT.md.
@Suite struct GoldenLayoutTests {
    @Test func specExample() throws {
        #expect(try formatted(outageRepair) == """
            blueprint "Power outage repair"
            persona "Household customer"
            promise "Crew on site within 45 minutes of the call" from report to arrive within 45m

            phase "Report"
              evidence   hotline  "95598 hotline"
              evidence   sms      "Text message with the crew's arrival time"
              customer   report   "Calls the hotline to report the outage", moment, emotion -2, evidence hotline
              frontstage log      "Agent logs the fault and the address", actor "Call agent", takes 4m
              backstage  dispatch "Dispatcher assigns the nearest crew", takes 6m, fail "Wrong address" recover callback
              frontstage callback "Agent calls back to confirm the address", takes 3m
              frontstage notify   "Agent texts the arrival time", takes 1m, evidence sms
              support    gis      "Outage map (GIS)"

            phase "Repair"
              customer   waits    "Waits for the crew", emotion -1, wait 25m, tolerance 40m, evidence sms
              frontstage arrive   "Crew arrives on site", moment, takes 5m
              frontstage fix      "Crew restores the supply", takes 40m
              customer   restored "Power is back", emotion 2

            report -> log -> dispatch -> notify -> waits -> arrive -> fix -> restored
            callback -> dispatch
            gis ..> dispatch

            """)
    }

    @Test func statementsGoToTheirSectionsKeepingTheirOrder() throws {
        let input = """
            blueprint "Scattered"
            customer a "A"
            a -> b
            owner "Ops"
            phase "One"
            promise "Fast" from a to b within 1h
              frontstage b "B"
            b -> a
            persona "Pat"
            line visibility "Seen"
            locale zh-Hans
            lane support "Systems"
            lane onstage "Counter"
            persona "Second persona"
            """
        #expect(try formatted(input) == """
            blueprint "Scattered"
            persona "Pat"
            persona "Second persona"
            owner "Ops"
            locale zh-Hans
            lane onstage "Counter"
            lane support "Systems"
            line visibility "Seen"
            promise "Fast" from a to b within 1h

            customer a "A"

            phase "One"
              frontstage b "B"

            a -> b
            b -> a

            """)
    }

    @Test func commentsStayWithTheirStatements() throws {
        let input = """
            # lint: ignore unused-evidence

            # about the file
            blueprint "Comments" # the title
            phase "One"
            # about a
            customer a "A" # lint: ignore disconnected-step
            # about the flow
            a -> a
            # about the promise
            promise "P" from a to a within 1m   #trailing after spaces\u{20}\u{20}
            # the end
            """
        #expect(try formatted(input) == """
            # lint: ignore unused-evidence

            # about the file
            blueprint "Comments" # the title
            # about the promise
            promise "P" from a to a within 1m #trailing after spaces

            phase "One"
              # about a
              customer a "A" # lint: ignore disconnected-step

            # about the flow
            a -> a
            # the end

            """)
    }

    @Test func blankLinesAreKeptAsOne() throws {
        let input = """


            blueprint "Blanks"



            phase "One"
            customer a "A"


            customer b "B"
            # about c

            customer c "C"

            # closing


            """
        #expect(try formatted(input) == """
            blueprint "Blanks"

            phase "One"
              customer a "A"

              customer b "B"
              # about c

              customer c "C"

            # closing

            """)
    }

    @Test func columnsAlignInTerminalCellsPerPhase() throws {
        let input = """
            blueprint "申请"
            customer 申请 "提交申请"
            support x "X"
            phase "受理"
            customer 申请2 "提交申请"
            frontstage review "Reviews"
            onstage 审核 "审核", takes 1m
            """
        #expect(try formatted(input) == """
            blueprint "申请"

            customer 申请 "提交申请"
            support  x    "X"

            phase "受理"
              customer   申请2  "提交申请"
              frontstage review "Reviews"
              onstage    审核   "审核", takes 1m

            """)
    }

    @Test func attributesAreSortedStably() throws {
        let input = """
            blueprint "Attributes"
            customer a "A", note "n", evidence e1, fail "x" recover b, tolerance 5m, wait 1m, takes 2m, channel "c", actor "p", emotion 1, moment, emotion -2, evidence e2, note "m", fail "y"
            """
        #expect(try formatted(input) == """
            blueprint "Attributes"

            customer a "A", moment, emotion 1, emotion -2, actor "p", channel "c", takes 2m, wait 1m, tolerance 5m, fail "x" recover b, fail "y", evidence e1, evidence e2, note "n", note "m"

            """)
    }

    /// Escapes stay as written; a raw tab, control or invisible character is written as an escape.
    @Test func tokensAreSpacedAndEscapesKeptAsWritten() throws {
        let input = #"""
            blueprint	"Tokens"
            persona "\u{50}at"
            onstage	a\#u{3000}"tab\there \u{41}\u{1b}\u{85} \"q\" \\ \u{2028} 中文",takes 1h90m ,  emotion 007,wait 0s
            a->b..>c:"x"
            b -> c :  "y"
            promise "P"  from  a   to c within 2w3d
            """#
        #expect(try formatted(input) == #"""
            blueprint "Tokens"
            persona "\u{50}at"
            promise "P" from a to c within 2w3d

            onstage a "tab\there \u{41}\u{1b}\u{85} \"q\" \\ \u{2028} 中文", emotion 007, takes 1h90m, wait 0s

            a -> b ..> c: "x"
            b -> c: "y"

            """#)
    }

    @Test func withoutHeaderTheFirstStatementStaysFirst() throws {
        // Without a header, missing-header is reported at the first statement: its ignore must stay on it.
        let input = """
            # about the file
            customer a "A" # lint: ignore missing-header
            persona "P"
            customer b "B"
            """
        #expect(try formatted(input) == """
            # about the file
            customer a "A" # lint: ignore missing-header

            persona "P"

            customer b "B"

            """)
    }

    /// The before-and-after example of docs/FORMAT.md, so the documentation cannot drift from the code.
    @Test func documentationExample() throws {
        let documentation = try String(contentsOf: packageRoot().appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
        let section = try #require(documentation.components(separatedBy: "## Before and after").dropFirst().first)
        // Code blocks are the odd pieces between fences.
        let blocks = section.components(separatedBy: "```\n").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        try #require(blocks.count >= 2)
        #expect(try formatted(blocks[0]) == blocks[1])
    }

    @Test func emptyAndCommentOnlyFiles() throws {
        #expect(try formatted("") == "")
        #expect(try formatted("\n \n\t\n") == "")
        #expect(try formatted("\n# only\n\n\n  # comments  \n\n") == "# only\n\n# comments\n")
    }

    @Test func aFileWithSyntaxErrorsIsRefused() throws {
        let error = #expect(throws: FormatError.self) {
            try formatted("blueprint \"Broken\"\ncustomer a\nphase \"One\"\n  customer b \"B\", takes 5x\n")
        }
        #expect(error?.diagnostics.map(\.position.line) == [2, 4])
        #expect(error?.diagnostics.allSatisfy { $0.rule == .syntax } == true)
    }
}

