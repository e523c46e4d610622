import BlueprintAnalysis
import BlueprintAnalyze
import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintTestSupport
import Testing

private func figures(_ text: String, customers: Int = SimulationOptions().customers, language: LanguageChoice = .auto) -> FileFigures {
    var options = SimulationOptions()
    options.customers = customers
    return FileFigures(Document(path: "t.blueprint", text: text), options: options, language: language)
}

@Suite struct FileFiguresTests {
    @Test func theSpecExample() throws {
        let file = figures(counterService)
        let promise = try #require(file.promises.first)
        #expect(promise.name == "Served within 12 minutes" && promise.from == "arrive" && promise.to == "leave")
        #expect(promise.target == 0.9 && promise.within.seconds == 720)
        #expect(promise.verdict == .broken, "70% is below the 90% promised")
        #expect(promise.contributorSteps == ["serve"])
        let serve = try #require(file.steps.first { $0.id == "serve" })
        #expect(serve.capacity.servers == 3)
    }

    @Test func aWorstCasePromiseIsJudgedByItsWorstCase() throws {
        let file = figures(outageRepair)
        #expect(file.promises.map(\.verdict) == [.kept])
        #expect(file.promises[0].target == nil)
        #expect(file.promises[0].simulation?.worstCaseSeconds == 41 * 60, "every promise is simulated, not only `for` ones")
    }

    @Test func anUnreachablePromiseIsNotSimulated() {
        let text = outageRepair.replacingOccurrences(of: "from report to arrive", with: "from restored to report")
        #expect(figures(text).promises.map(\.verdict) == [.notSimulated])
    }

    @Test func onlySyntaxAndUnresolvedNamesBlockTheAnalysis() {
        let broken = counterService + "\nleave -> nowhere\n"
        #expect(FileFigures.blockingDiagnostics(of: Document(path: "b.blueprint", text: broken)).map(\.rule) == ["undefined-reference"])
        let badLine = counterService + "\nfrontstage x \"X\", takes soon\n"
        #expect(FileFigures.blockingDiagnostics(of: Document(path: "b.blueprint", text: badLine)).map(\.rule) == [.syntax])
        let document = Document(path: "c.blueprint", text: counterService)
        #expect(document.hasErrors, "promise-broken is an error")
        #expect(FileFigures.blockingDiagnostics(of: document).isEmpty, "and still analysed")
    }
}

@Suite struct AnalyzeReportTests {
    @Test func theJSONKeepsItsKeysInOrder() {
        let json = AnalyzeReport.write([figures(counterService)], format: .json)
        #expect(json.hasPrefix(#"{"version":1,"files":[{"file":"t.blueprint","customers":100000,"seed":104374985101825,"promises":[{"name":"Served within 12 minutes","from":"arrive","to":"leave","within":720,"target":0.9,"worstCase":960,"share":0."#))
        #expect(json.contains(#""steps":[{"id":"arrive","visits":1,"arrivalRate":30,"servers":null,"utilisation":null,"queueWait":null,"inProgress":null},{"id":"serve","visits":1,"arrivalRate":30,"servers":3,"utilisation":0.8333,"queueWait":421.3,"inProgress":6.0112}"#), "\(json)")
        #expect(json.hasSuffix("}]}\n"))
    }

    @Test func theTextHasAPromiseTableAndAStepTable() {
        let text = AnalyzeReport.write([figures(counterService)], format: .text)
        #expect(text.hasPrefix("t.blueprint: Counter service\n100,000 customers simulated for each promise (seed 104374985101825).\n\nPromises\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.first { $0.hasPrefix("Promise ") }!
        let row = lines.first { $0.hasPrefix("Served within 12 minutes") }!
        #expect(header.count == row.count, "aligned:\n\(header)\n\(row)")
        #expect(row.contains("arrive → leave") && row.contains("90.0%") && row.contains("16m") && row.hasSuffix("broken"))
        #expect(text.contains("\nWhich step matters most\n"))
        #expect(text.contains("\nSteps\n"))
        #expect(lines.contains { $0.hasPrefix("serve ") && $0.contains("83.3%") && $0.contains("7m 1s") })
        #expect(!lines.contains { $0.hasSuffix(" ") })
    }

    @Test func chineseColumnsLineUp() {
        let text = counterService.replacingOccurrences(of: "demand 30/h", with: "demand 30/h\nlocale zh-Hant")
        let output = AnalyzeReport.write([figures(text, customers: 2_000)], format: .text)
        #expect(output.contains("每個承諾模擬 2,000 位顧客"))
        let lines = output.split(separator: "\n")
        let header = lines.first { $0.hasPrefix("承諾 ") }!
        let row = lines.first { $0.hasPrefix("Served within 12 minutes") }!
        #expect(header.contains("準時") && row.hasSuffix("未兌現"))
        // The last column starts at the same display cell in both.
        let resultColumn = { (line: Substring, cell: String) in TerminalWidth.cells(of: String(line[..<line.range(of: cell)!.lowerBound])) }
        #expect(resultColumn(header, "結果") == resultColumn(row, "未兌現"))
        #expect(output.contains("16分鐘"))
    }

    @Test func theMarkdownHasGitHubTables() {
        let markdown = AnalyzeReport.write([figures(counterService, customers: 1_000)], format: .markdown)
        #expect(markdown.hasPrefix("## t.blueprint: Counter service\n"))
        #expect(markdown.contains("### Promises\n\n| Promise | From → to | Limit | Target | In time |"))
        #expect(markdown.contains("| --- | --- | ---: |"))
        #expect(markdown.contains("### Steps\n\n| Step | Visits |"))
        #expect(markdown.contains("| serve | 1.00 | 30.0 | 3 | 83.3% | 7m 1s | 6.0 |"))
    }

    @Test func everyPhraseIsTranslated() {
        for entry in AnalyzeMessage.allCases {
            let phrase = entry.phrase
            #expect(!phrase.zhHans.isEmpty && !phrase.zhHant.isEmpty)
            #expect(phrase.zhHans != phrase.en && phrase.zhHant != phrase.en, "\(entry)")
        }
    }
}

@Suite struct GeneratedBlueprintTests {
    @Test func theBenchmarkBlueprintLintsWithoutErrorsAndAnalyses() throws {
        let document = Document(path: "generated.blueprint", text: BlueprintGenerator.capacity(steps: 100))
        #expect(!document.hasErrors, "\(document.diagnostics.filter { $0.severity == .error })")
        let file = FileFigures(document, options: SimulationOptions(), language: .auto)
        // Booking sends 10% back to the confirmation: 1 ÷ 0.9 visits.
        let confirms = try #require(file.steps.first { $0.id == "s7" })
        #expect(abs(confirms.capacity.visits - 1 / 0.9) < 1e-9)
        #expect(try #require(file.promises.first?.simulation?.contributors).count == 3)
    }
}
