import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// What a compare drawing (`blueprint render --compare OLD NEW`) marks on the new blueprint: steps
/// and evidence items added (green) or changed (amber, what changed in the tooltip), flows added,
/// and every change in words for the list under the diagram, where removed steps and flows, which
/// have no place in the new drawing, are listed. Data for the renderer: the comparison is made
/// elsewhere, and without marks nothing of the drawing changes.
public struct ChangeMarks: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case added, changed, removed
    }

    /// One change in words, in the blueprint's language.
    public struct Entry: Sendable, Hashable {
        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// A flow of the new blueprint by its ends' ids and its arrow.
    public struct FlowEnds: Sendable, Hashable {
        public var from: String
        public var to: String
        public var arrow: FlowArrow

        public init(from: String, to: String, arrow: FlowArrow) {
            self.from = from
            self.to = to
            self.arrow = arrow
        }
    }

    /// Steps of the new blueprint by id, added or changed, with what changed.
    public var steps: [String: Entry]
    /// Evidence items of the new blueprint by id, added or changed.
    public var evidence: [String: Entry]
    /// Flows of the new blueprint added or changed, and removed ones (drawn faint where both their
    /// ends are drawn).
    public var flows: [FlowEnds: Kind]
    /// The labels of removed flows, to draw them as they were.
    public var removedFlowLabels: [FlowEnds: String]
    /// Steps removed, drawn faint where they were: in their lane, in the phase of that title.
    public var removedSteps: [RemovedStep]
    /// Every change, in the order the list under the diagram shows them.
    public var list: [Entry]

    /// A step the new blueprint no longer has, and where it was.
    public struct RemovedStep: Sendable, Hashable {
        public var id: String
        public var lane: Lane
        public var label: String
        /// The title of its phase in the new blueprint ("" for the unnamed first phase); nil when
        /// that phase is gone too, and the step can only be listed.
        public var phase: String?

        public init(id: String, lane: Lane, label: String, phase: String?) {
            self.id = id
            self.lane = lane
            self.label = label
            self.phase = phase
        }
    }

    public init(steps: [String: Entry] = [:], evidence: [String: Entry] = [:], flows: [FlowEnds: Kind] = [:],
                removedFlowLabels: [FlowEnds: String] = [:], removedSteps: [RemovedStep] = [], list: [Entry] = []) {
        self.steps = steps
        self.evidence = evidence
        self.flows = flows
        self.removedFlowLabels = removedFlowLabels
        self.removedSteps = removedSteps
        self.list = list
    }

    /// Whether a step of a drawn blueprint is one of the removed ones put back as a ghost.
    func isRemoved(_ id: String) -> Bool {
        steps[id] == nil && removedSteps.contains { $0.id == id }
    }
}

extension Blueprint {
    /// This blueprint with the steps and flows `changes` removed put back where they were, to be
    /// drawn faint; a step whose phase is gone, or a flow whose end is not drawn, stays out (the
    /// list under the diagram names it).
    func withRemovedSteps(of changes: ChangeMarks?) -> Blueprint {
        guard let changes, !changes.removedSteps.isEmpty || changes.flows.values.contains(.removed) else { return self }
        var copy = self
        for removed in changes.removedSteps where copy.symbols[removed.id] == nil {
            guard let phase = copy.phases.firstIndex(where: { ($0.title ?? "") == removed.phase }) else { continue }
            // Drawn where the phase's first step is: a ghost has no place in the file.
            let range = copy.phases[phase].steps.first.map { copy.steps[$0].idRange } ?? SourceRange(start: .fileStart, end: .fileStart)
            copy.symbols[removed.id] = .step(copy.steps.count)
            copy.phases[phase].steps.append(copy.steps.count)
            copy.steps.append(Step(id: removed.id, lane: removed.lane, label: removed.label, phase: phase, idRange: range))
        }
        for (ends, kind) in changes.flows.sorted(by: { ($0.key.from, $0.key.to, $0.key.arrow.rawValue) < ($1.key.from, $1.key.to, $1.key.arrow.rawValue) })
        where kind == .removed {
            guard let from = copy.step(named: ends.from), let to = copy.step(named: ends.to),
                  case .step(let fromIndex) = copy.symbols[from.id], case .step(let toIndex) = copy.symbols[to.id] else { continue }
            copy.flows.append(Flow(from: fromIndex, to: toIndex, arrow: ends.arrow, label: changes.removedFlowLabels[ends], fromRange: from.idRange))
        }
        return copy
    }
}

extension RenderTheme {
    /// The colour of an added mark, of a changed one, and of a removed one in the list: green, amber
    /// and grey on screen; in print, black, white with a black border and grey, the badge's word
    /// saying which.
    func changeBadge(_ kind: ChangeMarks.Kind) -> Badge {
        switch (kind, name) {
        case (.added, "print"): Badge(fill: "#000000", text: "#FFFFFF")
        case (.added, "dark"): Badge(fill: "#3FA34D", text: "#0F1A10")
        case (.added, _): Badge(fill: "#2E7D32", text: "#FFFFFF")
        case (.changed, "print"): Badge(fill: "#FFFFFF", text: "#000000", border: "#000000")
        case (.changed, "dark"): Badge(fill: "#F0A830", text: "#1A1200")
        case (.changed, _): Badge(fill: "#E69500", text: "#2B1B00")
        case (.removed, _): Badge(fill: mutedText, text: background)
        }
    }
}
