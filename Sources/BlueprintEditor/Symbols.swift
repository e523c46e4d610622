import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// A named thing of a blueprint, for an outline or a symbol search.
package enum SymbolKind: Hashable, Sendable {
    case phase, step, evidence, promise
}

/// An entry of a document's outline.
package struct DocumentSymbol: Hashable, Sendable {
    package var name: String
    package var detail: String?
    package var kind: SymbolKind
    /// The whole construct: a phase from its `phase` line to its last item, an item its line.
    package var range: SourceRange
    /// What is selected when the entry is picked: the id, the `phase` keyword, the promise.
    package var selectionRange: SourceRange
    /// The steps and evidence items of a phase; empty for the others.
    package var children: [DocumentSymbol] = []
}

/// How a symbol search matches a name: case-insensitively, anywhere in it; an empty query matches all.
package struct SymbolQuery: Sendable {
    private let needle: String

    package init(_ query: String) {
        needle = query.lowercased()
    }

    package func matches(_ name: String) -> Bool {
        needle.isEmpty || name.lowercased().contains(needle)
    }
}

/// A symbol whose name matches a search.
package struct SymbolMatch: Hashable, Sendable {
    package var name: String
    package var kind: SymbolKind
    package var range: SourceRange
    /// The phase or blueprint title it stands in.
    package var container: String?
}

extension EditorDocument {
    /// Phases with their steps and evidence items inside, then the promises. Steps written before
    /// any phase stand at the top level.
    package func documentSymbols() -> [DocumentSymbol] {
        let blueprint = document.blueprint
        var symbols: [DocumentSymbol] = []
        for phase in blueprint.phases {
            let items = phase.evidence.map { itemSymbol(evidence: blueprint.evidence[$0]) } + phase.steps.map { itemSymbol(step: blueprint.steps[$0]) }
            let children = items.sorted { $0.range.start < $1.range.start }
            guard let title = phase.title, let keyword = phase.keywordRange else {
                symbols += children
                continue
            }
            let end = children.last.map(\.range.end) ?? lineRange(keyword.start.line).end
            symbols.append(DocumentSymbol(name: title.isEmpty ? "phase" : title, kind: .phase, range: SourceRange(start: keyword.start, end: end),
                                          selectionRange: keyword, children: children))
        }
        for promise in blueprint.promises {
            let statement = promise.statement
            symbols.append(DocumentSymbol(
                name: promise.description.isEmpty ? "promise" : promise.description,
                detail: "\(statement.from.name) → \(statement.to.name) ≤ \(statement.within.text)", kind: .promise,
                range: lineRange(promise.range.start.line), selectionRange: promise.range))
        }
        return symbols
    }

    private func itemSymbol(step: Step) -> DocumentSymbol {
        DocumentSymbol(name: step.id, detail: step.label, kind: .step, range: lineRange(step.idRange.start.line), selectionRange: step.idRange)
    }

    private func itemSymbol(evidence item: EvidenceItem) -> DocumentSymbol {
        DocumentSymbol(name: item.id, detail: item.label, kind: .evidence, range: lineRange(item.idRange.start.line), selectionRange: item.idRange)
    }

    /// Steps, evidence items, phases and promises whose name holds `query` (ignoring case), at most `limit`.
    package func symbols(matching query: String, limit: Int) -> [SymbolMatch] {
        let blueprint = document.blueprint
        let query = SymbolQuery(query)
        var found: [SymbolMatch] = []
        func add(_ name: String, _ kind: SymbolKind, _ range: SourceRange, container: String?) {
            guard found.count < limit, query.matches(name) else { return }
            found.append(SymbolMatch(name: name, kind: kind, range: range, container: container))
        }
        let title = blueprint.title
        for phase in blueprint.phases {
            if let name = phase.title, let range = phase.keywordRange { add(name, .phase, range, container: title) }
            for index in phase.steps { add(blueprint.steps[index].id, .step, blueprint.steps[index].idRange, container: phase.title ?? title) }
        }
        for item in blueprint.evidence { add(item.id, .evidence, item.idRange, container: title) }
        for promise in blueprint.promises { add(promise.description, .promise, promise.range, container: title) }
        return found
    }
}
