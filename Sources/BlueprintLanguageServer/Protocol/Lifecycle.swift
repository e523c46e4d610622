/// `initialize`, capabilities and workspace notifications.
extension LSP {
    public struct InitializeParams: Sendable, Decodable {
        public var rootUri: String?
        public var rootPath: String?
        public var workspaceFolders: [WorkspaceFolder]?
        public var capabilities: ClientCapabilities?
        public var initializationOptions: JSONValue?
    }

    public struct WorkspaceFolder: Sendable, Codable {
        public var uri: String
        public var name: String
    }

    /// The few client capabilities the server reads; everything else a client sends is ignored.
    public struct ClientCapabilities: Sendable, Decodable {
        public struct General: Sendable, Decodable {
            public var positionEncodings: [String]?
        }

        public struct Workspace: Sendable, Decodable {
            public struct DidChangeWatchedFiles: Sendable, Decodable {
                public var dynamicRegistration: Bool?
            }

            public var didChangeWatchedFiles: DidChangeWatchedFiles?
        }

        public var general: General?
        public var workspace: Workspace?
    }

    public struct InitializeResult: Sendable, Encodable {
        public struct ServerInfo: Sendable, Encodable {
            public var name: String
            public var version: String
        }

        public var capabilities: ServerCapabilities
        public var serverInfo: ServerInfo
    }

    public struct ServerCapabilities: Sendable, Encodable {
        public struct TextDocumentSync: Sendable, Encodable {
            public var openClose = true
            /// 2: incremental.
            public var change = 2
        }

        public struct CompletionOptions: Sendable, Encodable {
            public var triggerCharacters: [String]
        }

        public struct RenameOptions: Sendable, Encodable {
            public var prepareProvider = true
        }

        public struct CodeActionOptions: Sendable, Encodable {
            public var codeActionKinds = ["quickfix"]
        }

        public struct SemanticTokensOptions: Sendable, Encodable {
            public var legend: SemanticTokensLegend
            public var full = true
        }

        public var positionEncoding: String
        public var textDocumentSync = TextDocumentSync()
        public var hoverProvider = true
        public var definitionProvider = true
        public var referencesProvider = true
        public var documentHighlightProvider = true
        public var renameProvider = RenameOptions()
        public var completionProvider: CompletionOptions
        public var documentSymbolProvider = true
        public var workspaceSymbolProvider = true
        public var foldingRangeProvider = true
        public var semanticTokensProvider: SemanticTokensOptions
        public var documentFormattingProvider = true
        public var codeActionProvider = CodeActionOptions()
        public var inlayHintProvider = true
    }

    public struct SemanticTokensLegend: Sendable, Encodable {
        public var tokenTypes: [String]
        public var tokenModifiers: [String]
    }

    public struct DidOpenTextDocumentParams: Sendable, Decodable {
        public var textDocument: TextDocumentItem
    }

    public struct TextDocumentContentChangeEvent: Sendable, Decodable {
        /// Absent for a change that replaces the whole text.
        public var range: Range?
        public var text: String
    }

    public struct DidChangeTextDocumentParams: Sendable, Decodable {
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [TextDocumentContentChangeEvent]
    }

    public struct DidCloseTextDocumentParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
    }

    public struct CancelParams: Sendable, Decodable {
        public var id: RequestID
    }

    public struct FileEvent: Sendable, Decodable {
        public var uri: String
        /// 1 created, 2 changed, 3 deleted.
        public var type: Int
    }

    public struct DidChangeWatchedFilesParams: Sendable, Decodable {
        public var changes: [FileEvent]
    }

    /// `client/registerCapability`, which asks the client to watch configuration files.
    public struct RegistrationParams: Sendable, Encodable {
        public struct Registration: Sendable, Encodable {
            public var id: String
            public var method: String
            public var registerOptions: WatchOptions
        }

        public struct WatchOptions: Sendable, Encodable {
            public struct Watcher: Sendable, Encodable {
                public var globPattern: String
            }

            public var watchers: [Watcher]
        }

        public var registrations: [Registration]
    }

    public struct ShowMessageParams: Sendable, Encodable {
        /// 1 error, 2 warning, 3 info.
        public var type: Int
        public var message: String
    }
}
