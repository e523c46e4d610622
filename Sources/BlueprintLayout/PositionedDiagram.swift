import BlueprintLanguage
import BlueprintModel

/// The drawing as data: where every lane, line, phase, box and chip goes and how every link runs,
/// ready for a renderer to draw. Built from the slots and the measured sizes of the parts alone, so it
/// is computed and tested without Graphviz or a font.
package struct PositionedDiagram {
    package var layout: DiagramLayout
    /// The links' plans on `layout`: call `routes(labelSizes:)` for their routes and label places.
    package var router: EdgeRouter

    /// Lays the lanes out twice: the first layout tells how many arrows run along each corridor, and
    /// the second gives the lanes room for them, with the links going the way the first chose.
    package init(columns: ColumnLayout, slots: SlotAssignment, stepLanes: [Lane], sizes: MeasuredSizes, links: [EdgeRouter.Link],
                 bands: EdgeRouter.BandRule = .mayLeave) {
        let first = DiagramLayout(columns: columns, slots: slots, stepLanes: stepLanes, sizes: sizes)
        let firstRouter = EdgeRouter(layout: first, stepLanes: stepLanes, links: links, bands: bands)
        layout = DiagramLayout(
            columns: columns, slots: slots, stepLanes: stepLanes, sizes: sizes,
            corridorTracks: firstRouter.corridorTrackCounts())
        router = EdgeRouter(layout: layout, stepLanes: stepLanes, links: links, plans: firstRouter.plans, bands: bands)
    }

    /// What the router connects in a blueprint: every flow, then every recovery link.
    package static func links(of blueprint: Blueprint) -> [EdgeRouter.Link] {
        blueprint.flows.map { EdgeRouter.Link(from: $0.from, to: $0.to) }
            + blueprint.recoveries.map { EdgeRouter.Link(from: $0.from, to: $0.to) }
    }
}
