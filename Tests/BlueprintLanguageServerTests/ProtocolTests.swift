import BlueprintEncoding
@testable import BlueprintLanguageServer
import Foundation
import Testing

/// The session and the bad inputs: lifecycle, framing, errors, cancellation, debounced diagnostics.
@Suite(.timeLimit(.minutes(2)))
struct ProtocolTests {
    @Test func initializeNegotiatesThePositionEncoding() async throws {
        for (offered, chosen) in [(nil, "utf-16"), (["utf-16"], "utf-16"), (["utf-16", "utf-8"], "utf-8"), (["utf-32", "utf-16"], "utf-32")] {
            let client = TestClient()
            let result = try await client.initialize(positionEncodings: offered)
            #expect(result["capabilities"]?["positionEncoding"]?.stringValue == chosen, "offered \(String(describing: offered))")
            #expect(result["capabilities"]?["textDocumentSync"]?["change"]?.numberValue == 2)
            #expect(try await client.finish() == 0)
        }
    }

    @Test func aRequestBeforeInitializeIsRefused() async throws {
        let client = TestClient()
        let error = try await client.error(of: "textDocument/hover", textPosition("file:///x.blueprint", 0, 0))
        #expect(error?["code"]?.numberValue == -32002)
        try await client.initialize()
        #expect(try await client.error(of: "initialize", LSP.InitializeParams())?["code"]?.numberValue == -32600)
        #expect(try await client.finish() == 0)
    }

    @Test func exitWithoutShutdownExitsWithOne() async throws {
        let client = TestClient()
        try await client.initialize()
        #expect(try await client.finish(shutdown: false) == 1)
    }

    @Test func requestsAfterShutdownAreInvalid() async throws {
        let client = TestClient()
        try await client.initialize()
        _ = try await client.request("shutdown", NoParams())
        #expect(try await client.error(of: "textDocument/hover", textPosition("file:///x.blueprint", 0, 0))?["code"]?.numberValue == -32600)
        client.notify("exit", NoParams())
        #expect(try await client.exitCode() == 0)
    }

    @Test func theEndOfInputWithoutShutdownExitsWithOne() async throws {
        let client = TestClient()
        try await client.initialize()
        client.closeInput()
        #expect(try await client.exitCode() == 1)
    }

