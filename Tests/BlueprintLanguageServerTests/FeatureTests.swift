@testable import BlueprintLanguageServer
import Foundation
import Testing

/// Each language feature through the protocol, on the constructs it applies to.
@Suite(.timeLimit(.minutes(2)))
struct FeatureTests {
    /// A client with `text` open as `name`; returns the client and the document's URI.
    private func session(_ text: String, name: String = "a.blueprint", encodings: [String]? = nil) async throws -> (TestClient, String) {
        let client = TestClient()
        try await client.initialize(positionEncodings: encodings)
        let uri = client.open(name, text)
        _ = try await client.diagnostics(for: uri)
        return (client, uri)
    }

    private func hoverText(_ client: TestClient, _ uri: String, _ needle: String, in text: String, skip: Int = 0) async throws -> String {
        let place = locate(needle, in: text, skip: skip, offset: 1)
        return try await client.request("textDocument/hover", textPosition(uri, place.line, place.character))["contents"]?["value"]?.stringValue ?? ""
    }

    @Test func diagnosticsCarryRuleSeverityRelatedInformationAndTags() async throws {
        let text = Fixture.english + "\n  evidence   leaflet \"Unused leaflet\"\n  frontstage log \"Again\"\n"
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("a.blueprint", text)
        let diagnostics = try await client.diagnostics(for: uri)
        let unused = try #require(diagnostics.first { $0["code"]?.stringValue == "unused-evidence" })
        #expect(unused["severity"]?.numberValue == 2)
        #expect(unused["tags"] == .array([.number(1)]))
        #expect(unused["source"]?.stringValue == "blueprint")
        let duplicate = try #require(diagnostics.first { $0["code"]?.stringValue == "duplicate-id" })
        #expect(duplicate["severity"]?.numberValue == 1)
        let related = try #require(duplicate["relatedInformation"]?.arrayValue?.first)
        #expect(related["location"]?["range"]?["start"]?["line"]?.numberValue == Double(locate("log ", in: text).line))
        #expect(duplicate["tags"] == nil)
        #expect(try await client.finish() == 0)
    }

    @Test func hoverExplainsStepsEvidencePromisesDurationsAndDiagnostics() async throws {
        let text = Fixture.english.replacingOccurrences(of: "wait 25m", with: "wait 35m")
        let (client, uri) = try await session(text)
        let dispatch = try await hoverText(client, uri, "dispatch ", in: text)
        for expected in ["Lane: Backstage", "Phase: Report", "Takes: 6m", "Fail point: Wrong address, recovered by `callback`",
                         "Promise “Crew on site within 45 minutes of the call”: worst case 51m of 45m"] {
            #expect(dispatch.contains(expected), "\(expected) in \(dispatch)")
        }
        let log = try await hoverText(client, uri, "log ", in: text)
        #expect(log.contains("Actor: Call agent"))
        let waits = try await hoverText(client, uri, "waits", in: text)
        #expect(waits.contains("Wait: 35m") && waits.contains("Tolerance: 40m") && waits.contains("Evidence: `sms`"))
        let sms = try await hoverText(client, uri, "sms ", in: text)
        #expect(sms.contains("Shown by: `notify`, `waits`"))
        let promise = try await hoverText(client, uri, "promise", in: text)
        #expect(promise.contains("Broken: worst case 51m, 6m over the limit of 45m"))
        #expect(promise.contains("Worst path: report → log → dispatch → notify → waits → arrive"))
        // The promise line has a diagnostic, so the rule's explanation follows.
        #expect(promise.contains("**promise-broken**"))
        let duration = try await hoverText(client, uri, "40m", in: text, skip: 1)
        #expect(duration.contains("40 minutes (2400 seconds)"))
        // A reference in a flow shows the step it names.
        let flowUse = try await hoverText(client, uri, "arrive -> fix", in: text)
        #expect(flowUse.contains("Crew arrives on site"))
        #expect(try await client.finish() == 0)
    }

