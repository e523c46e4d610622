import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLanguageServer
import BlueprintTestSupport
import Foundation

/// `blueprint lsp` driven through its protocol, as an editor drives it: the built executable in a
/// process of its own, framed JSON-RPC over its standard input and output. For a 1,000-step and a
/// 10,000-step blueprint, prints the p50 and p95 of each request (and of the diagnostics published
/// after a one-line edit), then the server's resident memory. The targets (p95 under 20 ms and
/// 150 ms) are read off its output.
///
/// The server runs with `--diagnostics-delay 0`: the delay is a wait for the next keystroke, not
/// work, and an editor's figure is this one plus the delay (50 ms by default).
func runLanguageServerBenchmark() {
    print("lsp: requests through the protocol to `blueprint lsp` (times in ms)")
    print("steps  request                      count    p50 ms    p95 ms")
    for steps in [1_000, 10_000] {
        let text = BlueprintGenerator.typical(steps: steps, seed: 7)
        let session = LanguageServerSession()
        session.request("initialize", Message.Empty())
        session.notify("initialized", Message.Empty())
        let uri = "file:///benchmark/generated-\(steps).blueprint"
        session.notify("textDocument/didOpen", LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "blueprint", version: 1, text: text)))
        session.waitForDiagnostics(version: 1)

        let document = Document(path: "generated.blueprint", text: text)
        let source = document.source
        func lspPosition(_ position: SourcePosition) -> LSP.Position {
            let (line, character) = source.lspCharacter(of: position, in: .utf16)
            return LSP.Position(line: line, character: character)
        }
        var stepLabels: [SourceRange] = []
        var stepIDs: [SourcePosition] = []
        var flowTargets: [SourcePosition] = []
        for statement in document.syntax.statements {
            switch statement.kind {
            case .step(let step) where step.lane != .evidence:
                stepLabels.append(step.label.range)
                stepIDs.append(step.id.range.start)
            case .flow(let flow) where flow.ids.count > 1:
                flowTargets.append(flow.ids[1].range.start)
            default:
                break
            }
        }
        func sample<T>(_ items: [T], _ count: Int) -> [T] {
            (0..<count).map { items[($0 * 7_919 + items.count / 3) % items.count] }
        }
        func report(_ name: String, _ times: [Double]) {
            let sorted = times.sorted()
            let padded = name.padding(toLength: 26, withPad: " ", startingAt: 0)
            print(String(format: "%6d ", steps) + padded + String(format: " %7d %9.2f %9.2f", sorted.count, percentile(sorted, 0.50), percentile(sorted, 0.95)))
        }

        // publishDiagnostics after a one-line edit: relabel a step in the middle, as typing into it does.
        var version = 1
        var currentLabels = stepLabels
        var editTimes: [Double] = []
        for edit in 0..<100 {
            let index = currentLabels.count / 3 + edit % max(1, currentLabels.count / 3)
            let label = currentLabels[index]
            let replacement = "\"Edited label \(edit % 10)\""
            version += 1
            editTimes.append(session.measure {
                session.notify("textDocument/didChange", LSP.DidChangeTextDocumentParams(
                    textDocument: .init(uri: uri, version: version),
                    contentChanges: [.init(range: .init(start: lspPosition(label.start), end: lspPosition(label.end)), text: replacement)]))
                session.waitForDiagnostics(version: version)
            })
            // The label's new end, for the next edit of the same step: labels are one line each.
            var end = label.start
            end.column += replacement.unicodeScalars.count
            currentLabels[index] = SourceRange(start: label.start, end: end)
        }
        report("publishDiagnostics (edit)", editTimes)

        func timeRequests(_ name: String, _ method: String, _ positions: [SourcePosition]) {
            let times = positions.map { position in
                session.measure { session.request(method, LSP.TextDocumentPositionParams(textDocument: .init(uri: uri), position: lspPosition(position))) }
            }
            report(name, times)
        }
        timeRequests("hover", "textDocument/hover", sample(stepIDs, 200))
        timeRequests("definition", "textDocument/definition", sample(flowTargets, 200))
        timeRequests("completion (after ->)", "textDocument/completion", sample(flowTargets, 200))
        let tokenTimes = (0..<30).map { _ in session.measure { session.request("textDocument/semanticTokens/full", LSP.TextDocumentParams(textDocument: .init(uri: uri))) } }
        report("semanticTokens/full", tokenTimes)
        print(String(format: "%6d resident memory: %.1f MiB", steps, Double(session.residentMemory()) / 1_048_576))
        session.request("shutdown", Message.Empty())
        session.notify("exit", Message.Empty())
        session.waitForExit()
    }
}

