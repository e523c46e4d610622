import BlueprintLanguage
import BlueprintModel
import GraphvizBridge

/// Turns a laid-out diagram into the graph Graphviz draws with layout `nop2`: every node pinned where
/// the layout put it, lane bands, phase columns and the three lines as clusters with pinned bounding
/// boxes (drawn behind the nodes), and the flows as edges routed by `EdgeRouter`, their curves given to
/// Graphviz to draw as they are.
///
/// The titles of lanes, phases and lines are nodes of their own rather than cluster labels: Graphviz
/// 2.43's `nop` layouts never free cluster labels, which leaked about 14 KB a render.
struct DiagramGraph {
    var content: DiagramContent
    var layout: DiagramLayout
    var sizes: MeasuredSizes
    var wrapper: TextWrapper
    /// The label markup of each step and each evidence item, made once for measuring and drawing.
    var stepMarkups: [String]
    var evidenceMarkups: [String]
    var titleBlockMarkup: String
    var legendMarkup: String
    var titles: WrappedTitles

    private var theme: RenderTheme { content.theme }
    private var blueprint: Blueprint { content.blueprint }

    func graph() -> GraphvizGraph {
        GraphvizGraph(
            name: "blueprint",
            attributes: [
                "notranslate": "true",
                // Edges never cross boxes (the router keeps to the free channels), but a label may reach over one.
                "outputorder": "nodesfirst",
                "bgcolor": .raw(theme.background),
                "pad": .raw(number(Spacing.pad / 72)),
                "fontname": .raw(pinnedFontFamily),
            ],
            nodeDefaults: ["shape": "plain", "fontname": .raw(pinnedFontFamily), "fontcolor": .raw(theme.text)],
            edgeDefaults: [
                "fontname": .raw(pinnedFontFamily), "fontsize": .raw(number(TextStyles.edgeLabel.size)),
                "fontcolor": .raw(theme.mutedText), "arrowsize": .raw(number(Self.arrowSize)), "penwidth": "1.2",
            ],
            nodes: nodes() + laneTitles() + phaseTitles() + lineTitles(),
            edges: edges(),
            subgraphs: lanes() + phases() + lines()
        )
    }

    // MARK: Nodes

    private func nodes() -> [GraphvizNode] {
        var nodes = [
            GraphvizNode("title", attributes: [
                "label": .html(titleBlockMarkup),
                "pos": position(layout.titleBlock.midX, layout.titleBlock.midY),
                "id": "title-block",
            ]),
            GraphvizNode("legend", attributes: [
                "label": .html(legendMarkup),
                "pos": position(layout.legend.midX, layout.legend.midY),
                "id": "legend",
            ]),
        ]
        for (index, step) in blueprint.steps.enumerated() {
            let centre = layout.stepCentres[index]
            let card = content.steps[index]
            var attributes = card.boxAttributes(height: layout.boxHeights[step.lane]!)
            attributes.merge([
                "label": .html(stepMarkups[index]),
                "pos": position(centre.x, centre.y),
                "id": .literal(Self.stepNode(step.id)),
                "class": .literal("step \(step.lane.rawValue)"),
                "tooltip": .literal(content.stepTooltips[index]),
            ])
            nodes.append(GraphvizNode(Self.stepNode(step.id), attributes: attributes))
        }
        for (index, item) in blueprint.evidence.enumerated() {
            let centre = layout.evidenceCentres[index]
            let card = content.evidence[index]
            var attributes = card.boxAttributes(height: layout.boxHeights[.evidence]!)
            attributes.merge([
                "label": .html(evidenceMarkups[index]),
                "pos": position(centre.x, centre.y),
                "id": .literal(Self.evidenceNode(item.id)),
                "class": "evidence",
                "tooltip": .literal(content.evidenceTooltips[index]),
            ])
            nodes.append(GraphvizNode(Self.evidenceNode(item.id), attributes: attributes))
        }
        return nodes
    }

    static func stepNode(_ id: String) -> String { "step-\(id)" }
    static func evidenceNode(_ id: String) -> String { "evidence-\(id)" }

    // MARK: Edges

    /// Graphviz's arrowheads are 10 points long at size 1.
    private static let arrowSize = 0.7
    private static var arrowLength: Double { 10 * arrowSize }

