import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import GraphvizBridge

/// Turns a laid-out diagram into the graph Graphviz draws with layout `nop2`: every node pinned where
/// the layout put it, lane bands, phase columns and the three lines as clusters with pinned bounding
/// boxes (drawn behind the nodes), and the flows as edges routed by `EdgeRouter`, their curves given to
/// Graphviz to draw as they are.
///
/// The titles of lanes, phases and lines are nodes of their own rather than cluster labels: Graphviz
/// 2.43's `nop` layouts never free cluster labels, which leaked about 14 KB a render.
///
/// Every text is a plain label (see `TextBlock`); captions, badges and the parts of the title block
/// and legend are nodes placed over the boxes and bands they belong to.
struct DiagramGraph {
    var content: DiagramContent
    var diagram: PositionedDiagram
    var layout: DiagramLayout { diagram.layout }
    var wrapper: TextWrapper
    var steps: [Card.Wrapped]
    var evidence: [Card.Wrapped]
    var titleBlock: Arrangement
    var legend: Arrangement
    var notes: Arrangement?
    var titles: WrappedTitles

    var theme: RenderTheme { content.theme }
    var typeface: Typeface { content.typeface }
    private var blueprint: Blueprint { content.blueprint }

    func graph() -> GraphvizGraph {
        let nodeDefaults = nodeDefaults
        let drawn = edgesAndChips()
        return GraphvizGraph(
            name: "blueprint",
            attributes: [
                "notranslate": "true",
                // Edges never cross boxes (the router keeps to the free channels), but a label may reach over one.
                "outputorder": "nodesfirst",
                "bgcolor": .raw(theme.background),
                "pad": .raw(number(Spacing.pad / 72)),
                "fontname": .raw(typeface.family),
            ],
            nodeDefaults: nodeDefaults,
            edgeDefaults: [
                "fontname": .raw(typeface.family), "fontsize": .raw(number(TextStyles.edgeLabel.size)),
                "fontcolor": .raw(theme.mutedText), "arrowsize": .raw(number(Self.arrowSize)), "penwidth": "1.2",
            ],
            nodes: (nodes() + drawn.chips + laneTitles() + phaseTitles() + lineTitles()).map { node in
                // Without what the defaults already say: a diagram has thousands of nodes, and every
                // attribute is written, parsed and stored.
                var trimmed = node
                trimmed.attributes.removeValues(givenBy: nodeDefaults)
                return trimmed
            },
            edges: drawn.edges,
            subgraphs: lanes() + phases() + lines()
        )
    }

    // MARK: Nodes

    /// What most nodes share, set once for the graph.
    private var nodeDefaults: GraphvizAttributes {
        [
            "shape": "box", "fixedsize": "true", "margin": "0",
            "fontname": .raw(typeface.family), "fontsize": .raw(number(TextStyles.badge.size)), "fontcolor": .raw(theme.text),
        ]
    }