    @Test func hoverSpeaksTheFileLanguageAndCountsUTF16() async throws {
        let (client, uri) = try await session(Fixture.chinese)
        let text = Fixture.chinese
        // The declaration of 𠀀取号: the cursor on its third unit (inside the id, after the surrogate pair).
        let declaration = locate("𠀀取号 \"", in: text)
        let hover = try await client.request("textDocument/hover", textPosition(uri, declaration.line, declaration.character + 2))
        let value = hover["contents"]?["value"]?.stringValue ?? ""
        #expect(value.contains("泳道：顾客行为"))
        #expect(value.contains("阶段：到店"))
        #expect(value.contains("承诺“取号后20分钟内叫号”：最坏情况 1分钟，上限 20分钟"))
        #expect(hover["range"]?["end"]?["character"]?.numberValue == Double(declaration.character + 4))
        let recovery = try await hoverText(client, uri, "审单   \"", in: text)
        #expect(recovery.contains("失误点：资料缺失，由 `叫号` 补救"))
        let duration = try await hoverText(client, uri, "20m", in: text)
        #expect(duration.contains("20分钟（1200 秒）"))
        #expect(try await client.finish() == 0)
    }

    @Test func positionsFollowTheNegotiatedEncoding() async throws {
        // In the flow line `𠀀取号 -> 叫号`, 叫号 starts at UTF-16 unit 8, UTF-8 byte 14, scalar 7.
        for (encoding, character) in [("utf-16", 8), ("utf-8", 14), ("utf-32", 7)] {
            let (client, uri) = try await session(Fixture.chinese, encodings: [encoding])
            let line = locate("𠀀取号 -> 叫号", in: Fixture.chinese).line
            let definition = try await client.request("textDocument/definition", textPosition(uri, line, character))
            let declaration = locate("叫号   \"", in: Fixture.chinese)
            #expect(definition["range"]?["start"]?["line"]?.numberValue == Double(declaration.line), "\(encoding)")
            let highlights = try await client.request("textDocument/documentHighlight", textPosition(uri, line, character)).arrayValue ?? []
            let onFlowLine = highlights.first { $0["range"]?["start"]?["line"]?.numberValue == Double(line) }
            #expect(onFlowLine?["range"]?["start"]?["character"]?.numberValue == Double(character), "\(encoding)")
            #expect(try await client.finish() == 0)
        }
    }

    @Test func definitionReferencesAndHighlightsCoverEveryUse() async throws {
        let text = Fixture.english
        let (client, uri) = try await session(text)
        let declaration = locate("callback ", in: text)
        for use in [locate("callback -> dispatch", in: text), locate("recover callback", in: text, offset: 8)] {
            let definition = try await client.request("textDocument/definition", textPosition(uri, use.line, use.character))
            #expect(definition["range"]?["start"]?["line"]?.numberValue == Double(declaration.line))
            #expect(definition["range"]?["start"]?["character"]?.numberValue == Double(declaration.character))
        }
        let evidenceUse = locate("evidence hotline", in: text, offset: 9)
        let evidence = try await client.request("textDocument/definition", textPosition(uri, evidenceUse.line, evidenceUse.character))
        #expect(evidence["range"]?["start"]?["line"]?.numberValue == Double(locate("hotline ", in: text).line))
        let promiseFrom = locate("from report", in: text, offset: 5)
        let report = try await client.request("textDocument/definition", textPosition(uri, promiseFrom.line, promiseFrom.character))
        #expect(report["range"]?["start"]?["line"]?.numberValue == Double(locate("report    \"", in: text).line))

        var params = LSP.ReferenceParams(textDocument: .init(uri: uri), position: at(declaration.line, declaration.character),
                                         context: .init(includeDeclaration: true))
        #expect(try await client.request("textDocument/references", params).arrayValue?.count == 3)
        params.context.includeDeclaration = false
        #expect(try await client.request("textDocument/references", params).arrayValue?.count == 2)
        let highlights = try await client.request("textDocument/documentHighlight", textPosition(uri, declaration.line, declaration.character)).arrayValue ?? []
        // In source order: `recover callback` comes before the declaration.
        #expect(highlights.map { $0["kind"]?.numberValue } == [2, 3, 2])
        #expect(try await client.finish() == 0)
    }

