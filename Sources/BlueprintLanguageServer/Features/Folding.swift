import BlueprintEditor

struct FoldingRangeRequest: DocumentRequestHandler {
    static let method = "textDocument/foldingRange"

    static func answer(_ params: LSP.TextDocumentParams, from context: FeatureContext) -> [LSP.FoldingRange] {
        context.editor.foldingRanges().map {
            LSP.FoldingRange(startLine: $0.lines.lowerBound - 1, endLine: $0.lines.upperBound - 1, kind: $0.kind == .comment ? "comment" : "region")
        }
    }
}
