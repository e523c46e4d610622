import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintModel

/// One request's view of one document: its analysis, its URI, how its positions are counted and
/// the language its messages are written in. Features are functions of it, so they run off the
/// server's message loop on a snapshot no later edit can change.
struct FeatureContext: Sendable {
    let document: Document
    let uri: String
    let positions: PositionConversion
    let language: MessageLanguage

    init(document: Document, uri: String, encoding: PositionEncoding) {
        self.document = document
        self.uri = uri
        positions = PositionConversion(source: document.source, encoding: encoding)
        language = document.language(for: .auto)
    }

    func text(_ entry: ServerMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(entry, arguments).text(in: language)
    }

    func location(_ range: SourceRange) -> LSP.Location {
        LSP.Location(uri: uri, range: positions.range(range))
    }
}

/// A step or evidence id under the cursor, declared or used.
struct IdentifierAtCursor {
    var name: String
    var range: SourceRange
}

extension FeatureContext {
    func identifier(at position: LSP.Position) -> IdentifierAtCursor? {
        switch document.syntax.element(at: positions.sourcePosition(position), in: document.source) {
        case .stepDeclaration(let step), .evidenceDeclaration(let step):
            IdentifierAtCursor(name: step.id.name, range: step.id.range)
        case .reference(let id, _):
            IdentifierAtCursor(name: id.name, range: id.range)
        default:
            nil
        }
    }

    /// Where the id that `name` defines is declared: its first declaration.
    func definition(of name: String) -> SourceRange? {
        let blueprint = document.blueprint
        switch blueprint.symbols[name] {
        case .step(let index): return blueprint.steps[index].idRange
        case .evidence(let index): return blueprint.evidence[index].idRange
        case nil: return nil
        }
    }

    /// Every declaration of `name` (duplicates too, so that a rename keeps them duplicates) and every
    /// use of it, in source order, each marked as a declaration or not.
    func occurrences(of name: String) -> [(range: SourceRange, isDeclaration: Bool)] {
        let blueprint = document.blueprint
        let declarations = blueprint.declarations.lazy.filter { $0.statement.id.name == name }.map { ($0.statement.id.range, true) }
        let uses = blueprint.references.lazy.filter { $0.id.name == name }.map { ($0.id.range, false) }
        return (Array(declarations) + Array(uses)).sorted { $0.0.start.offset < $1.0.start.offset }
    }
}
