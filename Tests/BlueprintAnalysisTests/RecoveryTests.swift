import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintModel
import Testing

/// Language 1.1, section 8 "Bad lines": a step line whose lane keyword and id parse declares its
/// step all the same, and the errors' echoes on other lines are not reported.
@Suite struct RecoveryTests {
    private func document(_ lines: String...) -> Document {
        Document(path: "x.blueprint", text: (["blueprint \"X\""] + lines).joined(separator: "\n") + "\n")
    }

    @Test func aStepLineKeepsTheAttributesBeforeTheError() throws {
        let document = document(
            "customer a \"A\", emotion -1, moment, emotoin 2, evidence e",
            "evidence e \"E\"")
        let step = try #require(document.blueprint.step(named: "a"))
        #expect(step.emotion == -1 && step.isMomentOfTruth)
        #expect(step.shownEvidence.isEmpty, "the attribute after the error is dropped")
        #expect(document.diagnostics.map(\.rule) == ["syntax"], "unused-evidence is the error's doing: not reported")
    }

    @Test func anAttributeCutShortIsDropped() throws {
        let step = try #require(document("frontstage b \"B\", takes 5m, wait").blueprint.step(named: "b"))
        #expect(step.takes == Duration(seconds: 300) && step.wait == nil)
    }

    @Test func aLabelThatDidNotParseIsEmpty() throws {
        let document = document("customer a oops", "frontstage b \"B\"", "a -> b")
        #expect(try #require(document.blueprint.step(named: "a")).label == "")
        #expect(document.diagnostics.map(\.rule) == ["syntax"])
    }

    @Test func evidenceItemsRecoverToo() {
        let document = document("evidence e \"E\" channel \"x\"", "customer a \"A\", evidence e", "frontstage b \"B\"", "a -> b")
        #expect(document.blueprint.evidenceItem(named: "e") != nil)
        #expect(document.diagnostics.map(\.rule) == ["syntax"])
    }

    /// Spec section 8, "Phases": a bad line that declares a step counts as a step of its phase.
    @Test func aBadStepLineFillsItsPhase() {
        let document = document("phase \"Fine\"", "customer a \"A\"", "frontstage b \"B\"", "a -> b", "phase \"Broken\"", "  customer c \"C\" oops", "b -> c")
        #expect(document.blueprint.phases[1].steps.count == 1)
        #expect(document.diagnostics.map(\.rule) == ["syntax"])
    }

    @Test func otherBadLinesAddNothing() {
        let document = document("phase", "customer a \"A\"", "frontstage b \"B\"", "a -> b :", "promise \"P\" from a to b")
        #expect(document.blueprint.phases.count == 1 && document.blueprint.phases[0].title == nil, "a bad phase line opens no phase")
        #expect(document.blueprint.flows.isEmpty && document.blueprint.promises.isEmpty)
        #expect(Set(document.diagnostics.map(\.rule)) == ["syntax"])
    }

    /// The case of the issue: six typos used to give 16 errors, starting with a false no-customer.
    @Test func sixTyposGiveSixErrors() {
        let document = document(
            "promise \"Quick\" from ask to done within 30m",
            "phase \"Ask\"",
            "  customer ask \"Asks\", emotoin -1",
            "  frontstage welcome \"Welcomes\", takes 1m",
            "  front greet \"Greets\", takes 2m",
            "  frontstage check \"Checks\", takes 5分钟",
            "  backstage file \"Files\" takes 3m",
            "  support crm \"CRM\"，note \"x\"",
            "  frontstage done \"Done\", moment, takes 1m, fail \"x\" recovr ask",
            "ask -> welcome -> greet -> check -> file -> done",
            "crm ..> file")
        #expect(document.diagnostics.map(\.rule) == Array(repeating: "syntax", count: 6), "\(document.diagnostics.map(\.message))")
    }

    @Test func aMisspeltLaneLeavesNoUndefinedReference() {
        let document = document("customer a \"A\"", "frontstage f \"F\"", "staff c \"C\"", "a -> c -> f")
        #expect(document.diagnostics.map(\.rule) == ["syntax"])
        #expect(document.diagnostics[0].message == "unknown lane 'staff': a step line starts with evidence, customer, frontstage, backstage or support")
    }

    @Test func aFileWithoutErrorsStillGetsEveryDiagnostic() {
        let document = document("customer a \"A\"", "frontstage b \"B\"", "a -> c", "b ..> d")
        #expect(document.diagnostics.map(\.rule) == ["customer-without-touchpoint", "disconnected-step", "undefined-reference", "undefined-reference"])
    }
}
