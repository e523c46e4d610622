import BlueprintEditor

struct FoldingRangeRequest: DocumentRequestHandler {
    static let method = "textDocument/foldingRange"

    static func answer(_ params: LSP.TextDocumentParams, from context: FeatureContext) -> [LSP.FoldingRange] {
        context.editor.foldingRanges().map {
            LSP.FoldingRange(startLine: $0.lines.lowerBound - 1, endLine: $0.lines.upperBound - 1, kind: $0.kind == .comment ? "comment" : "region")
        }
    }
}

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

struct FormattingRequest: DocumentRequestHandler {
    static let method = "textDocument/formatting"

    static func answer(_ params: LSP.DocumentFormattingParams, from context: FeatureContext) throws(ResponseError) -> [LSP.TextEdit] {
        do {
            return try context.editor.formattingEdit().map { [context.positions.edit($0)] } ?? []
        } catch {
            throw ResponseError(error)
        }
    }
}

struct InlayHintRequest: DocumentRequestHandler {
    static let method = "textDocument/inlayHint"

    static func answer(_ params: LSP.InlayHintParams, from context: FeatureContext) -> [LSP.InlayHint] {
        context.editor.inlayHints(onLines: context.lines(of: params.range)).map {
            LSP.InlayHint(position: context.positions.position($0.position), label: $0.label)
        }
    }
}

struct CodeActionRequest: DocumentRequestHandler {
    static let method = "textDocument/codeAction"

    static func answer(_ params: LSP.CodeActionParams, from context: FeatureContext) -> [LSP.CodeAction] {
        context.editor.codeActions(onLines: context.lines(of: params.range)).map {
            LSP.CodeAction(title: $0.title, diagnostics: [context.diagnostic($0.diagnostic)], isPreferred: $0.isPreferred ? true : nil,
                           edit: LSP.WorkspaceEdit(changes: [context.uri: $0.edits.map(context.positions.edit)]))
        }
    }
}