    @Test func renameEditsEveryUseAndRefusesBadNames() async throws {
        let text = Fixture.english + "promise \"Callback\" from callback to arrive within 2h\n"
        let (client, uri) = try await session(text)
        let declaration = locate("callback ", in: text)
        let prepared = try await client.request("textDocument/prepareRename", textPosition(uri, declaration.line, declaration.character))
        #expect(prepared["placeholder"]?.stringValue == "callback")
        var params = LSP.RenameParams(textDocument: .init(uri: uri), position: at(declaration.line, declaration.character), newName: "回电")
        let edit = try await client.request("textDocument/rename", params)
        let edits = edit["changes"]?[uri]?.arrayValue ?? []
        // Declaration, `recover`, the flow and the promise's `from`.
        #expect(edits.count == 4)
        #expect(edits.allSatisfy { $0["newText"]?.stringValue == "回电" })
        let sms = locate("evidence sms", in: text, offset: 9)
        let evidenceParams = LSP.RenameParams(textDocument: .init(uri: uri), position: at(sms.line, sms.character), newName: "text-message")
        #expect(try await client.request("textDocument/rename", evidenceParams)["changes"]?[uri]?.arrayValue?.count == 3)

        for bad in ["two words", "9lives", "a\"b", "fix"] {
            params.newName = bad
            #expect(try await client.error(of: "textDocument/rename", params) != nil, "\(bad)")
        }
        let keyword = locate("phase", in: text)
        #expect(try await client.error(of: "textDocument/prepareRename", textPosition(uri, keyword.line, keyword.character)) != nil)
        #expect(try await client.finish() == 0)
    }

    private func completionLabels(_ client: TestClient, _ uri: String, line: Int, character: Int) async throws -> [String] {
        let result = try await client.request("textDocument/completion", textPosition(uri, line, character))
        return (result["items"]?.arrayValue ?? []).compactMap { $0["label"]?.stringValue }
    }

    @Test func completionKnowsWhereItIs() async throws {
        let lines = [
            "",                                                    // start of a line
            "  frontstage extra \"Extra\", takes 2m, ",            // attributes still allowed in frontstage
            "  support helper \"Helper\", ",                       // no moment or emotion in support
            "  evidence flyer \"Flyer\", ",                        // only note and channel
            "arrive -> ",                                          // step ids after an arrow
            "  backstage more \"More\", fail \"Oops\" recover ",   // step ids after recover
            "  customer asks \"Asks\", evidence ",                 // evidence ids
            "promise \"P\" from ",                                 // step ids after from
            "promise \"P\" from report to ",                       // and after to
            "locale ",                                             // locale values
            "fix -> re",                                           // ids being typed
        ]
        let text = Fixture.english + lines.joined(separator: "\n") + "\n"
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("a.blueprint", text)
        _ = try await client.diagnostics(for: uri)
        let first = text.components(separatedBy: "\n").count - lines.count - 1
        func labels(_ index: Int) async throws -> [String] {
            try await completionLabels(client, uri, line: first + index, character: lines[index].utf16.count)
        }
        let start = try await labels(0)
        #expect(start.contains("phase") && start.contains("promise") && start.contains("customer") && start.contains("report"))
        let snippets = try await client.request("textDocument/completion", textPosition(uri, first, 0))["items"]?.arrayValue?.filter { $0["insertTextFormat"]?.numberValue == 2 } ?? []
        #expect(snippets.count == 2)
        #expect(Set(try await labels(1)) == ["moment", "actor", "channel", "note", "wait", "tolerance", "servers", "fail", "evidence"])
        #expect(Set(try await labels(2)) == ["actor", "channel", "note", "takes", "wait", "tolerance", "servers", "fail", "evidence"])
        #expect(Set(try await labels(3)) == ["note", "channel"])
        let steps = try await labels(4)
        #expect(steps.contains("dispatch") && !steps.contains("sms"))
        #expect(try await labels(5).contains("callback"))
        let evidence = try await labels(6)
        #expect(Set(evidence) == ["hotline", "sms", "flyer"])
        #expect(try await labels(7).contains("report"))
        #expect(try await labels(8).contains("arrive"))
        #expect(Set(try await labels(9)) == ["en", "zh-Hans", "zh-Hant"])
        #expect(Set(try await labels(10)) == ["report", "restored"])
        #expect(try await client.finish() == 0)
    }

