import BlueprintDiagnostics
import BlueprintLanguage
import Testing

/// Language 1.2: spans, shares, percentages, rates and `servers`.
@Suite struct QuantityTests {
    private func statements(_ text: String) -> (SyntaxTree, [StatementKind]) {
        let tree = Parser.parse("blueprint \"X\"\n" + text)
        return (tree, tree.statements.dropFirst().map(\.kind))
    }

    @Test func spansOfTwoAndThreeValues() throws {
        let (tree, kinds) = statements("frontstage a \"A\", takes 5m..15m, wait 5m..8m..20m, tolerance 30m, servers 3\n")
        #expect(tree.diagnostics.isEmpty)
        guard case .step(let step)? = kinds.first else { Issue.record("no step"); return }
        let takes = try #require(step.first(.takes)?.span)
        #expect(takes.values.map(\.duration.seconds) == [300, 900])
        #expect(takes.range.start.column == 25)
        #expect(step.first(.wait)?.span?.values.map(\.text) == ["5m", "8m", "20m"])
        #expect(step.first(.wait)?.duration == Duration(seconds: 1200), "a span counts as its largest value")
        #expect(step.first(.tolerance)?.duration == Duration(seconds: 1800))
        guard case .integer(3, _)? = step.first(.servers)?.value else { Issue.record("servers"); return }
    }

    @Test func aSingleDurationStaysADuration() {
        let (_, kinds) = statements("frontstage a \"A\", takes 5m\n")
        guard case .step(let step)? = kinds.first, case .duration(let literal)? = step.first(.takes)?.value else {
            Issue.record("expected a duration")
            return
        }
        #expect(literal.text == "5m")
    }

    @Test func sharesPromisesForAShareAndDemand() throws {
        let (tree, kinds) = statements("""
        demand 40/h
        promise "P" from a to b within 2h for 95.5%
        a -> b, 30%
        a -> c: "label", 70 %
        """)
        #expect(tree.diagnostics.isEmpty)
        guard case .demand(let demand) = kinds[0], case .promise(let promise) = kinds[1],
              case .flow(let first) = kinds[2], case .flow(let second) = kinds[3] else {
            Issue.record("unexpected statements \(kinds)")
            return
        }
        #expect(demand.rate.perHour == 40 && demand.rate.text == "40/h")
        #expect(promise.share?.percent == 95.5 && promise.share?.text == "95.5%")
        #expect(first.share?.percent == 30 && first.share?.range.start.column == 9)
        #expect(second.label?.value == "label" && second.share?.percent == 70)
    }

    @Test(arguments: [("300/d", 12.5), ("168/w", 1.0), ("2.5/h", 2.5)])
    func ratesPerHour(written: String, perHour: Double) {
        let (_, kinds) = statements("demand \(written)\n")
        guard case .demand(let demand)? = kinds.first else { Issue.record("no demand"); return }
        #expect(abs(demand.rate.perHour - perHour) < 1e-12)
    }

    @Test(arguments: [
        "frontstage a \"A\", takes 5m..",
        "frontstage a \"A\", takes 1m..2m..3m..4m",
        "frontstage a \"A\", wait 1m, tolerance 5m..10m",
        "frontstage a \"A\", servers 2.5",
        "a -> b, 30",
        "a -> b, x%",
        "demand 40/m",
        "demand 40",
        "promise \"P\" from a to b within 1h for 95",
        "promise \"P\" from a to b within 1h for",
    ])
    func malformedQuantitiesAreSyntaxErrors(line: String) {
        #expect(Parser.parse("blueprint \"X\"\n" + line).diagnostics.count == 1, "\(line)")
    }

    @Test func hugeNumbersParse() {
        let (tree, kinds) = statements("demand \(String(repeating: "9", count: 400))/h\na -> b, \(String(repeating: "9", count: 400))%\n")
        #expect(tree.diagnostics.isEmpty)
        guard case .demand(let demand)? = kinds.first else { Issue.record("no demand"); return }
        #expect(demand.rate.perHour == .infinity)
    }
}
