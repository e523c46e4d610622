import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLint
import BlueprintModel
import BlueprintTestSupport
import Testing

@Suite struct DocumentTests {
    @Test func theSpecExampleIsCleanAndItsPromiseKept() {
        let document = Document(path: "outage.blueprint", text: outageRepair)
        #expect(document.diagnostics.isEmpty)
        #expect(document.blueprint.steps.count == 10)
        #expect(document.analysed.promises.map(\.check.status) == [.kept])
        #expect(document.analysed.promises.first?.check.worstCost == Duration(seconds: 41 * 60))
    }

    @Test func oneBudgetForLintAndRender() {
        // Many promises over one dense loop: the checks the renderer draws are the linter's.
        var text = "blueprint \"Loops\"\ncustomer s \"S\"\n"
        for index in 0..<12 { text += "frontstage n\(index) \"N\", takes 1m\n" }
        for a in 0..<12 { for b in 0..<12 where a != b { text += "n\(a) -> n\(b)\n" } }
        text += "s -> n0\n"
        for index in 0..<30 { text += "promise \"P\(index)\" from n0 to n11 within 1h\n" }
        let document = Document(path: "loops.blueprint", text: text)
        #expect(document.analysed.promises.map(\.check) == PromiseAnalysis.checks(of: document.blueprint))
        #expect(document.analysed.promises.allSatisfy { $0.check.searchWasBounded })
        let small = Document(path: "loops.blueprint", source: SourceText(text), promiseWork: 10_000)
        #expect(small.analysed.promises.allSatisfy { $0.check.searchWasBounded })
    }

    @Test func theConfigurationDecidesSeverities() {
        let text = "blueprint \"X\"\ncustomer a \"A\"\nsupport lonely \"L\"\n"
        let strict = Document(path: "x.blueprint", source: SourceText(text),
                              configuration: LintConfiguration(ruleSettings: ["disconnected-step": .error, "customer-without-touchpoint": .off]))
        #expect(strict.diagnostics.map(\.rule) == ["disconnected-step"])
        #expect(strict.diagnostics.first?.severity == .error)
        let relaxed = strict.with(configuration: LintConfiguration(ruleSettings: ["disconnected-step": .off, "customer-without-touchpoint": .off]))
        #expect(relaxed.diagnostics.isEmpty)
        #expect(relaxed.syntax.statements.count == strict.syntax.statements.count)
    }

    @Test func anEditMakesANewDocument() throws {
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\"\na ..> b\na -> c\n")
        #expect(document.diagnostics.map(\.rule) == ["undefined-reference"])
        let flowLine = document.syntax.statements[4]
        guard case .flow(let flow) = flowLine.kind else { Issue.record("no flow"); return }
        let edited = try document.applying([TextEdit(range: flow.ids[1].range, replacement: "b")])
        #expect(edited.diagnostics.isEmpty)
        #expect(document.diagnostics.count == 1, "the old document is unchanged")
        #expect(String(decoding: edited.source.bytes, as: UTF8.self).hasSuffix("a ..> b\na -> b\n"))
    }

    @Test func overlappingEditsAreRefused() {
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\n")
        let range = SourceRange(start: SourcePosition(line: 1, column: 1, offset: 0), end: SourcePosition(line: 1, column: 5, offset: 4))
        #expect(throws: TextEditError.overlapping) {
            try document.applying([TextEdit(range: range, replacement: "a"), TextEdit(range: range, replacement: "b")])
        }
    }

    @Test func languageFollowsTheLocaleOrTheChoice() {
        let chinese = Document(path: "x.blueprint", text: "blueprint \"X\"\nlocale zh-Hant\ncustomer a \"A\"\nfrontstage b \"B\"\na -> b -> c\n")
        #expect(chinese.language(for: .auto) == .zhHant)
        #expect(chinese.language(for: .fixed(.en)) == .en)
        #expect(chinese.report().diagnostics.first?.message(in: chinese.report().language) == "流程引用了未知的步驟 'c'")
    }

    @Test func formattingGoesThroughTheDocument() throws {
        let document = Document(path: "x.blueprint", text: "blueprint   \"X\"\ncustomer a \"A\"\n")
        #expect(try document.formatted() == "blueprint \"X\"\n\ncustomer a \"A\"\n")
        let broken = Document(path: "x.blueprint", text: "blueprint \"X\"\ncustomer a \"A\" oops\n")
        #expect(throws: (any Error).self) { try broken.formatted() }
    }
}
