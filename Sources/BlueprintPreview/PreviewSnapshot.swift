import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEditor
import BlueprintLanguage
import BlueprintModel
import BlueprintRender

/// What the page is sent after each change of a file: its state and diagnostics, and the last
/// diagram drawn without errors with everything the page shows about its steps and promises.
struct PreviewSnapshot: Encodable {
    enum State: String, Encodable {
        /// Drawn; warnings may be listed.
        case ready
        /// Lint errors: the last good diagram stays, dimmed; without one, a draft of the current text.
        case errors
        /// Deleted or renamed away.
        case missing
        /// Not readable as a blueprint, its configuration is broken, or Graphviz failed.
        case unreadable
    }

    /// Counts every change of the file's state, so the page can tell a new snapshot from a repeat.
    var revision: Int
    var path: String
    var state: State
    /// Why there is no fresh diagram, for the states other than `ready` and `errors`.
    var problem: String?
    var diagnostics: [DiagnosticLine]
    var errorCount: Int
    var warningCount: Int
    var diagram: DiagramPayload?
    /// The page's `lang` and words (see `PreviewMessage`): the file's language.
    var language: String
    var words: [String: String]

    init(revision: Int, path: String, state: State, problem: String?, diagnostics: [DiagnosticLine], errorCount: Int,
         warningCount: Int, diagram: DiagramPayload?, language: MessageLanguage) {
        self.revision = revision
        self.path = path
        self.state = state
        self.problem = problem
        self.diagnostics = diagnostics
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.diagram = diagram
        self.language = language.rawValue
        words = PreviewMessage.words(in: language)
    }
}

struct DiagnosticLine: Encodable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var rule: String
    var message: String

    static func lines(of document: Document, language: LanguageChoice) -> [DiagnosticLine] {
        let messageLanguage = document.language(for: language)
        return document.diagnostics.map { diagnostic in
            DiagnosticLine(file: document.path, line: diagnostic.position.line, column: diagnostic.position.column,
                           severity: diagnostic.severity.rawValue, rule: diagnostic.rule.rawValue,
                           message: diagnostic.message(in: messageLanguage))
        }
    }
}

/// A drawn diagram and the model behind it, so clicking a step or hovering a promise needs no
/// further request.
struct DiagramPayload: Encodable {
    /// The revision of the file this diagram was drawn from: the page replaces its drawing only when it changes.
    var revision: Int
    var theme: String
    /// Drawn from a file with errors that has not been clean since the preview opened (`Document.drawDraft`).
    var isDraft: Bool
    var title: String
    var svg: String
    var steps: [String: StepDetails]
    var promises: [PromiseDetails]

    struct FailPoint: Encodable {
        var description: String
        var recoveryID: String?
        var recoveryLabel: String?
    }

    struct PromiseOnStep: Encodable {
        var index: Int
        var description: String
        var status: String
        var cost: String
        var within: String
        /// A promise `for P%`: the simulated share within the limit (`96.1%`) and the target as written.
        var share: String?
        var target: String?
        var onWorstPath: Bool
    }

    struct StepDetails: Encodable {
        var id: String
        var label: String
        var lane: String
        var phase: String?
        var actor: String?
        var channel: String?
        var note: String?
        var takes: String?
        var wait: String?
        var tolerance: String?
        /// In a file with `demand`: the step's figures as the hover shows them.
        var meanTakes: String?
        var arrivals: String?
        var utilisation: String?
        var queueWait: String?
        var momentOfTruth: Bool
        var emotion: Int?
        var failPoints: [FailPoint]
        var evidence: [String]
        var promises: [PromiseOnStep]
    }

    struct PromiseDetails: Encodable {
        var description: String
        var status: String
        var cost: String
        var within: String
        var worstPath: [String]
        /// The ids of the promise's marks in the title block (without a prefix).
        var titleBlockIDs: [String]
    }

    init(document: Document, revision: Int, theme: RenderTheme, isDraft: Bool, svg: String, language: MessageLanguage) {
        func shown(_ duration: Duration) -> String { duration.shown(in: language) }
        let blueprint = document.blueprint
        let checkedPromises = document.analysed.promises
        self.revision = revision
        self.theme = theme.name
        self.isDraft = isDraft
        title = blueprint.title ?? PreviewMessage.blueprint.text(in: language)
        self.svg = svg
        promises = checkedPromises.enumerated().map { index, checked in
            let promise = checked.promise, check = checked.check
            return PromiseDetails(
                description: promise.description, status: Self.statusName(checked.status), cost: shown(check.worstCost),
                within: shown(promise.within), worstPath: check.worstPath.map { blueprint.steps[$0].id },
                titleBlockIDs: Renderer.titleBlockIDs(ofPromise: index, in: blueprint))
        }
        var steps: [String: StepDetails] = [:]
        for step in StepSummary.all(in: document.analysed) {
            steps[step.id] = StepDetails(step, language: language)
        }
        self.steps = steps
    }

    fileprivate static func statusName(_ status: PromiseCheck.Status) -> String {
        switch status {
        case .kept: "kept"
        case .broken: "broken"
        case .unreachable: "unreachable"
        case .unresolved: "unresolved"
        }
    }
}

extension DiagramPayload.StepDetails {
    /// The step panel's fields: the summary the hover shows too, with durations as the language writes them.
    init(_ step: StepSummary, language: MessageLanguage) {
        func shown(_ duration: Duration?) -> String? { duration?.shown(in: language) }
        self.init(
            id: step.id, label: step.label, lane: step.laneTitle, phase: step.phase, actor: step.actor, channel: step.channel,
            note: step.note, takes: step.takes?.shown(in: language), wait: step.wait?.shown(in: language), tolerance: shown(step.tolerance),
            meanTakes: shown(step.capacity?.meanTakes), arrivals: step.capacity.map { $0.arrivalsText + "/h" },
            utilisation: step.capacity?.utilisationText, queueWait: shown(step.capacity?.queueWait),
            momentOfTruth: step.isMomentOfTruth, emotion: step.emotion,
            failPoints: step.failPoints.map {
                DiagramPayload.FailPoint(description: $0.description, recoveryID: $0.recoveryID, recoveryLabel: $0.recoveryLabel)
            },
            evidence: step.evidence.map(\.label),
            promises: step.promises.map {
                DiagramPayload.PromiseOnStep(index: $0.index, description: $0.description, status: DiagramPayload.statusName($0.status),
                                             cost: shown($0.worstCost)!, within: shown($0.within)!,
                                             share: $0.shareText, target: $0.target,
                                             onWorstPath: $0.isOnWorstPath)
            })
    }
}
