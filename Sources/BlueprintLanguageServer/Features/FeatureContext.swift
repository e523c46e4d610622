import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEditor
import BlueprintLanguage

/// One request's view of one open document: its editor queries, its URI and how its positions are
/// counted. Taken on the message loop, used off it: no later edit can change it.
struct FeatureContext: Sendable {
    let editor: EditorDocument
    let uri: String
    let positions: PositionConversion

    init(document: Document, uri: String, encoding: PositionEncoding) {
        editor = EditorDocument(document)
        self.uri = uri
        positions = PositionConversion(source: document.source, encoding: encoding)
    }

    var document: Document { editor.document }

    func location(_ range: SourceRange) -> LSP.Location {
        LSP.Location(uri: uri, range: positions.range(range))
    }

    /// A diagnostic as the editor shows it: the rule id as `code`, related places, and unused
    /// evidence marked unnecessary so the editor fades it.
    func diagnostic(_ diagnostic: Diagnostic) -> LSP.Diagnostic {
        let related = diagnostic.related.map {
            LSP.Diagnostic.RelatedInformation(location: location($0.range), message: $0.message.text(in: editor.language))
        }
        return LSP.Diagnostic(
            range: positions.range(diagnostic.range),
            severity: diagnostic.severity == .error ? 1 : 2,
            code: diagnostic.rule.rawValue,
            message: diagnostic.message(in: editor.language),
            relatedInformation: related.isEmpty ? nil : related,
            tags: diagnostic.rule == "unused-evidence" ? [1] : nil
        )
    }

    /// The 1-based lines an LSP range touches.
    func lines(of range: LSP.Range) -> ClosedRange<Int> {
        (range.start.line + 1)...(max(range.start.line, range.end.line) + 1)
    }
}

extension ResponseError {
    /// A refusal of the editor queries, with the code the protocol gives it.
    init(_ error: EditorError) {
        switch error.reason {
        case .notRenamable, .notFormatted: self.init(.requestFailed, error.message)
        case .unacceptableName: self.init(.invalidParams, error.message)
        }
    }
}