    @Test func documentAndWorkspaceSymbols() async throws {
        let client = TestClient()
        try Fixture.chinese.write(to: client.root.appendingPathComponent("on-disk.blueprint"), atomically: true, encoding: .utf8)
        try await client.initialize()
        let uri = client.open("a.blueprint", Fixture.english)
        _ = try await client.diagnostics(for: uri)
        let symbols = try await client.request("textDocument/documentSymbol", textDocument(uri)).arrayValue ?? []
        #expect(symbols.compactMap { $0["name"]?.stringValue } == ["Report", "Repair", "Crew on site within 45 minutes of the call"])
        let report = symbols[0]["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(report == ["hotline", "sms", "report", "log", "dispatch", "callback", "notify", "gis"])
        let found = try await client.request("workspace/symbol", LSP.WorkspaceSymbolParams(query: "叫号")).arrayValue ?? []
        #expect(found.contains { $0["name"]?.stringValue == "叫号" && $0["location"]?["uri"]?.stringValue?.hasSuffix("on-disk.blueprint") == true })
        let english = try await client.request("workspace/symbol", LSP.WorkspaceSymbolParams(query: "disp")).arrayValue ?? []
        #expect(english.compactMap { $0["name"]?.stringValue } == ["dispatch"])
        #expect(try await client.finish() == 0)
    }

    @Test func foldingRangesCoverPhasesAndCommentBlocks() async throws {
        let text = "# One\n# Two\n" + Fixture.english
        let (client, uri) = try await session(text)
        let ranges = try await client.request("textDocument/foldingRange", textDocument(uri)).arrayValue ?? []
        let pairs = ranges.map { [$0["startLine"]?.numberValue ?? -1, $0["endLine"]?.numberValue ?? -1] }
        let report = Double(locate("phase \"Report\"", in: text).line), repair = Double(locate("phase \"Repair\"", in: text).line)
        #expect(pairs.contains([0, 1]))
        #expect(pairs.contains([report, report + 8]))
        #expect(pairs.contains([repair, repair + 4]))
        #expect(try await client.finish() == 0)
    }

    @Test func semanticTokensMarkEachKind() async throws {
        let text = "blueprint \"T\" # title\nphase \"P\"\n  evidence e \"E\"\n  customer c \"C\", evidence e, takes 5m\nc -> c\n"
        let (client, uri) = try await session(text)
        let data = (try await client.request("textDocument/semanticTokens/full", textDocument(uri))["data"]?.arrayValue ?? []).compactMap { $0.numberValue }.map(Int.init)
        // Decode to (line, character, length, type, modifiers).
        var tokens: [[Int]] = []
        var line = 0, character = 0
        for index in stride(from: 0, to: data.count, by: 5) {
            line += data[index]
            character = data[index] == 0 ? character + data[index + 1] : data[index + 1]
            tokens.append([line, character, data[index + 2], data[index + 3], data[index + 4]])
        }
        let keyword = 0, type = 1, function = 2, variable = 3, property = 4, string = 5, number = 6, comment = 7, `operator` = 9
        #expect(tokens == [
            [0, 0, 9, keyword, 0], [0, 10, 3, string, 0], [0, 14, 7, comment, 0],
            [1, 0, 5, keyword, 0], [1, 6, 3, string, 0],
            [2, 2, 8, type, 0], [2, 11, 1, variable, 1], [2, 13, 3, string, 0],
            [3, 2, 8, type, 0], [3, 11, 1, function, 1], [3, 13, 3, string, 0], [3, 18, 8, property, 0], [3, 27, 1, variable, 0],
            [3, 30, 5, property, 0], [3, 36, 2, number, 0],
            [4, 0, 1, function, 0], [4, 2, 2, `operator`, 0], [4, 5, 1, function, 0],
        ])
        #expect(try await client.finish() == 0)
    }
}