    private func nodes() -> [GraphvizNode] {
        var nodes: [GraphvizNode] = []
        nodes.reserveCapacity(2 * (steps.count + evidence.count))
        addMarks(titleBlock.marks, at: layout.titleBlock, named: "title-block", to: &nodes)
        if content.titleBlock.draftMark != nil {
            // The title block's last mark: an id of its own, for a page or a test to find.
            nodes[nodes.count - 1].attributes.merge(["id": .literal(DraftMarks.markID), "class": .literal("badge " + DraftMarks.markID)])
        }
        addMarks(legend.marks, at: layout.legend, named: "legend", to: &nodes)
        if let notes, let box = layout.notes { addMarks(notes.marks, at: box, named: "notes", to: &nodes) }
        for (index, step) in blueprint.steps.enumerated() {
            let name = Self.stepNode(step.id)
            let height = layout.boxHeights[step.lane]!
            let centre = layout.stepCentres[index]
            var attributes = steps[index].boxAttributes(height: height, pos: position(centre.x, centre.y), typeface: typeface)
            attributes.merge([
                "id": .literal(name),
                "class": .literal((steps[index].card.isChip ? "chip " : "step ") + step.lane.rawValue
                    + Self.changeClass(steps[index].card.isGhost ? .removed : content.changes?.steps[step.id]?.kind)
                    + (steps[index].card.hasErrors ? " " + DraftMarks.stepClass : "")),
                "tooltip": .literal(content.stepTooltips[index]),
            ])
            nodes.append(GraphvizNode(name, attributes: attributes))
            let box = Rect(x: centre.x - Spacing.boxWidth / 2, y: centre.y - height / 2, width: Spacing.boxWidth, height: height)
            addMarks(steps[index].marks, at: box, named: name, to: &nodes)
        }
        for (index, item) in blueprint.evidence.enumerated() {
            let name = Self.evidenceNode(item.id)
            let height = layout.boxHeights[.evidence]!
            let centre = layout.evidenceCentres[index]
            var attributes = evidence[index].boxAttributes(height: height, pos: position(centre.x, centre.y), typeface: typeface)
            attributes.merge([
                "id": .literal(name),
                "class": .raw("evidence" + Self.changeClass(content.changes?.evidence[item.id]?.kind)),
                "tooltip": .literal(content.evidenceTooltips[index]),
            ])
            nodes.append(GraphvizNode(name, attributes: attributes))
            let box = Rect(x: centre.x - Spacing.boxWidth / 2, y: centre.y - height / 2, width: Spacing.boxWidth, height: height)
            addMarks(evidence[index].marks, at: box, named: name, to: &nodes)
        }
        return nodes
    }

    /// A node for each mark, placed relative to the top-left corner of `frame` and named after its
    /// owner: `owner.1`, `owner.2`, … (a `.` cannot occur in an id of the language).
    private func addMarks(_ marks: [Mark], at frame: Rect, named owner: String, to nodes: inout [GraphvizNode]) {
        for (index, mark) in marks.enumerated() {
            let name = "\(owner).\(index + 1)"
            var attributes: GraphvizAttributes
            switch mark {
            case .text(let block, let at):
                attributes = block.nodeAttributes(
                    pos: position(frame.x + at.x + block.nodeWidth / 2, frame.y + at.y + block.height / 2), typeface: typeface)
            case .badge(let badge, let at):
                attributes = badge.nodeAttributes(
                    pos: position(frame.x + at.x + badge.width / 2, frame.y + at.y + badge.height / 2), typeface: typeface)
                attributes["class"] = badge.badge.role.map { .literal("badge " + $0) } ?? "badge"
            }
            attributes["id"] = .literal(name)
            nodes.append(GraphvizNode(name, attributes: attributes))
        }
    }

    /// ` added` or ` changed` after a marked node's or edge's class, so a page can style or find them.
    static func changeClass(_ kind: ChangeMarks.Kind?) -> String {
        switch kind {
        case .added: " added"
        case .changed: " changed"
        case .removed: " removed"
        case nil: ""
        }
    }

    static func stepNode(_ id: String) -> String { "step-\(id)" }
    static func evidenceNode(_ id: String) -> String { "evidence-\(id)" }

    // MARK: Edges

    /// Graphviz's arrowheads are 10 points long at size 1.
    private static let arrowSize = Routing.arrowLength / 10

    /// The label drawn on a flow. A chain `a -> b -> c : "…"` gives each of its flows the label; it
    /// is drawn once, on the chain's first flow, since the same words twice read as two messages.
    /// A chain's flows come one after the other, from one line.
    func chainLabel(ofFlow index: Int) -> String? {
        let flows = blueprint.flows
        guard let label = flows[index].label else { return nil }
        let continuesAChain = index > 0 && flows[index - 1].fromRange.start.line == flows[index].fromRange.start.line
            && flows[index - 1].label == label
        return continuesAChain ? nil : label
    }

    /// Each link's label wrapped once, for the route to make room for it and for Graphviz to draw.
    /// Recovery links have none: their dotted line and hollow head say what they are (see the legend),
    /// and the same word on each of them read as clutter.
    private func wrappedLabels() -> [TextBlock?] {
        blueprint.flows.indices.map { chainLabel(ofFlow: $0).map(edgeLabel) } + blueprint.recoveries.map { _ in nil }
    }