    private func edges() -> [GraphvizEdge] {
        var edges: [GraphvizEdge] = []
        for flow in blueprint.flows {
            var attributes: GraphvizAttributes = [:]
            switch flow.arrow {
            case .handOff:
                attributes["color"] = .raw(theme.handOffEdge)
            case .information:
                attributes["color"] = .raw(theme.informationEdge)
                attributes["style"] = "dashed"
            }
            attributes["class"] = flow.arrow == .handOff ? "flow hand-off" : "flow information"
            if let label = flow.label { attributes["label"] = edgeLabel(label, colour: theme.mutedText) }
            edges.append(GraphvizEdge(
                from: Self.stepNode(blueprint.steps[flow.from].id), to: Self.stepNode(blueprint.steps[flow.to].id),
                attributes: attributes))
        }
        for recovery in blueprint.recoveries {
            edges.append(GraphvizEdge(
                from: Self.stepNode(blueprint.steps[recovery.from].id), to: Self.stepNode(blueprint.steps[recovery.to].id),
                attributes: [
                    "color": .raw(theme.recoveryEdge), "style": "dotted",
                    "penwidth": "2", "arrowhead": "empty", "label": edgeLabel(content.recoveryLabel, colour: theme.recoveryEdge),
                    "class": "recovery",
                ]))
        }
        let links = blueprint.flows.map { EdgeRouter.Link(from: $0.from, to: $0.to) }
            + blueprint.recoveries.map { EdgeRouter.Link(from: $0.from, to: $0.to) }
        let labelSizes = blueprint.flows.map { $0.label.map(edgeLabelSize) }
            + blueprint.recoveries.map { _ in edgeLabelSize(content.recoveryLabel) }
        let routes = EdgeRouter(layout: layout, stepLanes: blueprint.steps.map(\.lane), links: links)
            .routes(labelSizes: labelSizes)
        for (index, route) in routes.enumerated() {
            // Graphviz's edge position: the arrowhead's tip, then the curve up to where the arrowhead begins.
            let tip = route.points[route.points.count - 1]
            let curve = route.bezierControlPoints(arrowLength: Self.arrowLength).map { graphvizPoint($0.x, $0.y) }
            edges[index].attributes["pos"] = .raw((["e," + graphvizPoint(tip.x, tip.y)] + curve).joined(separator: " "))
            if edges[index].attributes["label"] != nil {
                edges[index].attributes["lp"] = position(route.labelCentre.x, route.labelCentre.y, pinned: false)
            }
        }
        return edges
    }

    private func edgeLabelLines(_ text: String) -> [String] {
        wrapper.lines(of: text, style: TextStyles.edgeLabel, maxWidth: Spacing.edgeLabelWidth)
    }

    /// The drawn size of an edge label: its text, the cell padding and the table's border.
    private func edgeLabelSize(_ text: String) -> Size {
        let lines = edgeLabelLines(text)
        return Size(width: wrapper.width(of: lines, style: TextStyles.edgeLabel) + 4,
                    height: Double(lines.count) * TextStyles.edgeLabel.lineHeight + 4)
    }

    private func edgeLabel(_ text: String, colour: String) -> GraphvizValue {
        let lines = edgeLabelLines(text)
        return .html(HTML.grid(
            [HTML.row([HTML.cell(HTML.font(HTML.lines(lines), TextStyles.edgeLabel, colour: colour), extra: " CELLPADDING=\"1\"")])],
            extra: " STYLE=\"rounded\" BGCOLOR=\"\(theme.edgeLabelBackground)\""))
    }

    // MARK: Clusters

    /// Clusters inherit the root graph's attributes, so each one sets its own fill and style.
    private func cluster(_ name: String, id: String, box: Rect, attributes extra: GraphvizAttributes) -> GraphvizSubgraph {
        var attributes: GraphvizAttributes = [
            "id": .literal(id),
            "bb": .raw("\(number(box.minX)),\(number(layout.height - box.maxY)),\(number(box.maxX)),\(number(layout.height - box.minY))"),
            "bgcolor": "transparent",
        ]
        attributes.merge(extra)
        return GraphvizSubgraph(name, attributes: attributes)
    }

    private func lanes() -> [GraphvizSubgraph] {
        Lane.allCases.map { lane in
            cluster("cluster_lane_\(lane.rawValue)", id: "lane-\(lane.rawValue)", box: layout.lanes[lane]!, attributes: [
                "style": "filled", "fillcolor": .raw(theme.laneFill[lane]!), "color": .raw(theme.laneFill[lane]!),
                "penwidth": "0",
            ])
        }
    }

