import BlueprintLanguage

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
    /// Flows of the new blueprint added or changed.
    public var flows: [FlowEnds: Kind]
    /// Every change, in the order the list under the diagram shows them.
    public var list: [Entry]

    public init(steps: [String: Entry] = [:], evidence: [String: Entry] = [:], flows: [FlowEnds: Kind] = [:], list: [Entry] = []) {
        self.steps = steps
        self.evidence = evidence
        self.flows = flows
        self.list = list
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
