import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLayout
import BlueprintModel

/// Why a document was not drawn.
public enum DrawError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has lint errors: its diagnostics say what to fix, and nothing is drawn.
    case lintErrors(count: Int)
    case failed(RenderError)

    public var description: String {
        switch self {
        case .lintErrors(let count): "the file has \(count == 1 ? "an error" : "\(count) errors"); fix \(count == 1 ? "it" : "them") to draw the diagram"
        case .failed(let error): error.message
        }
    }
}

extension Document {
    /// The diagram of this document, from its analysis (the promise checks lint reported). A document
    /// with lint errors is not drawn: what it would show is not the blueprint its author meant.
    /// A `session` shared by the drawings of a batch measures each word once.
    public func draw(_ options: RenderOptions = RenderOptions(), session: RenderSession? = nil) throws(DrawError) -> RenderOutput {
        let analysed = try drawable()
        do {
            return try Renderer.render(analysed, options: options, session: session)
        } catch {
            throw .failed(error)
        }
    }

    /// The diagram of what parses of this document, errors or not: a first draft to look at while the
    /// errors are fixed. Its title block says "Draft: N errors" (in the file's language), and each step
    /// whose declaration line has an error gets a red dashed outline, the class `draft-error` in an SVG
    /// and its errors in its tooltip. A document without errors is drawn as `draw(_:session:)` draws it.
    public func drawDraft(_ options: RenderOptions = RenderOptions(), session: RenderSession? = nil) throws(DrawError) -> RenderOutput {
        let report = report()
        let errors = report.diagnostics.filter { $0.severity == .error }
        let draft: DraftMarks? = report.errorCount == 0 ? nil : DraftMarks(
            errorCount: report.errorCount,
            stepErrors: stepErrors(errors, language: report.language))
        do {
            return try Renderer.render(analysed, options: options, draft: draft, session: session)
        } catch {
            throw .failed(error)
        }
    }

    /// The messages of `errors` on each step's declaration line, by step index.
    private func stepErrors(_ errors: [Diagnostic], language: MessageLanguage) -> [Int: [String]] {
        let byLine = Dictionary(grouping: errors, by: \.position.line)
        var marked: [Int: [String]] = [:]
        for (index, step) in analysed.blueprint.steps.enumerated() {
            guard let onLine = byLine[step.idRange.start.line] else { continue }
            marked[index] = onLine.map { $0.message(in: language) }
        }
        return marked
    }

    /// The diagram of this document on pages of `setup`'s paper (see `draw(_:session:)`).
    public func draw(_ options: RenderOptions = RenderOptions(), page setup: PageSetup, session: RenderSession? = nil)
        throws(DrawError) -> PagedRenderOutput {
        let analysed = try drawable()
        do {
            return try Renderer.render(analysed, options: options, page: setup, session: session)
        } catch {
            throw .failed(error)
        }
    }

    /// The layout stage on its own: where every lane, phase, box and link of the drawing goes, as
    /// `draw(_:session:)` would place them (text measured with the same font), for a front end that
    /// draws in another format. Also refused for a document with lint errors.
    public func layout(_ options: RenderOptions = RenderOptions(), session: RenderSession? = nil) throws(DrawError) -> DiagramGeometry {
        let analysed = try drawable()
        do {
            return try Renderer.geometry(analysed, options: options, session: session)
        } catch {
            throw .failed(error)
        }
    }

    private func drawable() throws(DrawError) -> AnalysedBlueprint {
        let errors = report().errorCount
        guard errors == 0 else { throw .lintErrors(count: errors) }
        return analysed
    }
}