    private func phases() -> [GraphvizSubgraph] {
        layout.phaseColumns.enumerated().map { index, column in
            cluster("cluster_phase_\(index + 1)", id: "phase-\(index + 1)", box: column, attributes: [
                "style": "solid", "color": .raw(theme.phaseRule), "penwidth": "1",
            ])
        }
    }

    private func lines() -> [GraphvizSubgraph] {
        let titleColumn = layout.columns.titleColumn
        return BlueprintLine.allCases.map { line in
            let box = Rect(x: titleColumn.x, y: layout.lineY[line]!, width: layout.width - titleColumn.x, height: 0)
            return cluster("cluster_line_\(line.rawValue)", id: "line-\(line.rawValue)", box: box, attributes: [
                "style": "dashed", "color": .raw(theme.lineColour), "penwidth": "1.2",
            ])
        }
    }

    // MARK: Titles

    private func title(_ id: String, markup: String, x: Double, y: Double) -> GraphvizNode {
        GraphvizNode(id, attributes: ["label": .html(markup), "pos": position(x, y), "id": .literal(id)])
    }

    /// Each lane's title fills the title column beside its band.
    private func laneTitles() -> [GraphvizNode] {
        let titleColumn = layout.columns.titleColumn
        return Lane.allCases.map { lane in
            let band = layout.lanes[lane]!
            let markup = HTML.grid(
                [HTML.row([HTML.cell(
                    HTML.font(HTML.lines(titles.lanes[lane]!), TextStyles.laneTitle, colour: theme.laneTitleText),
                    extra: " VALIGN=\"TOP\" CELLPADDING=\"\(number(Spacing.laneTitleInset))\" "
                        + "WIDTH=\"\(number(titleColumn.width))\" HEIGHT=\"\(number(band.height))\"")])],
                extra: " BGCOLOR=\"\(theme.laneTitleFill)\"")
            return title("lane-\(lane.rawValue)-title", markup: markup, x: titleColumn.x + titleColumn.width / 2, y: band.midY)
        }
    }

    private func phaseTitles() -> [GraphvizNode] {
        layout.phaseColumns.enumerated().map { index, column in
            // One point narrower on each side, so neighbouring headers stay apart.
            let markup = HTML.grid(
                [HTML.row([HTML.cell(
                    HTML.font(HTML.lines(titles.phases[index]), TextStyles.phaseTitle, colour: theme.phaseHeaderText),
                    align: "CENTER",
                    extra: " WIDTH=\"\(number(column.width - 2))\" HEIGHT=\"\(number(layout.header.height - 2))\"")])],
                extra: " BGCOLOR=\"\(theme.phaseHeaderFill)\"")
            return title("phase-\(index + 1)-title", markup: markup, x: column.midX, y: layout.header.midY)
        }
    }

    /// Each line's title sits on the line at the left, over the lane titles.
    private func lineTitles() -> [GraphvizNode] {
        let titleColumn = layout.columns.titleColumn
        return BlueprintLine.allCases.map { line in
            let lines = titles.lines[line]!
            let width = wrapper.width(of: lines, style: TextStyles.lineTitle) + 6
            let markup = HTML.grid(
                [HTML.row([HTML.cell(HTML.font(HTML.lines(lines), TextStyles.lineTitle, colour: theme.mutedText),
                                     extra: " CELLPADDING=\"2\"")])],
                extra: " BGCOLOR=\"\(theme.laneTitleFill)\"")
            return title("line-\(line.rawValue)-title", markup: markup,
                         x: titleColumn.x + Spacing.laneTitleInset - 3 + width / 2, y: layout.lineY[line]!)
        }
    }

    /// A point in Graphviz coordinates (y up) from top-down layout coordinates; `!` pins a node.
    private func position(_ x: Double, _ y: Double, pinned: Bool = true) -> GraphvizValue {
        .raw(graphvizPoint(x, y) + (pinned ? "!" : ""))
    }

    private func graphvizPoint(_ x: Double, _ y: Double) -> String {
        "\(number(x)),\(number(layout.height - y))"
    }
}

extension GraphvizAttributes {
    /// Sets every attribute of `other`, replacing values already set.
    mutating func merge(_ other: GraphvizAttributes) {
        for (name, value) in other { self[name] = value }
    }
}