/// The shapes that once made the server quadratic or let it fill memory (issue "Servers that hold",
/// items 8 to 10): each at n and 2n, with the ratio of the times, which is about 2 when the work is
/// linear (4 when quadratic); and a burst of full-text changes, with the server's peak memory.
func runLanguageServerScalingBenchmark() {
    print("lsp scaling: hostile shapes at n and 2n (times in ms; a ratio near 2 is linear, near 4 quadratic)")
    print("shape                                         n      n ms     2n ms   ratio")
    func time(_ text: String, _ ask: (LanguageServerSession, String) -> Void) -> Double {
        let session = LanguageServerSession()
        session.request("initialize", Message.Empty())
        session.notify("initialized", Message.Empty())
        let uri = "file:///benchmark/hostile.blueprint"
        session.notify("textDocument/didOpen", LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "blueprint", version: 1, text: text)))
        session.waitForDiagnostics(version: 1)
        let elapsed = session.measure { ask(session, uri) }
        session.request("shutdown", Message.Empty())
        session.notify("exit", Message.Empty())
        session.waitForExit()
        return elapsed
    }
    func row(_ name: String, _ n: Int, _ text: (Int) -> String, _ ask: @escaping (LanguageServerSession, String) -> Void) {
        let single = time(text(n), ask), double = time(text(2 * n), ask)
        print(name.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: " %7d %9.1f %9.1f %7.2f", n, single, double, double / single))
    }
    // One flow line naming `a` and `b` n times over: the cursor is on its first `a`.
    let flowLine = { (n: Int) in "blueprint \"X\"\ncustomer a \"A\"\ncustomer b \"B\"\n" + Array(repeating: "a -> b", count: n / 2).joined(separator: " -> ") + "\n" }
    let onFirstA = LSP.Position(line: 3, character: 0)
    row("references, one line, n uses", 16_000, flowLine) { session, uri in
        session.request("textDocument/references", Message.References(textDocument: .init(uri: uri), position: onFirstA))
    }
    row("rename, one line, n uses", 16_000, flowLine) { session, uri in
        session.request("textDocument/rename", Message.Rename(textDocument: .init(uri: uri), position: onFirstA, newName: "c"))
    }
    row("semanticTokens/full, one line, n ids", 16_000, flowLine) { session, uri in
        session.request("textDocument/semanticTokens/full", LSP.TextDocumentParams(textDocument: .init(uri: uri)))
    }
    // n undefined ids, one diagnostic each: the code actions of the whole file.
    let undefined = { (n: Int) in "blueprint \"Y\"\nphase \"P\"\ncustomer a \"A\"\n" + (0..<n).map { "a -> u\($0)\n" }.joined() }
    row("codeAction, whole file, n diagnostics", 4_000, undefined) { session, uri in
        let whole = LSP.Range(start: .init(line: 0, character: 0), end: .init(line: 1_000_000, character: 0))
        session.request("textDocument/codeAction", Message.CodeActions(textDocument: .init(uri: uri), range: whole))
    }

    // The outline of a long file: its answer grows with the file, and so may the server's memory.
    let outline = { (session: LanguageServerSession, uri: String) in
        session.request("textDocument/documentSymbol", LSP.TextDocumentParams(textDocument: .init(uri: uri)))
    }
    row("documentSymbol, n steps", 50_000, { BlueprintGenerator.clean(steps: $0) }, outline)
    do {
        let session = LanguageServerSession()
        session.request("initialize", Message.Empty())
        session.notify("initialized", Message.Empty())
        let uri = "file:///benchmark/outline.blueprint"
        let text = BlueprintGenerator.clean(steps: 300_000)
        session.notify("textDocument/didOpen", LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "blueprint", version: 1, text: text)))
        session.waitForDiagnostics(version: 1)
        let opened = session.peakMemory()
        let elapsed = session.measure { outline(session, uri) }
        print(String(format: "documentSymbol on 300,000 steps (%.0f MB): %.0f ms; server peak memory %.0f MiB after opening, %.0f MiB after the outline",
                     Double(text.utf8.count) / 1e6, elapsed, Double(opened) / 1_048_576, Double(session.peakMemory()) / 1_048_576))
        session.request("shutdown", Message.Empty())
        session.notify("exit", Message.Empty())
        session.waitForExit()
    }

    // A burst of full-text changes of a 160 KB file, then shutdown: the frames wait in the pipe, not in the server.
    let session = LanguageServerSession()
    session.request("initialize", Message.Empty())
    session.notify("initialized", Message.Empty())
    let uri = "file:///benchmark/burst.blueprint"
    let text = BlueprintGenerator.typical(steps: 1_500, seed: 3)
    session.notify("textDocument/didOpen", LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "blueprint", version: 1, text: text)))
    let changes = 2_000
    let elapsed = session.measure {
        for version in 2...(changes + 1) {
            session.notify("textDocument/didChange", LSP.DidChangeTextDocumentParams(
                textDocument: .init(uri: uri, version: version), contentChanges: [.init(range: nil, text: text + "# \(version)\n")]))
        }
        session.request("shutdown", Message.Empty())
    }
    print(String(format: "burst of %d full-text changes of %d KB, then shutdown: %.0f ms, server peak memory %.1f MiB",
                 changes, text.utf8.count / 1_024, elapsed, Double(session.peakMemory()) / 1_048_576))
    session.notify("exit", Message.Empty())
    session.waitForExit()
}

