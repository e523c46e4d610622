import BlueprintDiagnostics

/// Requests and results of the language features.
extension LSP {
    package struct PublishDiagnosticsParams: Sendable, Encodable {
        package var uri: String
        package var version: Int?
        package var diagnostics: [Diagnostic]
    }

    package struct Diagnostic: Hashable, Sendable, Codable {
        package struct RelatedInformation: Hashable, Sendable, Codable {
            package var location: Location
            package var message: String
        }

        package var range: Range
        /// 1 error, 2 warning.
        package var severity: Int
        /// The rule id.
        package var code: String
        package var source = "blueprint"
        package var message: String
        package var relatedInformation: [RelatedInformation]?
        /// 1: unnecessary (drawn faded).
        package var tags: [Int]?
    }

    package struct Hover: Sendable, Encodable {
        package var contents: MarkupContent
        package var range: Range?
    }

    package struct ReferenceParams: Sendable, Codable {
        package struct Context: Sendable, Codable {
            package var includeDeclaration: Bool
        }

        package var textDocument: TextDocumentIdentifier
        package var position: Position
        package var context: Context
    }

    package struct DocumentHighlight: Hashable, Sendable, Encodable {
        package var range: Range
        /// 2 read (a use), 3 write (the declaration).
        package var kind: Int
    }

    package struct RenameParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
        package var position: Position
        package var newName: String
    }

    package struct PrepareRenameResult: Sendable, Encodable {
        package var range: Range
        package var placeholder: String
    }

    package struct CompletionItem: Hashable, Sendable, Encodable {
        package var label: String
        /// 3 function (step), 10 property (attribute), 14 keyword, 15 snippet, 20 enum member, 21 constant (evidence).
        package var kind: Int
        package var detail: String?
        package var textEdit: TextEdit?
        /// 2: the new text is a snippet with `${1:…}` placeholders.
        package var insertTextFormat: Int?
        package var sortText: String?
    }

    package struct CompletionList: Sendable, Encodable {
        package var isIncomplete: Bool
        package var items: [CompletionItem]
    }

    package struct DocumentSymbol: Sendable, Encodable {
        package var name: String
        package var detail: String?
        /// 2 module (phase), 12 function (step), 14 constant (evidence), 24 event (promise).
        package var kind: Int
        package var range: Range
        package var selectionRange: Range
        package var children: [DocumentSymbol]?
    }

    package struct WorkspaceSymbolParams: Sendable, Codable {
        package var query: String
    }

    package struct SymbolInformation: Sendable, Encodable {
        package var name: String
        package var kind: Int
        package var location: Location
        package var containerName: String?
    }

    package struct FoldingRange: Hashable, Sendable, Encodable {
        package var startLine: Int
        package var endLine: Int
        /// "comment", or nil for a region.
        package var kind: String?
    }

    package struct SemanticTokens: Sendable, Encodable {
        package var data: [UInt32]
    }

    package struct DocumentFormattingParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
    }

    package struct CodeActionParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
        package var range: Range
    }

    package struct CodeAction: Sendable, Encodable {
        package var title: String
        package var kind = "quickfix"
        package var diagnostics: [Diagnostic]?
        package var isPreferred: Bool?
        package var edit: WorkspaceEdit
    }

    package struct InlayHintParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
        package var range: Range
    }

    package struct InlayHint: Hashable, Sendable, Encodable {
        package var position: Position
        package var label: String
        package var paddingLeft = true
    }

    /// A request that names only its document.
    package struct TextDocumentParams: Sendable, Codable {
        package var textDocument: TextDocumentIdentifier

        package init(textDocument: TextDocumentIdentifier) {
            self.textDocument = textDocument
        }
    }
}
