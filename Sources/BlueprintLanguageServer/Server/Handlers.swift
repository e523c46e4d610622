import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage

/// A request the server answers once initialized: its method, and its params and result as types.
protocol RequestHandler: Sendable {
    associatedtype Params: Decodable & Sendable
    /// What the answer reads, taken on the message loop before any later message can change it.
    associatedtype Snapshot: Sendable
    associatedtype Result: Encodable & Sendable

    static var method: String { get }
    /// Whether a refusal is also shown to the user (`window/showMessage`): for requests whose
    /// errors some clients drop without a word, like formatting in Neovim 0.7.
    static var showsRefusal: Bool { get }
    static func snapshot(for params: Params, of state: ServerState) throws(ResponseError) -> Snapshot
    /// Runs off the message loop, in a task of its own that `$/cancelRequest` cancels.
    static func answer(_ params: Params, from snapshot: Snapshot) throws(ResponseError) -> Result
}

extension RequestHandler {
    static var showsRefusal: Bool { false }
}

/// Params that name a document.
protocol DocumentParams {
    var textDocument: LSP.TextDocumentIdentifier { get }
}

/// A request about one open document, answered from a snapshot of it.
protocol DocumentRequestHandler: RequestHandler where Params: DocumentParams, Snapshot == FeatureContext {}

extension DocumentRequestHandler {
    static func snapshot(for params: Params, of state: ServerState) throws(ResponseError) -> FeatureContext {
        try state.context(for: params.textDocument.uri)
    }
}

/// A notification the server acts on while running.
protocol NotificationHandler: Sendable {
    associatedtype Params: Decodable & Sendable

    static var method: String { get }
    static func handle(_ params: Params, on server: isolated LanguageServer)
}

/// What requests may read of the server: taken on the message loop, so a request sees the documents
/// as they were when it arrived.
struct ServerState {
    let workspace: Workspace
    let openFiles: [String: OpenFile]
    let encoding: PositionEncoding
    let workspaceFiles: WorkspaceFiles

    func context(for uri: String) throws(ResponseError) -> FeatureContext {
        guard let open = openFiles[uri], let document = workspace.document(at: open.path) else {
            throw ResponseError(.invalidParams, "the document \(uri) is not open")
        }
        // Kept for the edits that may bring it back under the limit, but not analysed meanwhile.
        guard document.source.bytes.count <= maximumSourceBytes else {
            throw ResponseError(.requestFailed, "\(open.path): \(oversizedSource)")
        }
        return FeatureContext(document: document, uri: uri, encoding: encoding)
    }
}

/// What the protocol knows of an open document besides its text and version, which the workspace keeps.
struct OpenFile: Sendable {
    var path: String
}

extension LanguageServer {
    /// Every request answered once the server runs, by method. `initialize` and `shutdown` change
    /// the server's lifecycle and are answered before this table is read.
    static let requestHandlers: [String: any RequestHandler.Type] = Dictionary(uniqueKeysWithValues: ([
        HoverRequest.self, DefinitionRequest.self, ReferencesRequest.self, DocumentHighlightRequest.self,
        PrepareRenameRequest.self, RenameRequest.self, CompletionRequest.self, DocumentSymbolRequest.self,
        WorkspaceSymbolRequest.self, FoldingRangeRequest.self, SemanticTokensRequest.self, FormattingRequest.self,
        CodeActionRequest.self, InlayHintRequest.self,
    ] as [any RequestHandler.Type]).map { ($0.method, $0) })

    /// Every notification acted on, by method; others, `$/setTrace` among them, are ignored as the
    /// protocol allows.
    static let notificationHandlers: [String: any NotificationHandler.Type] = Dictionary(uniqueKeysWithValues: ([
        InitializedNotification.self, DidOpenNotification.self, DidChangeNotification.self, DidCloseNotification.self,
        DidChangeWatchedFilesNotification.self, CancelNotification.self,
    ] as [any NotificationHandler.Type]).map { ($0.method, $0) })
}

extension LSP.TextDocumentPositionParams: DocumentParams {}
extension LSP.ReferenceParams: DocumentParams {}
extension LSP.RenameParams: DocumentParams {}
extension LSP.TextDocumentParams: DocumentParams {}
extension LSP.DocumentFormattingParams: DocumentParams {}
extension LSP.CodeActionParams: DocumentParams {}
extension LSP.InlayHintParams: DocumentParams {}
