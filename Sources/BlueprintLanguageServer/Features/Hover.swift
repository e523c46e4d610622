import BlueprintEditor

struct HoverRequest: DocumentRequestHandler {
    static let method = "textDocument/hover"

    static func answer(_ params: LSP.TextDocumentPositionParams, from context: FeatureContext) -> LSP.Hover? {
        context.editor.hover(at: context.positions.sourcePosition(params.position)).map {
            LSP.Hover(contents: LSP.MarkupContent(value: $0.markdown), range: $0.range.map(context.positions.range))
        }
    }
}
