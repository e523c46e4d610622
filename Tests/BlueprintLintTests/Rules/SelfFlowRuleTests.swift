import Testing

@Suite struct SelfFlowRuleTests {
    @Test func reportsAFlowFromAStepToItself() {
        expectFindings("self-flow", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        a -> 1️⃣b -> b
        2️⃣a ..> a
        """, [("1️⃣", "flow from 'b' to itself"), ("2️⃣", "flow from 'a' to itself")])
    }

    @Test func flowsBetweenTwoStepsAndUnknownIdsAreNotReported() {
        expectNoFindings("self-flow", in: """
        blueprint "X"
        customer a "A"
        frontstage b "B"
        a -> b -> a
        x -> x
        """)
    }
}
