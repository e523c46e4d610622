import BlueprintDiagnostics
import BlueprintEditor

struct FormattingRequest: DocumentRequestHandler {
    static let method = "textDocument/formatting"
    static let showsRefusal = true

    static func answer(_ params: LSP.DocumentFormattingParams, from context: FeatureContext) throws(ResponseError) -> [LSP.TextEdit] {
        do {
            return try context.editor.formattingEdit().map { [context.positions.edit($0)] } ?? []
        } catch {
            throw ResponseError(error)
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
