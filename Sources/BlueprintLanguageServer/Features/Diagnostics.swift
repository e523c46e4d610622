import BlueprintDiagnostics

extension FeatureContext {
    /// The document's diagnostics as the editor shows them: the rule id as `code`, related places,
    /// and unused evidence marked unnecessary so the editor fades it.
    func diagnostics() -> [LSP.Diagnostic] {
        document.diagnostics.map(diagnostic)
    }

    func diagnostic(_ diagnostic: BlueprintDiagnostics.Diagnostic) -> LSP.Diagnostic {
        let related = diagnostic.related.map {
            LSP.Diagnostic.RelatedInformation(location: location($0.range), message: $0.message.text(in: language))
        }
        return LSP.Diagnostic(
            range: positions.range(diagnostic.range),
            severity: diagnostic.severity == .error ? 1 : 2,
            code: diagnostic.rule.rawValue,
            message: diagnostic.message(in: language),
            relatedInformation: related.isEmpty ? nil : related,
            tags: diagnostic.rule == "unused-evidence" ? [1] : nil
        )
    }
}
