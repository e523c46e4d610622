import BlueprintEditor

struct DefinitionRequest: DocumentRequestHandler {
    static let method = "textDocument/definition"

    static func answer(_ params: LSP.TextDocumentPositionParams, from context: FeatureContext) -> LSP.Location? {
        context.editor.definition(at: context.positions.sourcePosition(params.position)).map(context.location)
    }
}

struct ReferencesRequest: DocumentRequestHandler {
    static let method = "textDocument/references"

    static func answer(_ params: LSP.ReferenceParams, from context: FeatureContext) -> [LSP.Location] {
        context.editor.references(at: context.positions.sourcePosition(params.position), includeDeclaration: params.context.includeDeclaration)
            .map(context.location)
    }
}

struct DocumentHighlightRequest: DocumentRequestHandler {
    static let method = "textDocument/documentHighlight"

    static func answer(_ params: LSP.TextDocumentPositionParams, from context: FeatureContext) -> [LSP.DocumentHighlight] {
        context.editor.occurrences(at: context.positions.sourcePosition(params.position)).map {
            LSP.DocumentHighlight(range: context.positions.range($0.range), kind: $0.isDeclaration ? 3 : 2)
        }
    }
}

struct PrepareRenameRequest: DocumentRequestHandler {
    static let method = "textDocument/prepareRename"

    static func answer(_ params: LSP.TextDocumentPositionParams, from context: FeatureContext) throws(ResponseError) -> LSP.PrepareRenameResult {
        do {
            let identifier = try context.editor.renameTarget(at: context.positions.sourcePosition(params.position))
            return LSP.PrepareRenameResult(range: context.positions.range(identifier.range), placeholder: identifier.name)
        } catch {
            throw ResponseError(error)
        }
    }
}

struct RenameRequest: DocumentRequestHandler {
    static let method = "textDocument/rename"

    static func answer(_ params: LSP.RenameParams, from context: FeatureContext) throws(ResponseError) -> LSP.WorkspaceEdit {
        do {
            let edits = try context.editor.rename(at: context.positions.sourcePosition(params.position), to: params.newName)
            return LSP.WorkspaceEdit(changes: [context.uri: edits.map(context.positions.edit)])
        } catch {
            throw ResponseError(error)
        }
    }
}
