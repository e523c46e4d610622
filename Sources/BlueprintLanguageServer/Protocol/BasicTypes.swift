/// The namespace of the protocol's types, so that `LSP.Diagnostic` and `LSP.TextEdit` stand apart from
/// the analysis core's own `Diagnostic` and `TextEdit`.
public enum LSP {}

/// The protocol's own types, as LSP 3.17 spells them. They know nothing of blueprints: the server's
/// features fill them in.
extension LSP {
    public struct Position: Hashable, Sendable, Codable {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) {
            self.line = line
            self.character = character
        }
    }

    public struct Range: Hashable, Sendable, Codable {
        public var start: Position
        public var end: Position

        public init(start: Position, end: Position) {
            self.start = start
            self.end = end
        }
    }

    public struct Location: Hashable, Sendable, Codable {
        public var uri: String
        public var range: Range
    }

    public struct TextDocumentIdentifier: Hashable, Sendable, Codable {
        public var uri: String
    }

    public struct TextDocumentItem: Hashable, Sendable, Codable {
        public var uri: String
        public var languageId: String
        public var version: Int
        public var text: String
    }

    public struct VersionedTextDocumentIdentifier: Hashable, Sendable, Codable {
        public var uri: String
        public var version: Int
    }

    /// `textDocument/*` requests that name a document and a position in it.
    public struct TextDocumentPositionParams: Hashable, Sendable, Codable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
    }

    public struct TextEdit: Hashable, Sendable, Codable {
        public var range: Range
        public var newText: String
    }

    public struct WorkspaceEdit: Hashable, Sendable, Codable {
        public var changes: [String: [TextEdit]]
    }

    public struct MarkupContent: Hashable, Sendable, Codable {
        public var kind = "markdown"
        public var value: String
    }
}
