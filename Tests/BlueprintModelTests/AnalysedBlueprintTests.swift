import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import BlueprintTestSupport
import Testing

@Suite struct AnalysedBlueprintTests {
    private func analysed(_ text: String) -> AnalysedBlueprint {
        AnalysedBlueprint(Blueprint(syntax: Parser.parse(SourceText(text))))
    }

    @Test func theSpecExampleIsModelledAsWritten() {
        let blueprint = analysed(outageRepair).blueprint
        #expect(blueprint.title == "Power outage repair")
        #expect(blueprint.phases.map(\.title) == ["Report", "Repair"])
        #expect(blueprint.steps.count == 10 && blueprint.evidence.count == 2)
        #expect(blueprint.flows.count == 9 && blueprint.recoveries.count == 1)
    }

    /// Section 5: the one path from `report` to `arrive` costs 0 + 4 + 6 + 1 + 25 + 5 = 41m.
    @Test func eachPromiseCarriesItsOwnCheck() {
        let text = outageRepair + "promise \"Power back within 1h\" from report to restored within 1h\n"
        let promises = analysed(text).promises
        #expect(promises.map(\.promise.description) == ["Crew on site within 45 minutes of the call", "Power back within 1h"])
        #expect(promises.map(\.check.status) == [.kept, .broken])
        #expect(promises[0].check.worstCost == Duration(seconds: 41 * 60))
        #expect(promises[1].check.worstCost == Duration(seconds: 81 * 60))
    }

    @Test func aDerivedBlueprintKeepsTheChecksOrDropsThem() {
        let whole = analysed(outageRepair)
        #expect(whole.replacingBlueprint(whole.blueprint).promises == whole.promises)
        #expect(whole.replacingBlueprint(whole.blueprint, keepingPromises: false).promises.isEmpty)
    }
}
