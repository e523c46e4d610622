import BlueprintDiagnostics
import BlueprintEditor
import BlueprintLanguage

struct DocumentSymbolRequest: DocumentRequestHandler {
    static let method = "textDocument/documentSymbol"

    static func answer(_ params: LSP.TextDocumentParams, from context: FeatureContext) -> [LSP.DocumentSymbol] {
        context.editor.documentSymbols().map { symbol($0, in: context) }
    }

    private static func symbol(_ symbol: DocumentSymbol, in context: FeatureContext) -> LSP.DocumentSymbol {
        LSP.DocumentSymbol(name: symbol.name, detail: symbol.detail, kind: kind(of: symbol.kind), range: context.positions.range(symbol.range),
                           selectionRange: context.positions.range(symbol.selectionRange),
                           children: symbol.kind == .phase ? symbol.children.map { self.symbol($0, in: context) } : nil)
    }
}

struct WorkspaceSymbolRequest: RequestHandler {
    static let method = "workspace/symbol"
    /// More symbols than this are not listed: a query of one letter in a large workspace matches most.
    static let limit = 1_000

    struct Snapshot: Sendable {
        var open: [FeatureContext]
        var files: WorkspaceFiles
        var encoding: PositionEncoding
    }

    static func snapshot(for params: LSP.WorkspaceSymbolParams, of state: ServerState) -> Snapshot {
        let open = state.openFiles.compactMap { uri, file in
            state.workspace.document(at: file.path).map { FeatureContext(document: $0, uri: uri, encoding: state.encoding) }
        }
        return Snapshot(open: open, files: state.workspaceFiles, encoding: state.encoding)
    }

    static func answer(_ params: LSP.WorkspaceSymbolParams, from snapshot: Snapshot) -> [LSP.SymbolInformation] {
        var symbols: [LSP.SymbolInformation] = []
        for context in snapshot.open where symbols.count < limit {
            symbols += context.editor.symbols(matching: params.query, limit: limit - symbols.count).map { information($0, in: context) }
        }
        let closed = snapshot.files.symbols(matching: SymbolQuery(params.query), limit: limit - symbols.count,
                                            excluding: Set(snapshot.open.map(\.document.path)), encoding: snapshot.encoding)
        return symbols + closed
    }

    static func information(_ match: SymbolMatch, in context: FeatureContext) -> LSP.SymbolInformation {
        LSP.SymbolInformation(name: match.name, kind: kind(of: match.kind), location: context.location(match.range), containerName: match.container)
    }
}

/// The protocol's `SymbolKind`: 2 module (phase), 12 function (step), 14 constant (evidence), 24 event (promise).
private func kind(of kind: SymbolKind) -> Int {
    switch kind {
    case .phase: 2
    case .step: 12
    case .evidence: 14
    case .promise: 24
    }
}
