import BlueprintDiagnostics

/// The namespace of the protocol's types, so that `LSP.Diagnostic` and `LSP.TextEdit` stand apart from
/// the analysis core's own `Diagnostic` and `TextEdit`.
package enum LSP {}

/// The protocol's own types, as LSP 3.17 spells them. They know nothing of blueprints: the server's
/// features fill them in.
extension LSP {
    package struct Position: Hashable, Sendable, Codable {
        package var line: Int
        package var character: Int

        package init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    package struct Range: Hashable, Sendable, Codable {
        package var start: Position
        package var end: Position

        package init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    package struct Location: Hashable, Sendable, Codable {
        package var uri: String
        package var range: Range
    }

    package struct TextDocumentIdentifier: Hashable, Sendable, Codable {
        package var uri: String

        package init(uri: String) {
            self.uri = uri
        }
    }

    package struct TextDocumentItem: Hashable, Sendable, Codable {
        package var uri: String
        package var languageId: String
        package var version: Int
        package var text: String

        package init(uri: String, languageId: String, version: Int, text: String) {
            self.uri = uri
            self.languageId = languageId
            self.version = version
            self.text = text
        }
    }

    package struct VersionedTextDocumentIdentifier: Hashable, Sendable, Codable {
        package var uri: String
        package var version: Int

        package init(uri: String, version: Int) {
            self.uri = uri
            self.version = version
        }
    }

    /// `textDocument/*` requests that name a document and a position in it.
    package struct TextDocumentPositionParams: Hashable, Sendable, Codable {
        package var textDocument: TextDocumentIdentifier
        package var position: Position

        package init(textDocument: TextDocumentIdentifier, position: Position) {
            self.textDocument = textDocument
            self.position = position
        }
    }

    package struct TextEdit: Hashable, Sendable, Codable {
        package var range: Range
        package var newText: String
    }

    package struct WorkspaceEdit: Hashable, Sendable, Codable {
        package var changes: [String: [TextEdit]]
    }

    package struct MarkupContent: Hashable, Sendable, Codable {
        package var kind = "markdown"
        package var value: String
    }
}