    @Test func badMessagesGetErrorsAndTheServerGoesOn() async throws {
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("a.blueprint", Fixture.english)
        _ = try await client.diagnostics(for: uri)

        func frame(_ body: String) -> Data { Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }
        let nullID: (JSONValue) -> Bool = { $0["id"] == .null && $0["error"] != nil }

        client.sendRaw(frame("{not json"))
        #expect(try await client.waitFor("a parse error", matching: nullID)["error"]?["code"]?.numberValue == -32700)
        client.sendRaw(Data("Content-Type: application/json\r\n\r\n".utf8))
        #expect(try await client.waitFor("a framing error", matching: nullID)["error"]?["code"]?.numberValue == -32700)
        client.sendRaw(Data("Content-Length: lots\r\n\r\n".utf8))
        #expect(try await client.waitFor("a framing error", matching: nullID)["error"]?["code"]?.numberValue == -32700)
        client.sendRaw(frame("[1, 2]"))
        #expect(try await client.waitFor("an invalid request", matching: nullID)["error"]?["code"]?.numberValue == -32600)
        client.sendRaw(frame(#"{"jsonrpc":"2.0","id":99}"#))
        #expect(try await client.response(to: 99)["error"]?["code"]?.numberValue == -32600)
        // Issue #20: a request whose id is neither a string nor an integer is answered, with a null id.
        for id in ["1.5", "null", "true", #"{"a":1}"#, "18446744073709551616"] {
            client.sendRaw(frame(#"{"jsonrpc":"2.0","id":\#(id),"method":"textDocument/hover","params":{}}"#))
            #expect(try await client.waitFor("the error for id \(id)", matching: nullID)["error"]?["code"]?.numberValue == -32600)
        }
        // Issue #20: the client's reply to a request of the server's, with a null result, is no request to refuse.
        client.sendRaw(frame(#"{"jsonrpc":"2.0","id":4242,"result":null}"#))
        _ = try await client.request("textDocument/hover", textPosition(uri, 0, 0))
        let answers = client.drain(matching: { (message: JSONValue) in message["id"]?.numberValue == 4242 })
        #expect(answers.isEmpty)

        #expect(try await client.error(of: "textDocument/teleport", NoParams())?["code"]?.numberValue == -32601)
        #expect(try await client.error(of: "textDocument/hover", JSONValue.object(["position": .string("here")]))?["code"]?.numberValue == -32602)
        #expect(try await client.error(of: "textDocument/hover", textPosition("file:///not-open.blueprint", 0, 0))?["code"]?.numberValue == -32602)
        // Positions outside the text are clamped, never a crash.
        #expect(try await client.request("textDocument/hover", textPosition(uri, 10_000, 10_000)) == .null)
        _ = try await client.request("textDocument/hover", textPosition(uri, -5, -5))
        client.notify("textDocument/didChange", LSP.DidChangeTextDocumentParams(
            textDocument: .init(uri: uri, version: 2), contentChanges: [.init(range: LSP.Range(start: at(900, 3), end: at(-1, 0)), text: "x")]))
        client.notify("textDocument/didOpen", JSONValue.object(["textDocument": .string("nonsense")]))
        _ = try await client.waitFor("a log message about bad params") { $0["method"]?.stringValue == "window/logMessage" }
        // Still serving.
        let dispatch = locate("dispatch", in: Fixture.english)
        let hover = try await client.request("textDocument/hover", textPosition(uri, dispatch.line, dispatch.character + 1))
        #expect(hover["contents"] != nil)
        #expect(try await client.finish() == 0)
    }

    @Test func cancelledRequestsAreAnsweredWithRequestCancelled() async throws {
        let client = TestClient(diagnosticsDelay: 60_000)
        try await client.initialize(options: .object(["diagnosticsDelay": .number(60_000)]))
        // A large file not analysed yet: the hover has to parse and resolve it first.
        let steps = (0..<6_000).map { "  frontstage s\($0) \"Step \($0)\", takes 1m" }.joined(separator: "\n")
        let flows = (0..<5_999).map { "s\($0) -> s\($0 + 1)" }.joined(separator: "\n")
        let uri = client.open("big.blueprint", "blueprint \"Big\"\nphase \"One\"\n  customer c \"Customer\"\n\(steps)\nc -> s0\n\(flows)\n")
        let id = client.startRequest("textDocument/hover", textPosition(uri, 5, 15))
        client.notify("$/cancelRequest", LSP.CancelParams(id: .number(id)))
        let response = try await client.response(to: id)
        #expect(response["error"]?["code"]?.numberValue == -32800)
        // A cancel for a request that is not running changes nothing.
        client.notify("$/cancelRequest", LSP.CancelParams(id: .number(12_345)))
        #expect(try await client.request("textDocument/hover", textPosition(uri, 5, 15))["contents"] != nil)
        #expect(try await client.finish() == 0)
    }

    @Test func diagnosticsWaitForABurstOfEditsAndAreNeverStale() async throws {
        let client = TestClient(diagnosticsDelay: 40)
        try await client.initialize()
        let uri = client.open("typing.blueprint", Fixture.english)
        // Typing a flow to an unknown step, one character at a time, in one burst.
        let end = locate("gis ..> dispatch", in: Fixture.english)
        var version = 1
        for (index, character) in "\nfix -> nowhere".enumerated() {
            version += 1
            let position = index == 0 ? at(end.line, 16) : at(end.line + 1, index - 1)
            client.notify("textDocument/didChange", LSP.DidChangeTextDocumentParams(
                textDocument: .init(uri: uri, version: version),
                contentChanges: [.init(range: LSP.Range(start: position, end: position), text: String(character))]))
        }
        let last = try await client.waitFor("diagnostics of the last version") {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.numberValue == Double(version)
        }
        let diagnostics = last["params"]?["diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.map { $0["code"]?.stringValue } == ["undefined-reference"])
        // Nothing published for an earlier version arrives after the last one.
        try await Task.sleep(nanoseconds: 300_000_000)
        let later = client.drain { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["version"] != nil }
        #expect(later.allSatisfy { $0["params"]?["version"]?.numberValue == Double(version) })
        #expect(try await client.finish() == 0)
    }

    @Test func incrementalEditsApplyInUTF16OnLinesWithChineseAndNonBMPText() async throws {
        let client = TestClient()
        try await client.initialize()
        let uri = client.open("zh.blueprint", Fixture.chinese)
        #expect(try await client.diagnostics(for: uri).isEmpty)
        // Rename the flow's first id by hand: 𠀀取号 is four UTF-16 units, so "-> 叫号" starts at 5.
        let flow = locate("𠀀取号 -> 叫号", in: Fixture.chinese)
        client.notify("textDocument/didChange", LSP.DidChangeTextDocumentParams(
            textDocument: .init(uri: uri, version: 2),
            contentChanges: [.init(range: LSP.Range(start: at(flow.line, 0), end: at(flow.line, 4)), text: "取")]))
        let diagnostics = try await client.diagnostics(for: uri)
        let undefined = try #require(diagnostics.first { $0["code"]?.stringValue == "undefined-reference" })
        #expect(undefined["range"]?["start"]?["character"]?.numberValue == 0)
        #expect(undefined["range"]?["end"]?["character"]?.numberValue == 1)
        #expect(undefined["message"]?.stringValue?.contains("取") == true)
        #expect(try await client.finish() == 0)
    }
}
