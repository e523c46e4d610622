import Testing

@Suite struct SyntaxRuleTests {
    @Test func reportsEachBrokenLineOnce() {
        let broken = (1...10).map { "customer s\($0) \"Step\" emotion 1" }.joined(separator: "\n")
        let diagnostics = lint("blueprint \"Ten\"\n" + broken).filter { $0.rule == .syntax }
        #expect(diagnostics.count == 10)
        #expect(diagnostics.allSatisfy { $0.message == "expected ',' before 'emotion'" })
    }

    @Test func pointsAtTheOffendingToken() {
        expectFindings(.syntax, in: """
        blueprint "X"
        1️⃣frontstag log "Agent logs"
        customer a "A", 2️⃣emotoin 2
        frontstage b "B", takes 3️⃣1h1h
        frontstage 4️⃣"no id"
        """, [
            ("1️⃣", "unknown statement 'frontstag' (did you mean 'frontstage'?)"),
            ("2️⃣", "unknown attribute 'emotoin' (did you mean 'emotion'?)"),
            ("3️⃣", "invalid duration '1h1h'"),
            ("4️⃣", "expected an id after 'frontstage', found string \"no id\""),
        ])
    }

    @Test func aBadStepLineStillDeclaresItsStep() {
        // Language 1.1: the lane keyword and id parsed, so `a` exists; the flow through it is fine.
        let diagnostics = lint("""
        blueprint "X"
        customer a "A", emotion
        customer b "B"
        b -> a
        """)
        #expect(diagnostics.filter { $0.rule != "customer-without-touchpoint" }.map(\.rule) == [.syntax])
    }

    @Test func aBadLineOfAnotherKindAddsNothing() {
        let diagnostics = lint("""
        blueprint "X"
        customer a "A"
        phase
        a -> missing
        """)
        #expect(diagnostics.filter { $0.rule != "customer-without-touchpoint" }.map(\.rule) == [.syntax, "undefined-reference"])
    }
}
