import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import Testing

@Suite struct ReferencesTests {
    static let blueprint = Blueprint(syntax: Parser.parse(SourceText("""
        blueprint "References"
        evidence sms "Text message"
        customer ask "Asks", evidence sms, evidence ghost
        frontstage answer "Answers", fail "No answer" recover sms
        ask -> answer -> missing
        answer -> sms
        promise "Quick" from ask to nowhere within 1h
        """)))

    /// `matching` keeps the references a test passes, in the order the whole sequence gives them.
    @Test func matchingKeepsWhatTheTestPassesInOrder() {
        let all = Array(Self.blueprint.references)
        #expect(all.count == 10)
        let undeclared = Array(Self.blueprint.references.matching { $1 == nil })
        #expect(undeclared == all.filter { $0.symbol == nil })
        #expect(undeclared.map(\.id.name) == ["missing", "ghost", "nowhere"])
        let namingEvidence = Array(Self.blueprint.references.matching { _, symbol in
            if case .evidence? = symbol { true } else { false }
        })
        #expect(namingEvidence.map(\.use) == [.flow, .evidence, .recovery])
        #expect(Array(Self.blueprint.references.matching { _, _ in true }) == all)
        #expect(Array(Self.blueprint.references.matching { _, _ in false }).isEmpty)
    }
}
