import BlueprintEncoding
@testable import BlueprintLanguageServer
import Foundation
import Testing

/// An LSP client for tests: drives an in-process `LanguageServer` over pipes, framing messages as an
/// editor does, and keeps what the server sends so a test can wait for it. Every wait has a timeout.
final class TestClient: @unchecked Sendable {
    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    let root: URL
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let serverRun: Task<Int32, Never>
    // `@unchecked Sendable` is sound because `received` and `nextID` are only touched with `lock` held.
    private let lock = NSLock()
    private var received: [JSONValue] = []
    private var nextID = 0

    init(diagnosticsDelay: Int = 0, root: URL? = nil) {
        self.root = root ?? FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-lsp-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        let server = LanguageServer(input: toServer.fileHandleForReading, output: fromServer.fileHandleForWriting, diagnosticsDelay: diagnosticsDelay)
        serverRun = Task { await server.run() }
        let output = fromServer.fileHandleForReading
        let thread = Thread { [self] in
            var decoder = FrameDecoder()
            while true {
                let chunk = output.availableData
                if chunk.isEmpty { break }
                decoder.append(chunk)
                while case .message(let body)? = decoder.next() {
                    guard let message = try? JSONDecoder().decode(JSONValue.self, from: body) else { continue }
                    lock.withLock { received.append(message) }
                }
            }
        }
        thread.start()
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts the session as an editor does; returns the `initialize` result.
    @discardableResult
    /// `watchesFiles: false` is a client that cannot watch files for the server (Neovim before 0.9).
    func initialize(positionEncodings: [String]? = nil, options: JSONValue? = nil, watchesFiles: Bool = true) async throws -> JSONValue {
        let capabilities = LSP.ClientCapabilities(general: .init(positionEncodings: positionEncodings),
                                                  workspace: .init(didChangeWatchedFiles: .init(dynamicRegistration: watchesFiles)))
        let params = LSP.InitializeParams(rootUri: root.absoluteString, capabilities: capabilities, initializationOptions: options)
        let result = try await request("initialize", params)
        notify("initialized", NoParams())
        return result
    }

    func sendRaw(_ bytes: Data) {
        toServer.fileHandleForWriting.write(bytes)
    }

    func send(_ message: some Encodable) {
        let data = try! JSONEncoder().encode(message)
        sendRaw(Data("Content-Length: \(data.count)\r\n\r\n".utf8) + data)
    }

    func notify(_ method: String, _ params: some Encodable) {
        send(Notification(method: method, params: params))
    }

    /// Sends a request and returns its id without waiting.
    func startRequest(_ method: String, _ params: some Encodable) -> Int {
        let id = lock.withLock { nextID += 1; return nextID }
        send(Request(id: id, method: method, params: params))
        return id
    }

    /// The whole response (result or error) to request `id`.
    func response(to id: Int, timeout: Double = 60) async throws -> JSONValue {
        try await waitFor("the response to request \(id)", timeout: timeout) { $0["id"]?.numberValue == Double(id) }
    }

    /// Sends a request and returns its result; an error response fails the test.
    func request(_ method: String, _ params: some Encodable) async throws -> JSONValue {
        let response = try await response(to: startRequest(method, params))
        #expect(response["error"] == nil, "\(method) failed: \(String(describing: response["error"]))")
        return response["result"] ?? .null
    }

    /// The error of a request expected to fail.
    func error(of method: String, _ params: some Encodable) async throws -> JSONValue? {
        try await response(to: startRequest(method, params))["error"]
    }

    /// Waits for a message that `matches`, removes it from the received ones and returns it.
    func waitFor(_ what: String, timeout: Double = 60, matching matches: (JSONValue) -> Bool) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        func take() -> JSONValue? {
            lock.withLock {
                guard let index = received.firstIndex(where: matches) else { return nil }
                return received.remove(at: index)
            }
        }
        while Date() < deadline {
            if let found = take() { return found }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        // A sleep that overran the deadline (a busy machine) still gets a last look.
        if let found = take() { return found }
        throw Timeout(description: "no \(what) within \(timeout) s")
    }

    /// Every message received so far that `matches`, removed.
    func drain(matching matches: (JSONValue) -> Bool) -> [JSONValue] {
        lock.withLock {
            let taken = received.filter(matches)
            received.removeAll(where: matches)
            return taken
        }
    }

    /// The next diagnostics published for `uri`.
    func diagnostics(for uri: String, timeout: Double = 60) async throws -> [JSONValue] {
        let message = try await waitFor("publishDiagnostics for \(uri)", timeout: timeout) {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    /// Opens a document and returns its URI; the file is not written to disk.
    @discardableResult
    func open(_ name: String, _ text: String, version: Int = 1) -> String {
        let uri = root.appendingPathComponent(name).absoluteString
        notify("textDocument/didOpen", LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "blueprint", version: version, text: text)))
        return uri
    }

    /// Ends the session (`shutdown` when asked, then `exit`) and returns the server's exit code.
    func finish(shutdown: Bool = true) async throws -> Int32 {
        if shutdown { _ = try await request("shutdown", NoParams()) }
        notify("exit", NoParams())
        return try await exitCode()
    }

    /// Ends the server's input, as a client that goes away does.
    func closeInput() {
        try? toServer.fileHandleForWriting.close()
    }

    /// The exit code once the server has stopped; closes the pipes.
    func exitCode(timeout: Double = 60) async throws -> Int32 {
        let run = serverRun
        let code = try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask { await run.value }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        try? toServer.fileHandleForWriting.close()
        try? fromServer.fileHandleForWriting.close()
        guard let code else { throw Timeout(description: "the server did not stop within \(timeout) s") }
        return code
    }
}

/// The messages the client writes.
private struct Request<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var id: Int
    var method: String
    var params: Params
}

private struct Notification<Params: Encodable>: Encodable {
    var jsonrpc = "2.0"
    var method: String
    var params: Params
}

/// The params of a method that takes none: `{}`.
struct NoParams: Encodable {}

/// An LSP position.
func at(_ line: Int, _ character: Int) -> LSP.Position {
    LSP.Position(line: line, character: character)
}

/// Params naming a document and a position.
func textPosition(_ uri: String, _ line: Int, _ character: Int) -> LSP.TextDocumentPositionParams {
    LSP.TextDocumentPositionParams(textDocument: .init(uri: uri), position: at(line, character))
}

/// Params naming only a document.
func textDocument(_ uri: String) -> LSP.TextDocumentParams {
    LSP.TextDocumentParams(textDocument: .init(uri: uri))
}
/// The 0-based line and UTF-16 character where `needle` first occurs in `text` (after `skip` occurrences).
func locate(_ needle: String, in text: String, skip: Int = 0, offset: Int = 0) -> (line: Int, character: Int) {
    var remaining = skip
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
        var searchStart = line.startIndex
        while let range = line.range(of: needle, range: searchStart..<line.endIndex) {
            if remaining == 0 { return (index, line[..<range.lowerBound].utf16.count + offset) }
            remaining -= 1
            searchStart = range.upperBound
        }
    }
    Issue.record("'\(needle)' not found")
    return (0, 0)
}
