import BlueprintDiagnostics
import BlueprintTestSupport
import Foundation
import BlueprintLint
import Testing

@Suite struct LinterTests {
    @Test func specExampleLintsClean() {
        #expect(lint(outageRepair).isEmpty)
    }

    @Test func specExampleVariantsBreakThePromiseAndTheTolerance() {
        let longer = outageRepair.replacingOccurrences(of: "wait 25m", with: "wait 35m")
        let diagnostics = lint(longer)
        #expect(diagnostics.map(\.rule) == ["promise-broken"])
        #expect(diagnostics.first?.position.line == 3)
        #expect(diagnostics.first?.position.column == 1)
        #expect(diagnostics.first?.message.contains("costs 51m via report → log → dispatch → notify → waits → arrive, 6m over the promised 45m") == true)

        let overTolerance = lint(outageRepair.replacingOccurrences(of: "wait 25m", with: "wait 45m"))
        #expect(Set(overTolerance.map(\.rule)) == ["promise-broken", "wait-over-tolerance"])
    }

    @Test func everyRuleHasHelp() {
        #expect(Linter.rules.count == 27)
        for descriptor in Linter.descriptors {
            #expect(!descriptor.summary.isEmpty && !descriptor.explanation.isEmpty)
            #expect(!descriptor.badExample.isEmpty && !descriptor.goodExample.isEmpty)
        }
        #expect(Set(Linter.ruleIDs).count == Linter.ruleIDs.count)
    }

    @Test func badExamplesAreReportedByTheirRule() {
        for descriptor in Linter.descriptors where descriptor.id != "missing-header" {
            let file = "blueprint \"Example\"\n" + descriptor.badExample + "\n"
            let rules = Set(lint(file).map(\.rule))
            #expect(rules.contains(descriptor.id), "bad example of \(descriptor.id) gave \(rules)")
        }
    }

    @Test func configurationChangesSeverityOrSwitchesOff() {
        let text = outageRepair + "\nsupport orphan \"Nobody calls this\", takes 1m\n"
        #expect(lint(text).map(\.severity) == [.warning])
        let asError = LintConfiguration(ruleSettings: ["disconnected-step": .error])
        #expect(lint(text, configuration: asError).map(\.severity) == [.error])
        let off = LintConfiguration(ruleSettings: ["disconnected-step": .off])
        #expect(lint(text, configuration: off).isEmpty)
    }

    @Test func trailingIgnoreSilencesItsLineOnly() {
        let text = outageRepair + """

        support orphan "Nobody calls this" # lint: ignore disconnected-step
        support orphan2 "Nor this"
        """
        let diagnostics = lint(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("orphan2") == true)
    }

    @Test func ignoreListsSeveralRulesAndSyntax() {
        let text = outageRepair + """

        support orphan "Nobody calls this", moment # lint: ignore disconnected-step,moment-off-stage
        frontstage bad bad bad # lint: ignore syntax, unknown-rule
        customer broken "unterminated # lint: ignore syntax
        """
        // Inside a string, even an unterminated one, '#' starts no comment; the step the bad line
        // declares is still reported when nothing joins it (spec section 8, "Echoes").
        #expect(lint(text).map(\.rule) == ["disconnected-step", .syntax])
    }

    @Test func fileLevelIgnoreOnlyBeforeTheFirstStatement() {
        let orphan = "\nsupport orphan \"Nobody calls this\"\n"
        #expect(lint("# lint: ignore disconnected-step\n" + outageRepair + orphan).isEmpty)
        let late = outageRepair + "\n# lint: ignore disconnected-step" + orphan
        #expect(lint(late).map(\.rule) == ["disconnected-step"])
    }

    @Test func diagnosticsAreSortedByLineColumnRuleMessage() {
        let text = """
        blueprint "Sorting"
        customer a "A", emotion 9, emotion 1
        frontstage b "B", moment, wait 1h, tolerance 1m
        a -> b -> c
        """
        let diagnostics = lint(text)
        let keys = diagnostics.map { ($0.position.line, $0.position.column, $0.rule.rawValue, $0.message) }
        #expect(keys.map(\.0) == keys.map(\.0).sorted())
        for (first, second) in zip(keys, keys.dropFirst()) {
            #expect(first <= second)
        }
    }

    @Test func emptyFileGetsHeaderAndCustomerAtOneOne() {
        let diagnostics = lint("")
        #expect(diagnostics.map(\.rule) == ["missing-header", "no-customer"])
        #expect(diagnostics.allSatisfy { $0.position.line == 1 && $0.position.column == 1 })
    }

    @Test func missingHeaderGoesToTheFirstStatement() {
        let diagnostics = lint("# comment\n\n  customer a \"A\"\n")
        #expect(diagnostics.map(\.rule) == ["missing-header", "customer-without-touchpoint"])
        #expect(diagnostics.first?.position == SourcePosition(line: 3, column: 3))
    }
}

@Suite struct RuleExamplesTests {
    @Test func goodExamplesAreNotReportedByTheirRule() {
        for descriptor in Linter.descriptors where descriptor.id != "missing-header" {
            let file = "blueprint \"Example\"\n" + descriptor.goodExample + "\n"
            let rules = Set(lint(file).map(\.rule))
            #expect(!rules.contains(descriptor.id), "good example of \(descriptor.id) gave \(rules)")
        }
    }
}
