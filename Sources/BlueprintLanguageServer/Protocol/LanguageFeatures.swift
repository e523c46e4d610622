/// Requests and results of the language features.
extension LSP {
    public struct PublishDiagnosticsParams: Sendable, Encodable {
        public var uri: String
        public var version: Int?
        public var diagnostics: [Diagnostic]
    }

    public struct Diagnostic: Hashable, Sendable, Codable {
        public struct RelatedInformation: Hashable, Sendable, Codable {
            public var location: Location
            public var message: String
        }

        public var range: Range
        /// 1 error, 2 warning.
        public var severity: Int
        /// The rule id.
        public var code: String
        public var source = "blueprint"
        public var message: String
        public var relatedInformation: [RelatedInformation]?
        /// 1: unnecessary (drawn faded).
        public var tags: [Int]?
    }

    public struct Hover: Sendable, Encodable {
        public var contents: MarkupContent
        public var range: Range?
    }

    public struct ReferenceParams: Sendable, Decodable {
        public struct Context: Sendable, Decodable {
            public var includeDeclaration: Bool
        }

        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var context: Context
    }

    public struct DocumentHighlight: Hashable, Sendable, Encodable {
        public var range: Range
        /// 2 read (a use), 3 write (the declaration).
        public var kind: Int
    }

    public struct RenameParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public var newName: String
    }

    public struct PrepareRenameResult: Sendable, Encodable {
        public var range: Range
        public var placeholder: String
    }

    public struct CompletionItem: Hashable, Sendable, Encodable {
        public var label: String
        /// 3 function (step), 10 property (attribute), 14 keyword, 15 snippet, 20 enum member, 21 constant (evidence).
        public var kind: Int
        public var detail: String?
        public var textEdit: TextEdit?
        /// 2: the new text is a snippet with `${1:…}` placeholders.
        public var insertTextFormat: Int?
        public var sortText: String?
    }

    public struct CompletionList: Sendable, Encodable {
        public var isIncomplete: Bool
        public var items: [CompletionItem]
    }

    public struct DocumentSymbol: Sendable, Encodable {
        public var name: String
        public var detail: String?
        /// 2 module (phase), 12 function (step), 14 constant (evidence), 24 event (promise).
        public var kind: Int
        public var range: Range
        public var selectionRange: Range
        public var children: [DocumentSymbol]?
    }

    public struct WorkspaceSymbolParams: Sendable, Decodable {
        public var query: String
    }

    public struct SymbolInformation: Sendable, Encodable {
        public var name: String
        public var kind: Int
        public var location: Location
        public var containerName: String?
    }

    public struct FoldingRange: Hashable, Sendable, Encodable {
        public var startLine: Int
        public var endLine: Int
        /// "comment", or nil for a region.
        public var kind: String?
    }

    public struct SemanticTokens: Sendable, Encodable {
        public var data: [UInt32]
    }

    public struct DocumentFormattingParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
    }

    public struct CodeActionParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
    }

    public struct CodeAction: Sendable, Encodable {
        public var title: String
        public var kind = "quickfix"
        public var diagnostics: [Diagnostic]?
        public var isPreferred: Bool?
        public var edit: WorkspaceEdit
    }

    public struct InlayHintParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
    }

    public struct InlayHint: Hashable, Sendable, Encodable {
        public var position: Position
        public var label: String
        public var paddingLeft = true
    }

    /// A request that names only its document.
    public struct TextDocumentParams: Sendable, Decodable {
        public var textDocument: TextDocumentIdentifier
    }
}
