import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// A place where an id stands: its declaration, or a use of it.
package struct Occurrence: Hashable, Sendable {
    package var range: SourceRange
    package var isDeclaration: Bool
}

extension EditorDocument {
    /// The step or evidence id under the cursor, declared or used.
    func identifier(at position: SourcePosition) -> Identifier? {
        switch document.syntax.element(at: position, in: document.source) {
        case .stepDeclaration(let step), .evidenceDeclaration(let step): step.id
        case .reference(let id, _): id
        default: nil
        }
    }

    /// Where the id under the cursor is declared: its first declaration.
    package func definition(at position: SourcePosition) -> SourceRange? {
        identifier(at: position).flatMap { declaration(of: $0.name) }
    }

    /// Every declaration (duplicates too, so that a rename keeps them duplicates) and every use of
    /// the id under the cursor, in source order.
    package func occurrences(at position: SourcePosition) -> [Occurrence] {
        identifier(at: position).map { occurrences(of: $0.name) } ?? []
    }

    /// The places of the id under the cursor, with or without its declarations.
    package func references(at position: SourcePosition, includeDeclaration: Bool) -> [SourceRange] {
        occurrences(at: position).filter { includeDeclaration || !$0.isDeclaration }.map(\.range)
    }

    /// The id a rename would change: only a declared step or evidence id.
    package func renameTarget(at position: SourcePosition) throws(EditorError) -> Identifier {
        guard let identifier = identifier(at: position), declaration(of: identifier.name) != nil else {
            throw EditorError(reason: .notRenamable, message: text(.notRenamable))
        }
        return identifier
    }

    /// Renames the id under the cursor at its declarations and at every use: flows, `recover`,
    /// `evidence`, and a promise's `from` and `to`. A new name that is not an id, or that another
    /// step or evidence item already has, is refused.
    package func rename(at position: SourcePosition, to newName: String) throws(EditorError) -> [TextEdit] {
        let identifier = try renameTarget(at: position)
        guard Self.isIdentifier(newName) else {
            throw EditorError(reason: .unacceptableName, message: text(.invalidIdentifier, ["name": .text(newName)]))
        }
        guard newName == identifier.name || document.blueprint.symbols[newName] == nil else {
            throw EditorError(reason: .unacceptableName, message: text(.identifierTaken, ["name": .text(newName)]))
        }
        return occurrences(of: identifier.name).map { TextEdit(range: $0.range, replacement: newName) }
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

    /// Where the id that `name` defines is declared: its first declaration.
    private func declaration(of name: String) -> SourceRange? {
        let blueprint = document.blueprint
        switch blueprint.symbols[name] {
        case .step(let index): return blueprint.steps[index].idRange
        case .evidence(let index): return blueprint.evidence[index].idRange
        case nil: return nil
        }
    }

    private func occurrences(of name: String) -> [Occurrence] {
        let blueprint = document.blueprint
        let declarations = blueprint.declarations.lazy.filter { $0.statement.id.name == name }.map { Occurrence(range: $0.statement.id.range, isDeclaration: true) }
        let uses = blueprint.references.lazy.filter { $0.id.name == name }.map { Occurrence(range: $0.id.range, isDeclaration: false) }
        return (Array(declarations) + Array(uses)).sorted { $0.range.start.offset < $1.range.start.offset }
    }
}
