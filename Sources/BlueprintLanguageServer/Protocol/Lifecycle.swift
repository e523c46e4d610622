import BlueprintEncoding

/// `initialize`, capabilities and workspace notifications.
extension LSP {
    package struct InitializeParams: Sendable, Codable {
        package var rootUri: String?
        package var rootPath: String?
        package var workspaceFolders: [WorkspaceFolder]?
        package var capabilities: ClientCapabilities?
        package var initializationOptions: JSONValue?
    }

    package struct WorkspaceFolder: Sendable, Codable {
        package var uri: String
        package var name: String
    }

    /// The few client capabilities the server reads; everything else a client sends is ignored.
    package struct ClientCapabilities: Sendable, Codable {
        package struct General: Sendable, Codable {
            package var positionEncodings: [String]?
        }

        package struct Workspace: Sendable, Codable {
            package struct DidChangeWatchedFiles: Sendable, Codable {
                package var dynamicRegistration: Bool?
            }

            package var didChangeWatchedFiles: DidChangeWatchedFiles?
        }

        package var general: General?
        package var workspace: Workspace?
    }

    package struct InitializeResult: Sendable, Encodable {
        package struct ServerInfo: Sendable, Encodable {
            package var name: String
            package var version: String
        }

        package var capabilities: ServerCapabilities
        package var serverInfo: ServerInfo
    }

    package struct ServerCapabilities: Sendable, Encodable {
        package struct TextDocumentSync: Sendable, Encodable {
            package var openClose = true
            /// 2: incremental.
            package var change = 2
        }

        package struct CompletionOptions: Sendable, Encodable {
            package var triggerCharacters: [String]
        }

        package struct RenameOptions: Sendable, Encodable {
            package var prepareProvider = true
        }

        package struct CodeActionOptions: Sendable, Encodable {
            package var codeActionKinds = ["quickfix"]
        }

        package struct SemanticTokensOptions: Sendable, Encodable {
            package var legend: SemanticTokensLegend
            package var full = true
        }

        package var positionEncoding: String
        package var textDocumentSync = TextDocumentSync()
        package var hoverProvider = true
        package var definitionProvider = true
        package var referencesProvider = true
        package var documentHighlightProvider = true
        package var renameProvider = RenameOptions()
        package var completionProvider: CompletionOptions
        package var documentSymbolProvider = true
        package var workspaceSymbolProvider = true
        package var foldingRangeProvider = true
        package var semanticTokensProvider: SemanticTokensOptions
        package var documentFormattingProvider = true
        package var codeActionProvider = CodeActionOptions()
        package var inlayHintProvider = true
    }

    package struct SemanticTokensLegend: Sendable, Encodable {
        package var tokenTypes: [String]
        package var tokenModifiers: [String]
    }

    package struct DidOpenTextDocumentParams: Sendable, Codable {
        package var textDocument: TextDocumentItem

        package init(textDocument: TextDocumentItem) {
            self.textDocument = textDocument
        }
    }

    package struct TextDocumentContentChangeEvent: Sendable, Codable {
        /// Absent for a change that replaces the whole text.
        package var range: Range?
        package var text: String

        package init(range: Range?, text: String) {
            self.range = range
            self.text = text
        }
    }

    package struct DidChangeTextDocumentParams: Sendable, Codable {
        package var textDocument: VersionedTextDocumentIdentifier
        package var contentChanges: [TextDocumentContentChangeEvent]

        package init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
            self.textDocument = textDocument
            self.contentChanges = contentChanges
        }
    }

    package struct DidCloseTextDocumentParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
    }

    package struct CancelParams: Sendable, Codable {
        package var id: RequestID
    }

    package struct FileEvent: Sendable, Codable {
        package var uri: String
        /// 1 created, 2 changed, 3 deleted.
        package var type: Int
    }

    package struct DidChangeWatchedFilesParams: Sendable, Codable {
        package var changes: [FileEvent]
    }

    /// `client/registerCapability`, which asks the client to watch configuration files.
    package struct RegistrationParams: Sendable, Encodable {
        package struct Registration: Sendable, Encodable {
            package var id: String
            package var method: String
            package var registerOptions: WatchOptions
        }

        package struct WatchOptions: Sendable, Encodable {
            package struct Watcher: Sendable, Encodable {
                package var globPattern: String
            }

            package var watchers: [Watcher]
        }

        package var registrations: [Registration]
    }

    package struct ShowMessageParams: Sendable, Encodable {
        /// 1 error, 2 warning, 3 info.
        package var type: Int
        package var message: String
    }
}
