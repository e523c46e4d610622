import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintModel

extension FeatureContext {
    /// Phases with their steps and evidence items inside, then the promises. Steps written before
    /// any phase stand at the top level.
    func documentSymbols() -> [LSP.DocumentSymbol] {
        let blueprint = document.blueprint
        var symbols: [LSP.DocumentSymbol] = []
        for phase in blueprint.phases {
            let items = phase.evidence.map { itemSymbol(evidence: blueprint.evidence[$0]) } + phase.steps.map { itemSymbol(step: blueprint.steps[$0]) }
            let children = items.sorted { ($0.range.start.line, $0.range.start.character) < ($1.range.start.line, $1.range.start.character) }
            guard let title = phase.title, let keyword = phase.keywordRange else {
                symbols += children
                continue
            }
            let lastLine = children.last.map { $0.range.end } ?? positions.lineRange(keyword.start.line).end
            let range = LSP.Range(start: positions.position(keyword.start), end: lastLine)
            symbols.append(LSP.DocumentSymbol(name: title.isEmpty ? "phase" : title, kind: 2, range: range,
                                              selectionRange: positions.range(keyword), children: children))
        }
        for promise in blueprint.promises {
            let statement = promise.statement
            symbols.append(LSP.DocumentSymbol(
                name: promise.description.isEmpty ? "promise" : promise.description,
                detail: "\(statement.from.name) → \(statement.to.name) ≤ \(statement.within.text)", kind: 24,
                range: positions.lineRange(promise.range.start.line), selectionRange: positions.range(promise.range)))
        }
        return symbols
    }

    private func itemSymbol(step: Step) -> LSP.DocumentSymbol {
        LSP.DocumentSymbol(name: step.id, detail: step.label, kind: 12, range: positions.lineRange(step.idRange.start.line),
                           selectionRange: positions.range(step.idRange))
    }

    private func itemSymbol(evidence item: EvidenceItem) -> LSP.DocumentSymbol {
        LSP.DocumentSymbol(name: item.id, detail: item.label, kind: 14, range: positions.lineRange(item.idRange.start.line),
                           selectionRange: positions.range(item.idRange))
    }

    /// Steps, evidence items, phases and promises whose name holds `query` (ignoring case).
    func workspaceSymbols(matching query: String, limit: Int) -> [LSP.SymbolInformation] {
        let blueprint = document.blueprint
        let needle = query.lowercased()
        var found: [LSP.SymbolInformation] = []
        func add(_ name: String, kind: Int, _ range: SourceRange, container: String?) {
            guard found.count < limit, needle.isEmpty || name.lowercased().contains(needle) else { return }
            found.append(LSP.SymbolInformation(name: name, kind: kind, location: location(range), containerName: container))
        }
        let title = blueprint.title
        for phase in blueprint.phases {
            if let name = phase.title, let range = phase.keywordRange { add(name, kind: 2, range, container: title) }
            for index in phase.steps { add(blueprint.steps[index].id, kind: 12, blueprint.steps[index].idRange, container: phase.title ?? title) }
        }
        for item in blueprint.evidence { add(item.id, kind: 14, item.idRange, container: title) }
        for promise in blueprint.promises { add(promise.description, kind: 24, promise.range, container: title) }
        return found
    }
}
