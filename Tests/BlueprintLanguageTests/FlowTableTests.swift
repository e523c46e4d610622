import BlueprintDiagnostics
import BlueprintLanguage
import Testing

/// Flow statements keep their ids in one table per tree; these tests hold the statements' values
/// to what an array per statement gave, and the statement's size to what the memory target needs.
@Suite struct FlowTableTests {
    private func flows(_ text: String) -> [FlowStatement] {
        Parser.parse(text).statements.compactMap { if case .flow(let flow) = $0.kind { flow } else { nil } }
    }

    @Test func aBadFlowLineLeavesTheNextFlowsWhole() {
        let parsed = flows("a -> b c\nx ..> y -> z : \"late\"\na -> b ..> ")
        #expect(parsed.count == 1)
        let flow = parsed[0]
        #expect(flow.ids.map(\.name) == ["x", "y", "z"])
        #expect(flow.ids.map(\.range.start) == [SourcePosition(line: 2, column: 1), SourcePosition(line: 2, column: 7),
                                                 SourcePosition(line: 2, column: 12)])
        #expect(Array(flow.arrows) == [.information, .handOff])
        #expect(flow.label?.value == "late")
    }

    @Test func aFlowBuiltByHandEqualsTheParsedOne() {
        let parsed = flows("a -> b\nc ..> d -> e : \"x\"")
        for flow in parsed {
            let copy = FlowStatement(ids: Array(flow.ids), arrows: Array(flow.arrows), label: flow.label)
            #expect(copy == flow)
            #expect(copy.hashValue == flow.hashValue)
        }
        #expect(parsed[0] != parsed[1])
        #expect(flows("a -> b")[0] != flows("a ..> b")[0])
        #expect(flows("a -> b")[0] != flows("a -> b : \"x\"")[0])
    }

    @Test func aLongChainKeepsEveryArrow() {
        let arrows = (0..<130).map { $0 % 3 == 0 ? "..>" : "->" }
        let text = "s0" + arrows.enumerated().map { " \($1) s\($0 + 1)" }.joined()
        let flow = flows(text)[0]
        #expect(flow.ids.count == 131)
        #expect(flow.arrows.map(\.rawValue) == arrows)
        #expect(flow.ids.last?.name == "s130")
    }

    /// Lint's memory target (20 bytes per input byte plus 40 MiB, `BlueprintBenchmarks memory`)
    /// holds for a million `a -> b` lines only while a statement stays this small.
    @Test func aStatementStaysSmall() {
        #expect(MemoryLayout<Statement>.stride <= 48)
    }
}
