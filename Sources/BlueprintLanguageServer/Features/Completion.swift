import BlueprintEditor

struct CompletionRequest: DocumentRequestHandler {
    static let method = "textDocument/completion"

    static func answer(_ params: LSP.TextDocumentPositionParams, from context: FeatureContext) -> LSP.CompletionList {
        let list = context.editor.completion(at: context.positions.sourcePosition(params.position))
        return LSP.CompletionList(isIncomplete: list.isIncomplete, items: list.items.map { item in
            let isSnippet = item.kind == .snippet
            return LSP.CompletionItem(label: item.label, kind: kind(of: item.kind), detail: item.detail, textEdit: context.positions.edit(item.edit),
                                      insertTextFormat: isSnippet ? 2 : nil,
                                      // Snippets after every word and id.
                                      sortText: isSnippet ? "~\(item.label)" : nil)
        })
    }

    /// The protocol's `CompletionItemKind`.
    private static func kind(of kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .step: 3
        case .attribute: 10
        case .keyword: 14
        case .snippet: 15
        case .value: 20
        case .evidence: 21
        }
    }
}
