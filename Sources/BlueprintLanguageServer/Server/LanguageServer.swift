import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLanguage
import Foundation

/// `blueprint lsp`: reads LSP messages, keeps the open documents in the analysis core's `Workspace`
/// and answers with BlueprintEditor's queries, translated to and from the protocol's types.
///
/// One task reads the input and hands each message, in order, to this actor, whose handlers only
/// update state and take snapshots: the analysis behind each request runs in a task of its own, on
/// an immutable `Document`, so a long request never holds up an edit or a `$/cancelRequest` behind
/// it. Diagnostics are published after a short quiet period, and only while the document they were
/// computed from is still the current one, so a stale result never follows a newer one.
public actor LanguageServer {
    static let name = "blueprint"

    private enum Lifecycle {
        case uninitialized, running, shutDown
    }

    private let input: FileHandle
    private let writer: MessageWriter
    private var lifecycle = Lifecycle.uninitialized
    private var encoding = PositionEncoding.utf16
    /// How long diagnostics wait after an edit for the next one.
    private var diagnosticsDelay: Int
    /// The open documents' text and analysis, by path.
    private var workspace = Workspace()
    private var workspaceFiles = WorkspaceFiles(root: FileManager.default.currentDirectoryPath)
    /// Whether the client tells of changed configuration files; when it cannot, the server watches them itself.
    private var watchesConfiguration = false
    private var configurationWatch: ConfigurationWatch?
    /// The open documents by URI, and their URIs by path: what the protocol knows that the workspace does not.
    private var openFiles: [String: OpenFile] = [:]
    private var uriByPath: [String: String] = [:]
    private var requestsInFlight: [RequestID: Task<Void, Never>] = [:]
    private var pendingDiagnostics: [String: Task<Void, Never>] = [:]

    /// - Parameter diagnosticsDelay: milliseconds of quiet after an edit before diagnostics are
    ///   computed; a client may set it with the `diagnosticsDelay` initialization option.
    /// The milliseconds of quiet the option and the initialization option accept: the delay is
    /// waited in nanoseconds, and a negative or huge one would trap.
    package static let diagnosticsDelays = 0..<10_000

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
        configurationWatch?.stop()
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
        if message.hasInvalidID {
            sendError(id: nil, ResponseError(.invalidRequest, "a request's id is a string or an integer"))
            return .proceed
        }
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
        switch lifecycle {
        case .uninitialized where method == InitializeRequest.method:
            initialize(id: id, params: params)
        case .uninitialized:
            sendError(id: id, ResponseError(.serverNotInitialized, "the server has not been initialized"))
        case .shutDown:
            sendError(id: id, ResponseError(.invalidRequest, "the server is shutting down"))
        case .running where method == InitializeRequest.method:
            sendError(id: id, ResponseError(.invalidRequest, "the server is already initialized"))
        case .running where method == ShutdownRequest.method:
            lifecycle = .shutDown
            send(id: id, Optional<JSONValue>.none)
        case .running:
            guard let handler = Self.requestHandlers[method] else {
                sendError(id: id, ResponseError(.methodNotFound, "unknown method '\(method)'"))
                return
            }
            answer(id, params, with: handler)
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
        if let delay = initialize.initializationOptions?["diagnosticsDelay"]?.numberValue,
           delay >= Double(Self.diagnosticsDelays.lowerBound), delay < Double(Self.diagnosticsDelays.upperBound) {
            diagnosticsDelay = Int(delay)
        }
        watchesConfiguration = initialize.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        lifecycle = .running
        let capabilities = LSP.ServerCapabilities(
            positionEncoding: encoding.rawValue,
            completionProvider: .init(triggerCharacters: [">", ",", " "]),
            semanticTokensProvider: .init(legend: SemanticTokensRequest.legend)
        )
        send(id: id, LSP.InitializeResult(capabilities: capabilities, serverInfo: .init(name: Self.name, version: BlueprintVersion.current)))
    }

    /// Decodes the params and takes the handler's snapshot on the message loop, then answers off it.
    private func answer<Handler: RequestHandler>(_ id: RequestID, _ params: JSONValue?, with handler: Handler.Type) {
        let decoded: Handler.Params
        do {
            decoded = try (params ?? .null).decode(as: Handler.Params.self)
        } catch {
            sendError(id: id, ResponseError(.invalidParams, "invalid params: \(error)"))
            return
        }
        let snapshot: Handler.Snapshot
        do {
            snapshot = try Handler.snapshot(for: decoded, of: state)
        } catch {
            sendError(id: id, error)
            return
        }
        run(id, showingRefusal: Handler.showsRefusal) { () throws(ResponseError) in try Handler.answer(decoded, from: snapshot) }
    }

    private var state: ServerState {
        ServerState(workspace: workspace, openFiles: openFiles, encoding: encoding, workspaceFiles: workspaceFiles)
    }

    /// Computes a request's answer in a task of its own; `$/cancelRequest` cancels that task, and a
    /// cancelled request is answered with `RequestCancelled` whatever it computed.
    private func run(_ id: RequestID, showingRefusal: Bool,
                     _ work: @escaping @Sendable () throws(ResponseError) -> any Encodable & Sendable) {
        requestsInFlight[id] = Task.detached { [self] in
            let result: Result<any Encodable & Sendable, ResponseError>
            if Task.isCancelled {
                result = .failure(ResponseError(.requestCancelled, "cancelled"))
            } else {
                do throws(ResponseError) {
                    result = .success(try work())
                } catch {
                    result = .failure(error)
                }
            }
            await finish(id, result, cancelled: Task.isCancelled, showingRefusal: showingRefusal)
        }
    }

    private func finish(_ id: RequestID, _ result: Result<any Encodable & Sendable, ResponseError>, cancelled: Bool, showingRefusal: Bool) {
        requestsInFlight[id] = nil
        switch result {
        case _ where cancelled: sendError(id: id, ResponseError(.requestCancelled, "the request was cancelled"))
        case .success(let value): send(id: id, value)
        case .failure(let error):
            if showingRefusal { showMessage(type: 2, error.message) }
            sendError(id: id, error)
        }
    }

    // MARK: Notifications

    private func handleNotification(method: String, params: JSONValue?) -> Continuation {
        if method == ExitNotification.method { return .stop }
        guard lifecycle == .running, let handler = Self.notificationHandlers[method] else { return .proceed }
        deliver(params, to: handler)
        return .proceed
    }

    private func deliver<Handler: NotificationHandler>(_ params: JSONValue?, to handler: Handler.Type) {
        do {
            Handler.handle(try (params ?? .null).decode(as: Handler.Params.self), on: self)
        } catch {
            // A notification has no response to carry an error: the client hears of it in its log.
            sendNotification("window/logMessage", LSP.ShowMessageParams(type: 1, message: "\(Handler.method): invalid params: \(error)"))
        }
    }

    func didOpen(_ params: LSP.DidOpenTextDocumentParams) {
        let item = params.textDocument
        let path = DocumentURI.path(of: item.uri)
        let source = SourceText(item.text)
        do {
            _ = try workspace.open(path: path, source: source, version: item.version)
        } catch {
            showMessage(type: 2, "\(path): \(error)")
            workspace.update(Document(path: path, source: source, promiseWork: workspace.promiseWork, version: item.version))
        }
        openFiles[item.uri] = OpenFile(path: path)
        uriByPath[path] = item.uri
        followConfiguration()
        scheduleDiagnostics(for: item.uri)
    }

    func didChange(_ params: LSP.DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard let open = openFiles[uri], let current = workspace.document(at: open.path) else { return }
        var source = current.source
        for change in params.contentChanges {
            guard let range = change.range else {
                source = SourceText(change.text)
                continue
            }
            let replaced = PositionConversion(source: source, encoding: encoding).sourceRange(range)
            // Positions are clamped to the text, so the edit always applies.
            source = (try? source.applying([TextEdit(range: replaced, replacement: change.text)])) ?? source
        }
        workspace.update(Document(path: open.path, source: source, configuration: current.configuration, promiseWork: current.promiseWork,
                                  version: params.textDocument.version))
        scheduleDiagnostics(for: uri)
    }

    func didClose(_ uri: String) {
        guard let open = openFiles.removeValue(forKey: uri) else { return }
        uriByPath[open.path] = nil
        workspace.close(path: open.path)
        followConfiguration()
        pendingDiagnostics.removeValue(forKey: uri)?.cancel()
        sendNotification("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    /// A `.blueprintlint.yml` was created, changed or deleted: every open document it now configures
    /// differently is linted again.
    func didChangeWatchedFiles(_ params: LSP.DidChangeWatchedFilesParams) {
        guard params.changes.contains(where: { Workspace.isConfigurationFile(DocumentURI.path(of: $0.uri)) }) else { return }
        configurationChanged(workspace.configurationDidChange())
    }

    private func configurationChanged(_ change: WorkspaceChange) {
        for document in change.documents {
            if let uri = uriByPath[document.path] { scheduleDiagnostics(for: uri) }
        }
        for (path, error) in change.failures.sorted(by: { $0.key < $1.key }) {
            showMessage(type: 1, "\(path): \(error)")
        }
    }

    /// For a client that does not tell of changed configuration files: the core's watch over the
    /// open documents' folders and those above them, renewed when that set of folders changes.
    private func followConfiguration() {
        guard !watchesConfiguration else { return }
        let paths = uriByPath.keys.sorted()
        let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
        guard folders != configurationWatch?.folders else { return }
        configurationWatch?.stop()
        configurationWatch = nil
        guard !paths.isEmpty else { return }
        let watch = workspace.watch(paths, readsFiles: false)
        let following = Task { [weak self] in
            for await change in watch.changes { await self?.configurationChanged(change) }
        }
        configurationWatch = ConfigurationWatch(folders: folders, watch: watch, following: following)
    }

    func cancel(_ id: RequestID) {
        requestsInFlight[id]?.cancel()
    }

    func registerConfigurationWatcher() {
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
        let context: FeatureContext
        do {
            context = try state.context(for: uri)
        } catch {
            // Too large to analyse: the one diagnostic says so, at the top of the file.
            if let document = openFiles[uri].flatMap({ workspace.document(at: $0.path) }) {
                let refusal = LSP.Diagnostic(range: LSP.Range(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0)),
                                             severity: 1, code: "input-limit", message: oversizedSource.description)
                publish([refusal], for: uri, from: document)
            }
            return
        }
        let delay = UInt64(diagnosticsDelay)
        pendingDiagnostics[uri] = Task.detached { [self] in
            if delay > 0 { try? await Task.sleep(nanoseconds: delay * 1_000_000) }
            guard !Task.isCancelled else { return }
            let diagnostics = context.document.diagnostics.map(context.diagnostic)
            guard !Task.isCancelled else { return }
            await publish(diagnostics, for: uri, from: context.document)
        }
    }

    private func publish(_ diagnostics: [LSP.Diagnostic], for uri: String, from document: Document) {
        guard let open = openFiles[uri], workspace.document(at: open.path) === document else { return }
        pendingDiagnostics[uri] = nil
        sendNotification("textDocument/publishDiagnostics", LSP.PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics))
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

/// The server's own watch of configuration files, and the folders it covers.
private struct ConfigurationWatch {
    let folders: Set<String>
    let watch: WorkspaceWatch
    let following: Task<Void, Never>

    func stop() {
        watch.stop()
        following.cancel()
    }
}
