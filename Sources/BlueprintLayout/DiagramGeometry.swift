import BlueprintLanguage
import BlueprintModel

/// Where everything of a drawn blueprint goes, in points (1/72 inch) from the drawing's top-left
/// corner, y growing downwards: the public face of the layout stage. The exports that carry
/// positions (BPMN's diagram interchange, draw.io) read it, so they look like our diagram.
public struct DiagramGeometry: Hashable, Sendable {
    public struct Box: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
    }

    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double
    }

    public struct LaneBand: Hashable, Sendable {
        public var lane: Lane
        public var title: String
        public var box: Box
    }

    public struct PhaseColumn: Hashable, Sendable {
        public var title: String?
        public var box: Box
    }

    /// A step's or an evidence item's box, by id.
    public struct Item: Hashable, Sendable {
        public var id: String
        public var box: Box
    }

    public struct Link: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            /// `->`
            case handOff
            /// `..>`
            case information
            /// `fail … recover`
            case recovery
        }

        public var from: String
        public var to: String
        public var kind: Kind
        public var label: String?
        /// The polylines the link is drawn as, source to target: one, or two for a link drawn as a
        /// connector (from the source to its chip, and from the chip before the target into it).
        public var pieces: [[Point]]
        /// Where its label is centred.
        public var labelCentre: Point
    }

    public var width: Double
    public var height: Double
    /// Top to bottom, every lane, empty ones included.
    public var lanes: [LaneBand]
    /// The y of each line between the lanes.
    public var lines: [BlueprintLine: Double]
    public var phases: [PhaseColumn]
    /// In the order of `Blueprint.steps` and `Blueprint.evidence`.
    public var steps: [Item]
    public var evidence: [Item]
    /// Every flow, then every recovery link, in the order of `Blueprint.flows` and `Blueprint.recoveries`.
    public var links: [Link]
    public var titleBlock: Box
    public var legend: Box

    package init(layout: DiagramLayout, blueprint: Blueprint, routes: [EdgeRouter.Route], labels: [String?]) {
        width = layout.width
        height = layout.height
        lanes = Lane.allCases.compactMap { lane in
            layout.lanes[lane].map { LaneBand(lane: lane, title: blueprint.laneTitle(lane), box: Box($0)) }
        }
        lines = layout.lineY
        phases = layout.phaseColumns.enumerated().map { index, column in
            PhaseColumn(title: index < blueprint.phases.count ? blueprint.phases[index].title : nil, box: Box(column))
        }
        func item(_ id: String, centre: BlueprintLayout.Point, lane: Lane) -> Item {
            let height = layout.boxHeights[lane] ?? 0
            return Item(id: id, box: Box(x: centre.x - Spacing.boxWidth / 2, y: centre.y - height / 2, width: Spacing.boxWidth, height: height))
        }
        steps = zip(blueprint.steps, layout.stepCentres).map { item($0.id, centre: $1, lane: $0.lane) }
        evidence = zip(blueprint.evidence, layout.evidenceCentres).map { item($0.id, centre: $1, lane: .evidence) }
        let ends = blueprint.flows.map { ($0.from, $0.to, $0.arrow == .handOff ? Link.Kind.handOff : .information) }
            + blueprint.recoveries.map { ($0.from, $0.to, Link.Kind.recovery) }
        links = zip(ends, zip(routes, labels)).map { end, drawn in
            Link(from: blueprint.steps[end.0].id, to: blueprint.steps[end.1].id, kind: end.2, label: drawn.1,
                 pieces: drawn.0.pieces.map { $0.map { Point(x: $0.x, y: $0.y) } },
                 labelCentre: Point(x: drawn.0.labelCentre.x, y: drawn.0.labelCentre.y))
        }
        titleBlock = Box(layout.titleBlock)
        legend = Box(layout.legend)
    }
}

extension DiagramGeometry.Box {
    init(_ rect: Rect) {
        self.init(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
    }
}
