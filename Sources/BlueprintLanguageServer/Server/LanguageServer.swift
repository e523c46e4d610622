import BlueprintAnalysis
import BlueprintDiagnostics
import Foundation

/// `blueprint lsp`: reads LSP messages, keeps the open documents and answers from the analysis core.
///
/// One task reads the input and hands each message, in order, to this actor, whose handlers only
/// update state and take snapshots: the analysis behind each request runs in a task of its own, on
/// an immutable `Document`, so a long request never holds up an edit or a `$/cancelRequest` behind
/// it. Diagnostics are published after a short quiet period, and only while the document they were
/// computed from is still the current one, so a stale result never follows a newer one.
public actor LanguageServer {
    public static let name = "blueprint"

    private enum Lifecycle {
        case uninitialized, running, shutDown
    }

    private struct OpenDocument {
        var version: Int
        var document: Document
    }

    private let input: FileHandle
    private let writer: MessageWriter
    private var lifecycle = Lifecycle.uninitialized
    private var encoding = PositionEncoding.utf16
    /// How long diagnostics wait after an edit for the next one.
    private var diagnosticsDelay: Int
    private var workspace = Workspace()
    private var workspaceFiles = WorkspaceFiles(root: FileManager.default.currentDirectoryPath)
    private var watchesConfiguration = false
    private var documents: [String: OpenDocument] = [:]
    private var requestsInFlight: [RequestID: Task<Void, Never>] = [:]
    private var pendingDiagnostics: [String: Task<Void, Never>] = [:]

    /// - Parameter diagnosticsDelay: milliseconds of quiet after an edit before diagnostics are
    ///   computed; a client may set it with the `diagnosticsDelay` initialization option.
    public init(input: FileHandle, output: FileHandle, diagnosticsDelay: Int = 50) {
        self.input = input
        writer = MessageWriter(output: output)
        self.diagnosticsDelay = diagnosticsDelay
    }

    /// Serves until `exit` or the end of the input; returns the exit code the protocol asks for:
    /// 0 after `shutdown`, 1 without it.
    public func run() async -> Int32 {
        for await frame in FrameReader.frames(from: input) {
            if handle(frame) == .stop { break }
        }
        for task in requestsInFlight.values { task.cancel() }
        for task in pendingDiagnostics.values { task.cancel() }
        return lifecycle == .shutDown ? 0 : 1
    }

    private enum Continuation { case proceed, stop }

    private func handle(_ frame: Frame) -> Continuation {
        let body: Data
        switch frame {
        case .malformed(let reason):
            sendError(id: nil, ResponseError(.parseError, reason))
            return .proceed
        case .message(let data):
            body = data
        }
        let message: IncomingMessage
        do {
            message = try JSONDecoder().decode(IncomingMessage.self, from: body)
        } catch DecodingError.dataCorrupted {
            sendError(id: nil, ResponseError(.parseError, "the message is not valid JSON"))
            return .proceed
        } catch {
            sendError(id: nil, ResponseError(.invalidRequest, "the message is not a JSON-RPC request or notification"))
            return .proceed
        }
        if message.isResponse { return .proceed }
        guard let method = message.method else {
            sendError(id: message.id, ResponseError(.invalidRequest, "the message has no method"))
            return .proceed
        }
        if let id = message.id {
            handleRequest(id: id, method: method, params: message.params)
            return .proceed
        }
        return handleNotification(method: method, params: message.params)
    }

    // MARK: Requests

    private func handleRequest(id: RequestID, method: String, params: JSONValue?) {
        switch (lifecycle, method) {
        case (.uninitialized, "initialize"):
            initialize(id: id, params: params)
            return
        case (.uninitialized, _):
            sendError(id: id, ResponseError(.serverNotInitialized, "the server has not been initialized"))
            return
        case (.shutDown, _):
            sendError(id: id, ResponseError(.invalidRequest, "the server is shutting down"))
            return
        case (.running, "initialize"):
            sendError(id: id, ResponseError(.invalidRequest, "the server is already initialized"))
            return
        case (.running, "shutdown"):
            lifecycle = .shutDown
            send(id: id, Optional<JSONValue>.none)
            return
        case (.running, _):
            break
        }
        switch method {
        case "textDocument/hover":
            answer(id, params, as: LSP.TextDocumentPositionParams.self, \.textDocument.uri) { $0.hover(at: $1.position) }
        case "textDocument/definition":
            answer(id, params, as: LSP.TextDocumentPositionParams.self, \.textDocument.uri) { $0.definition(at: $1.position) }
        case "textDocument/references":
            answer(id, params, as: LSP.ReferenceParams.self, \.textDocument.uri) {
                $0.references(at: $1.position, includeDeclaration: $1.context.includeDeclaration)
            }
        case "textDocument/documentHighlight":
            answer(id, params, as: LSP.TextDocumentPositionParams.self, \.textDocument.uri) { $0.highlights(at: $1.position) }
        case "textDocument/prepareRename":
            answer(id, params, as: LSP.TextDocumentPositionParams.self, \.textDocument.uri) { try $0.prepareRename(at: $1.position) }
        case "textDocument/rename":
            answer(id, params, as: LSP.RenameParams.self, \.textDocument.uri) { try $0.rename(at: $1.position, to: $1.newName) }
        case "textDocument/completion":
            answer(id, params, as: LSP.TextDocumentPositionParams.self, \.textDocument.uri) { $0.completion(at: $1.position) }
        case "textDocument/documentSymbol":
            answer(id, params, as: LSP.TextDocumentParams.self, \.textDocument.uri) { context, _ in context.documentSymbols() }
        case "textDocument/foldingRange":
            answer(id, params, as: LSP.TextDocumentParams.self, \.textDocument.uri) { context, _ in context.foldingRanges() }
        case "textDocument/semanticTokens/full":
            answer(id, params, as: LSP.TextDocumentParams.self, \.textDocument.uri) { context, _ in context.semanticTokens() }
        case "textDocument/formatting":
            answer(id, params, as: LSP.DocumentFormattingParams.self, \.textDocument.uri) { context, _ in try context.formatting() }
        case "textDocument/codeAction":
            answer(id, params, as: LSP.CodeActionParams.self, \.textDocument.uri) { $0.codeActions(in: $1.range) }
        case "textDocument/inlayHint":
            answer(id, params, as: LSP.InlayHintParams.self, \.textDocument.uri) { $0.inlayHints(in: $1.range) }
        case "workspace/symbol":
            workspaceSymbols(id: id, params: params)
        default:
            sendError(id: id, ResponseError(.methodNotFound, "unknown method '\(method)'"))
        }
    }

    private func initialize(id: RequestID, params: JSONValue?) {
        let initialize: LSP.InitializeParams
        do {
            initialize = try (params ?? .object([:])).decode(as: LSP.InitializeParams.self)
        } catch {
            sendError(id: id, ResponseError(.invalidParams, "invalid initialize params: \(error)"))
            return
        }
        let offered = initialize.capabilities?.general?.positionEncodings ?? []
        // UTF-8 is what the analysis core counts offsets in; UTF-32 its columns; UTF-16 the default.
        encoding = [PositionEncoding.utf8, .utf32].first { offered.contains($0.rawValue) } ?? .utf16
        let root = initialize.workspaceFolders?.first.map { DocumentURI.path(of: $0.uri) }
            ?? initialize.rootUri.map(DocumentURI.path(of:))
            ?? initialize.rootPath
            ?? FileManager.default.currentDirectoryPath
        workspace = Workspace(workingDirectory: root)
        workspaceFiles = WorkspaceFiles(root: root)
        if let delay = initialize.initializationOptions?["diagnosticsDelay"]?.numberValue, delay >= 0, delay < 10_000 {
            diagnosticsDelay = Int(delay)
        }
        watchesConfiguration = initialize.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        lifecycle = .running
        let capabilities = LSP.ServerCapabilities(
            positionEncoding: encoding.rawValue,
            completionProvider: .init(triggerCharacters: [">", ",", " "]),
            semanticTokensProvider: .init(legend: SemanticTokenType.legend)
        )
        send(id: id, LSP.InitializeResult(capabilities: capabilities, serverInfo: .init(name: Self.name, version: Self.version)))
    }

    /// The version `blueprint lsp` reports; the command line sets it from its own.
    public static let version = "0.1.0"

    /// Runs `feature` on a snapshot of the document the params name, off the message loop.
    private func answer<Params: Decodable & Sendable>(
        _ id: RequestID, _ params: JSONValue?, as type: Params.Type, _ uri: KeyPath<Params, String> & Sendable,
        _ feature: @escaping @Sendable (FeatureContext, Params) throws -> any Encodable & Sendable
    ) {
        let decoded: Params
        do {
            decoded = try (params ?? .null).decode(as: Params.self)
        } catch {
            sendError(id: id, ResponseError(.invalidParams, "invalid params: \(error)"))
            return
        }
        let uri = decoded[keyPath: uri]
        guard let open = documents[uri] else {
            sendError(id: id, ResponseError(.invalidParams, "the document \(uri) is not open"))
            return
        }
        let context = FeatureContext(document: open.document, uri: uri, encoding: encoding)
        run(id) { try feature(context, decoded) }
    }

    private func workspaceSymbols(id: RequestID, params: JSONValue?) {
        guard let query = params?["query"]?.stringValue else {
            sendError(id: id, ResponseError(.invalidParams, "workspace/symbol needs a query"))
            return
        }
        let encoding = encoding
        let open = documents.map { FeatureContext(document: $0.value.document, uri: $0.key, encoding: encoding) }
        let openPaths = Set(open.map(\.document.path))
        let files = workspaceFiles
        run(id) {
            let limit = 1_000
            var symbols: [LSP.SymbolInformation] = []
            for context in open where symbols.count < limit {
                symbols += context.workspaceSymbols(matching: query, limit: limit - symbols.count)
            }
            for document in files.documents(excluding: openPaths) where symbols.count < limit {
                let context = FeatureContext(document: document, uri: DocumentURI.uri(ofPath: document.path), encoding: encoding)
                symbols += context.workspaceSymbols(matching: query, limit: limit - symbols.count)
            }
            return symbols
        }
    }

    /// Computes a request's answer in a task of its own; `$/cancelRequest` cancels that task, and a
    /// cancelled request is answered with `RequestCancelled` whatever it computed.
    private func run(_ id: RequestID, _ work: @escaping @Sendable () throws -> any Encodable & Sendable) {
        requestsInFlight[id] = Task.detached { [self] in
            let result: Result<any Encodable & Sendable, ResponseError>
            if Task.isCancelled {
                result = .failure(ResponseError(.requestCancelled, "cancelled"))
            } else {
                do {
                    result = .success(try work())
                } catch let error as ResponseError {
                    result = .failure(error)
                } catch {
                    result = .failure(ResponseError(.internalError, "\(error)"))
                }
            }
            await finish(id, result, cancelled: Task.isCancelled)
        }
    }

    private func finish(_ id: RequestID, _ result: Result<any Encodable & Sendable, ResponseError>, cancelled: Bool) {
        requestsInFlight[id] = nil
        switch result {
        case _ where cancelled: sendError(id: id, ResponseError(.requestCancelled, "the request was cancelled"))
        case .success(let value): send(id: id, value)
        case .failure(let error): sendError(id: id, error)
        }
    }

    // MARK: Notifications

    private func handleNotification(method: String, params: JSONValue?) -> Continuation {
        if method == "exit" { return .stop }
        guard lifecycle == .running else { return .proceed }
        do {
            switch method {
            case "initialized":
                registerConfigurationWatcher()
            case "textDocument/didOpen":
                didOpen(try (params ?? .null).decode(as: LSP.DidOpenTextDocumentParams.self))
            case "textDocument/didChange":
                didChange(try (params ?? .null).decode(as: LSP.DidChangeTextDocumentParams.self))
            case "textDocument/didClose":
                didClose(try (params ?? .null).decode(as: LSP.DidCloseTextDocumentParams.self).textDocument.uri)
            case "workspace/didChangeWatchedFiles":
                didChangeWatchedFiles(try (params ?? .null).decode(as: LSP.DidChangeWatchedFilesParams.self))
            case "$/cancelRequest":
                requestsInFlight[try (params ?? .null).decode(as: LSP.CancelParams.self).id]?.cancel()
            default:
                // Unknown notifications, `$/setTrace` among them, are ignored as the protocol allows.
                break
            }
        } catch {
            // A notification has no response to carry an error: the client hears of it in its log.
            sendNotification("window/logMessage", LSP.ShowMessageParams(type: 1, message: "\(method): invalid params: \(error)"))
        }
        return .proceed
    }

    private func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        let item = params.textDocument
        let path = DocumentURI.path(of: item.uri)
        let source = SourceText(item.text)
        let document: Document
        do {
            document = try workspace.open(path: path, source: source)
        } catch {
            showMessage(type: 2, "\(path): \(error)")
            document = Document(path: path, source: source, promiseWork: workspace.promiseWork)
        }
        documents[item.uri] = OpenDocument(version: item.version, document: document)
        scheduleDiagnostics(for: item.uri)
    }

    private func didChange(_ params: LSP.DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard let open = documents[uri] else { return }
        var source = open.document.source
        for change in params.contentChanges {
            guard let range = change.range else {
                source = SourceText(change.text)
                continue
            }
            let replaced = PositionConversion(source: source, encoding: encoding).sourceRange(range)
            // Positions are clamped to the text, so the edit always applies.
            source = (try? source.applying([BlueprintDiagnostics.TextEdit(range: replaced, replacement: change.text)])) ?? source
        }
        let document = Document(path: open.document.path, source: source, configuration: open.document.configuration,
                                promiseWork: open.document.promiseWork)
        workspace.update(document)
        documents[uri] = OpenDocument(version: params.textDocument.version, document: document)
        scheduleDiagnostics(for: uri)
    }

    private func didClose(_ uri: String) {
        guard let open = documents.removeValue(forKey: uri) else { return }
        workspace.close(path: open.document.path)
        pendingDiagnostics.removeValue(forKey: uri)?.cancel()
        sendNotification("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    /// A `.blueprintlint.yml` was created, changed or deleted: every open document it now configures
    /// differently is linted again.
    private func didChangeWatchedFiles(_ params: LSP.DidChangeWatchedFilesParams) {
        guard params.changes.contains(where: { Workspace.isConfigurationFile(DocumentURI.path(of: $0.uri)) }) else { return }
        let (changed, errors) = workspace.configurationDidChange()
        for document in changed {
            guard let (uri, open) = documents.first(where: { $0.value.document.path == document.path }) else { continue }
            documents[uri] = OpenDocument(version: open.version, document: document)
            scheduleDiagnostics(for: uri)
        }
        for (path, error) in errors.sorted(by: { $0.key < $1.key }) {
            showMessage(type: 1, "\(path): \(error)")
        }
    }

    private func registerConfigurationWatcher() {
        guard watchesConfiguration else { return }
        let watcher = LSP.RegistrationParams.Registration(
            id: "blueprint-configuration", method: "workspace/didChangeWatchedFiles",
            registerOptions: .init(watchers: [.init(globPattern: "**/.blueprintlint.{yml,yaml}")]))
        send(OutgoingMessage.Request(id: .string("register-configuration-watcher"), method: "client/registerCapability",
                                     params: LSP.RegistrationParams(registrations: [watcher])))
    }

    // MARK: Diagnostics

    /// Publishes the diagnostics of `uri` once edits pause; a newer edit cancels the wait, and a
    /// result computed from a document that is no longer current is dropped.
    private func scheduleDiagnostics(for uri: String) {
        pendingDiagnostics[uri]?.cancel()
        guard let open = documents[uri] else { return }
        let context = FeatureContext(document: open.document, uri: uri, encoding: encoding)
        let delay = UInt64(diagnosticsDelay)
        pendingDiagnostics[uri] = Task.detached { [self] in
            if delay > 0 { try? await Task.sleep(nanoseconds: delay * 1_000_000) }
            guard !Task.isCancelled else { return }
            let diagnostics = context.diagnostics()
            guard !Task.isCancelled else { return }
            await publish(diagnostics, for: uri, from: context.document, version: open.version)
        }
    }

    private func publish(_ diagnostics: [LSP.Diagnostic], for uri: String, from document: Document, version: Int) {
        guard documents[uri]?.document === document else { return }
        pendingDiagnostics[uri] = nil
        sendNotification("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, version: version, diagnostics: diagnostics))
    }

    // MARK: Output

    private func showMessage(type: Int, _ message: String) {
        sendNotification("window/showMessage", LSP.ShowMessageParams(type: type, message: message))
    }

    private func sendNotification(_ method: String, _ params: some Encodable) {
        send(OutgoingMessage.Notification(method: method, params: params))
    }

    private func send(id: RequestID, _ result: any Encodable) {
        guard let writable = result as? any JSONWritable, let idJSON = try? JSONEncoder().encode(id) else {
            send(OutgoingMessage.Response(id: id, result: AnyEncodable(result)))
            return
        }
        var body = Array(#"{"jsonrpc":"2.0","id":"#.utf8) + idJSON + Array(#","result":"#.utf8)
        writable.writeJSON(into: &body)
        body.append(UInt8(ascii: "}"))
        writer.write(Data(body))
    }

    private func sendError(id: RequestID?, _ error: ResponseError) {
        send(OutgoingMessage.ErrorResponse(id: id, error: error))
    }

    private func send(_ message: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        do {
            writer.write(try encoder.encode(message))
        } catch {
            writer.write(Data(#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"type":1,"message":"could not encode a message"}}"#.utf8))
        }
    }
}

/// A result of any type, encoded as itself.
private struct AnyEncodable: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
