import BlueprintEditor

struct SemanticTokensRequest: DocumentRequestHandler {
    static let method = "textDocument/semanticTokens/full"

    static var legend: LSP.SemanticTokensLegend {
        LSP.SemanticTokensLegend(tokenTypes: SemanticTokenType.allCases.map { "\($0)" }, tokenModifiers: ["declaration"])
    }

    /// Each token relative to the one before, as the protocol asks.
    static func answer(_ params: LSP.TextDocumentParams, from context: FeatureContext) -> LSP.SemanticTokens {
        let tokens = context.editor.semanticTokens()
        var data: [UInt32] = []
        data.reserveCapacity(tokens.count * 5)
        var previous = LSP.Position(line: 0, character: 0)
        for token in tokens {
            if Task.isCancelled { break }
            let start = context.positions.position(token.range.start)
            let end = context.positions.position(token.range.end)
            let deltaLine = start.line - previous.line
            let deltaStart = deltaLine == 0 ? start.character - previous.character : start.character
            data += [UInt32(deltaLine), UInt32(deltaStart), UInt32(end.character - start.character), token.type.rawValue, token.isDeclaration ? 1 : 0]
            previous = start
        }
        return LSP.SemanticTokens(data: data)
    }
}
