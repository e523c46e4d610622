import BlueprintDiagnostics
import BlueprintLanguage

extension FeatureContext {
    func definition(at position: LSP.Position) -> LSP.Location? {
        guard let identifier = identifier(at: position), let declaration = definition(of: identifier.name) else { return nil }
        return location(declaration)
    }

    func references(at position: LSP.Position, includeDeclaration: Bool) -> [LSP.Location] {
        guard let identifier = identifier(at: position) else { return [] }
        return occurrences(of: identifier.name).filter { includeDeclaration || !$0.isDeclaration }.map { location($0.range) }
    }

    func highlights(at position: LSP.Position) -> [LSP.DocumentHighlight] {
        guard let identifier = identifier(at: position) else { return [] }
        return occurrences(of: identifier.name).map { LSP.DocumentHighlight(range: positions.range($0.range), kind: $0.isDeclaration ? 3 : 2) }
    }

    /// The id a rename would change: only a declared step or evidence id.
    func prepareRename(at position: LSP.Position) throws(ResponseError) -> LSP.PrepareRenameResult {
        guard let identifier = identifier(at: position), definition(of: identifier.name) != nil else {
            throw ResponseError(.requestFailed, text(.notRenamable))
        }
        return LSP.PrepareRenameResult(range: positions.range(identifier.range), placeholder: identifier.name)
    }

    /// Renames the id under the cursor at its declarations and at every use: flows, `recover`,
    /// `evidence`, and a promise's `from` and `to`. A new name that is not an id, or that another
    /// step or evidence item already has, is refused.
    func rename(at position: LSP.Position, to newName: String) throws(ResponseError) -> LSP.WorkspaceEdit {
        _ = try prepareRename(at: position)
        guard let identifier = identifier(at: position) else { throw ResponseError(.requestFailed, text(.notRenamable)) }
        guard Self.isIdentifier(newName) else {
            throw ResponseError(.invalidParams, text(.invalidIdentifier, ["name": .text(newName)]))
        }
        guard newName == identifier.name || document.blueprint.symbols[newName] == nil else {
            throw ResponseError(.invalidParams, text(.identifierTaken, ["name": .text(newName)]))
        }
        let edits = occurrences(of: identifier.name).map { LSP.TextEdit(range: positions.range($0.range), newText: newName) }
        return LSP.WorkspaceEdit(changes: [uri: edits])
    }

    /// Whether `name` reads as one id wherever an id may stand: the parser, asked to read it as a
    /// step's id and as both ends of a flow, finds exactly that.
    static func isIdentifier(_ name: String) -> Bool {
        let probe = "customer \(name) \"\"\n\(name) -> \(name)\n"
        let syntax = Parser.parse(SourceText(probe))
        guard !syntax.hasSyntaxErrors, syntax.statements.count == 2 else { return false }
        guard case .step(let step) = syntax.statements[0].kind, step.id.name == name,
              case .flow(let flow) = syntax.statements[1].kind else { return false }
        return flow.ids.map(\.name) == [name, name]
    }
}
