import BlueprintLanguage
import BlueprintReport
import Testing

@Suite struct RuleHelpPrinterTests {
    @Test func tableAlignsColumns() {
        #expect(RuleHelpPrinter.table(ReportFixtures.rules) == """
            RULE                 DEFAULT  FINDS
            undefined-reference  error    a flow, recover, evidence or promise names an id that is not declared
            disconnected-step    warning  a step outside the journey
            invalid-attribute    error    an attribute given twice, an emotion outside -2…2, `tolerance` without `wait`

            """)
    }

    @Test func explanationIndentsExamples() {
        #expect(RuleHelpPrinter.explanation(of: ReportFixtures.rules[1]) == """
            disconnected-step (default: warning)

            a step outside the journey

            A step no flow reaches is never part of the service. Link it or remove it.

            Bad:
                customer a "A"
                frontstage b "B"

            Good:
                customer a "A"
                frontstage b "B"
                a -> b

            """)
    }
}
