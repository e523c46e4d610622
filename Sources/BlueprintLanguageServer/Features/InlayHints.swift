import BlueprintEditor

struct InlayHintRequest: DocumentRequestHandler {
    static let method = "textDocument/inlayHint"

    static func answer(_ params: LSP.InlayHintParams, from context: FeatureContext) -> [LSP.InlayHint] {
        context.editor.inlayHints(onLines: context.lines(of: params.range)).map {
            LSP.InlayHint(position: context.positions.position($0.position), label: $0.label)
        }
    }
}