    /// The room each label keeps: its text and 2 points around it.
    private static func labelSizes(_ labels: [TextBlock?]) -> [Size?] {
        labels.map { $0.map { Size(width: $0.width + 4, height: $0.height + 4) } }
    }

    /// Where everything goes, as the drawing places it.
    func geometry() -> DiagramGeometry {
        let routes = diagram.router.routes(labelSizes: Self.labelSizes(wrappedLabels()))
        return DiagramGeometry(layout: layout, blueprint: blueprint, routes: routes,
                               labels: blueprint.flows.map(\.label) + blueprint.recoveries.map { _ in nil })
    }

    /// The edges, and the chips of those drawn as connectors.
    private func edgesAndChips() -> (edges: [GraphvizEdge], chips: [GraphvizNode]) {
        let labels = wrappedLabels()
        let router = diagram.router, links = router.links, connectors = router.chips
        let connectorLinks = Set(connectors.map(\.link))
        func linkClass(_ kind: String, _ index: Int) -> GraphvizValue {
            .raw(connectorLinks.contains(index) ? kind + " connector" : kind)
        }
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
            let change = content.changes?.flows[ChangeMarks.FlowEnds(from: blueprint.steps[flow.from].id, to: blueprint.steps[flow.to].id,
                                                                      arrow: flow.arrow)]
            if let change {
                attributes["color"] = .raw(theme.changeBadge(change).fill)
                if change == .removed { attributes["style"] = "dashed" } else { attributes["penwidth"] = "2.5" }
            }
            attributes["class"] = linkClass((flow.arrow == .handOff ? "flow hand-off" : "flow information") + Self.changeClass(change), edges.count)
            if let label = labels[edges.count] { attributes["label"] = .plainLabel(label.lines, alignment: .centre) }
            edges.append(GraphvizEdge(
                from: Self.stepNode(blueprint.steps[flow.from].id), to: Self.stepNode(blueprint.steps[flow.to].id),
                attributes: attributes))
        }
        for recovery in blueprint.recoveries {
            edges.append(GraphvizEdge(
                from: Self.stepNode(blueprint.steps[recovery.from].id), to: Self.stepNode(blueprint.steps[recovery.to].id),
                attributes: [
                    "color": .raw(theme.recoveryEdge), "style": "dotted", "penwidth": "2", "arrowhead": "empty",
                    "class": linkClass("recovery", edges.count),
                ]))
        }
        let labelSizes = Self.labelSizes(labels)
        let routes = router.routes(labelSizes: labelSizes)
        var chips: [GraphvizNode] = []
        for (number, chip) in connectors.enumerated() {
            let drawn = connectorChips(
                number: number + 1, route: routes[chip.link], chips: (chip.start, chip.end), link: links[chip.link],
                label: chip.link < blueprint.flows.count ? chainLabel(ofFlow: chip.link) : nil,
                colour: edges[chip.link].attributes["color"] ?? .raw(theme.handOffEdge))
            chips += drawn.nodes
            // The label, wrapped to the chip's width, stays the edge's own and is drawn in the chip.
            edges[chip.link].attributes["label"] = drawn.label.map { .plainLabel($0.lines, alignment: .centre) }
            if let centre = drawn.label?.centre { edges[chip.link].attributes["lp"] = position(centre.x, centre.y, pinned: false) }
        }
        for (index, route) in routes.enumerated() {
            // Graphviz's edge position: curves separated by `;`, the last starting with the arrowhead's tip.
            let tip = route.tip
            // A connector's label is in its chip, already placed.
            let labelBox = route.connectorEnd != nil ? nil : labelSizes[index].map { size in
                Rect(x: route.labelCentre.x - size.width / 2, y: route.labelCentre.y - size.height / 2,
                     width: size.width, height: size.height)
            }
            var pieces = route.bezierPieces(label: labelBox)
                .map { $0.map { graphvizPoint($0.x, $0.y) }.joined(separator: " ") }
            pieces[pieces.count - 1] = "e," + graphvizPoint(tip.x, tip.y) + " " + pieces[pieces.count - 1]
            edges[index].attributes["pos"] = .raw(pieces.joined(separator: ";"))
            if labelBox != nil {
                edges[index].attributes["lp"] = position(route.labelCentre.x, route.labelCentre.y, pinned: false)
            }
        }
        return (edges, chips)
    }

    private func edgeLabel(_ text: String) -> TextBlock {
        TextBlock(wrapping: text, maxWidth: Spacing.edgeLabelWidth, style: TextStyles.edgeLabel, colour: theme.mutedText,
                  wrapper: wrapper)
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
                "style": .raw(theme.lineStyle), "color": .raw(theme.lineColour), "penwidth": "1.2",
            ])
        }
    }

    // MARK: Titles

    /// A filled box without border, centred at (`x`, `y`), with `lines` drawn in `style`.
    private func title(
        _ id: String, _ lines: [String], style: TextStyle, colour: String, fill: String,
        width: Double, height: Double, x: Double, y: Double, alignment: GraphvizValue.LineAlignment
    ) -> GraphvizNode {
        GraphvizNode(id, attributes: [
            "shape": "box", "style": "filled", "fillcolor": .raw(fill), "color": .raw(fill), "penwidth": "0",
            "fixedsize": "true", "width": inches(width), "height": inches(height), "margin": "0",
            "label": .plainLabel(lines, alignment: alignment),
            "fontname": .raw(typeface.fontName(of: style)), "fontsize": .raw(number(style.size)), "fontcolor": .raw(colour),
            "pos": position(x, y), "id": .literal(id),
        ])
    }

    /// Each lane's title fills the title column beside its band, its text at the top left.
    private func laneTitles() -> [GraphvizNode] {
        let titleColumn = layout.columns.titleColumn
        let style = TextStyles.laneTitle
        // Empty lines push the text down from the top edge, where Graphviz puts a top-aligned label.
        let leadingEmptyLines = Int((Spacing.laneTitleInset / style.emptyLineHeight).rounded(.up))
        return Lane.allCases.map { lane in
            let band = layout.lanes[lane]!
            var node = title(
                "lane-\(lane.rawValue)-title", Array(repeating: "", count: leadingEmptyLines) + titles.lanes[lane]!,
                style: style, colour: theme.laneTitleText, fill: theme.laneTitleFill,
                width: titleColumn.width, height: band.height, x: titleColumn.x + titleColumn.width / 2, y: band.midY,
                alignment: .left)
            node.attributes["labelloc"] = "t"
            node.attributes["margin"] = inches(Spacing.laneTitleInset)
            return node
        }
    }

    /// One point narrower than their columns on each side, so neighbouring headers stay apart.
    private func phaseTitles() -> [GraphvizNode] {
        layout.phaseColumns.enumerated().map { index, column in
            title("phase-\(index + 1)-title", titles.phases[index], style: TextStyles.phaseTitle,
                  colour: theme.phaseHeaderText, fill: theme.phaseHeaderFill,
                  width: column.width - 2, height: layout.header.height - 2, x: column.midX, y: layout.header.midY,
                  alignment: .centre)
        }
    }

    /// Each line's title sits on the line at the left, over the lane titles.
    private func lineTitles() -> [GraphvizNode] {
        let titleColumn = layout.columns.titleColumn
        let style = TextStyles.lineTitle
        return BlueprintLine.allCases.map { line in
            let lines = titles.lines[line]!
            let width = (wrapper.width(of: lines, style: style) + 6).rounded(.up)
            // The last line sits on the line, the others above it, clear of the title of the lane below.
            let centreY = layout.lineY[line]! - Double(lines.count - 1) * style.lineHeight / 2
            return title("line-\(line.rawValue)-title", lines, style: style, colour: theme.mutedText, fill: theme.laneTitleFill,
                         width: width, height: Double(lines.count) * style.lineHeight + 4,
                         x: titleColumn.x + Spacing.laneTitleInset - 3 + width / 2, y: centreY,
                         alignment: .centre)
        }
    }

    /// A point in Graphviz coordinates (y up) from top-down layout coordinates; `!` pins a node.
    func position(_ x: Double, _ y: Double, pinned: Bool = true) -> GraphvizValue {
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