/// A `blueprint lsp` process and a blocking client for it.
private final class LanguageServerSession {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var decoder = FrameDecoder()
    private var nextID = 0

    init() {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blueprint")
        process.executableURL = executable
        process.arguments = ["lsp", "--diagnostics-delay", "0"]
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            fatalError("cannot start \(executable.path): \(error); build every product first (swift build -c release)")
        }
    }

    func notify(_ method: String, _ params: some Encodable) {
        write(Message.Notification(method: method, params: params))
    }

    /// Sends a request and waits for its response.
    func request(_ method: String, _ params: some Encodable) {
        nextID += 1
        let id = nextID
        write(Message.Request(id: id, method: method, params: params))
        readResponse(id: id)
    }

    func waitForDiagnostics(version: Int) {
        readUntil {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["version"]?.numberValue == Double(version)
        }
    }

    func measure(_ work: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(work)
        return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// VmRSS of the server, in bytes (Linux).
    func residentMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ")[1]) else { return 0 }
        return kilobytes * 1_024
    }

    /// VmHWM of the server: the most it was resident at any time, in bytes (Linux).
    func peakMemory() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ")[1]) else { return 0 }
        return kilobytes * 1_024
    }

    func waitForExit() {
        process.waitUntilExit()
    }

    private func write(_ message: some Encodable) {
        let body = try! JSONEncoder().encode(message)
        input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// Waits for the response to request `id`. A response that starts with its id (the server writes
    /// its largest ones so) is recognised without parsing the rest: the client's JSON parser must not
    /// be what the benchmark measures.
    private func readResponse(id: Int) {
        let prefix = Array(#"{"jsonrpc":"2.0","id":\#(id),"#.utf8)
        while true {
            while let frame = decoder.next() {
                guard case .message(let body) = frame else { continue }
                if body.starts(with: prefix) { return }
                if let message = try? JSONDecoder().decode(JSONValue.self, from: body), message["id"]?.numberValue == Double(id) { return }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("the server closed its output") }
            decoder.append(chunk)
        }
    }

    private func readUntil(_ matches: (JSONValue) -> Bool) {
        while true {
            while let frame = decoder.next() {
                guard case .message(let body) = frame,
                      let message = try? JSONDecoder().decode(JSONValue.self, from: body) else { continue }
                if matches(message) { return }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("the server closed its output") }
            decoder.append(chunk)
        }
    }
}

/// The envelopes of the messages the benchmark sends; the params are the server's own types where
/// it can build them, else the few below.
private enum Message {
    struct References: Encodable {
        var textDocument: LSP.TextDocumentIdentifier
        var position: LSP.Position
        var context = ["includeDeclaration": true]
    }

    struct Rename: Encodable {
        var textDocument: LSP.TextDocumentIdentifier
        var position: LSP.Position
        var newName: String
    }

    struct CodeActions: Encodable {
        var textDocument: LSP.TextDocumentIdentifier
        var range: LSP.Range
    }

    struct Request<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: Int
        var method: String
        var params: Params
    }

    struct Notification<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: Params
    }

    /// `{}`: `initialize` with no capabilities and no root, `shutdown`, `exit`.
    struct Empty: Encodable {}
}
