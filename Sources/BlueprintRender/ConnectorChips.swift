import BlueprintLayout
import BlueprintModel
import GraphvizBridge

// Connectors: a link drawn as two short arrows and two chips (see `EdgeRouter`).
extension DiagramGraph {
    /// Room inside a chip around its text.
    static let chipPadding = 6.0
    /// The far step's label in a chip takes at most this many lines.
    static let chipLabelLines = 2

    /// The two chips of a connector: after the source, the flow's label and "→ target"; before the
    /// target, "source →". Each lies in its cell, against the short arrow it ends or starts, and is
    /// named `connector-N-start` or `connector-N-end` with its texts as `….1`. The flow's label stays
    /// the edge's own, as on any flow, placed in the first chip: its lines and centre are returned.
    func connectorChips(
        number: Int, route: EdgeRouter.Route, chips: (start: EdgeRouter.Chip, end: EdgeRouter.Chip), link: EdgeRouter.Link,
        label: String?, colour: GraphvizValue
    ) -> (nodes: [GraphvizNode], label: (lines: [String], centre: Point)?) {
        let steps = content.blueprint.steps
        // A chip stacked with another beside its step has room for one line of the flow's label.
        let labelBlock = label.map { flowLabel($0, lines: chips.start.isStacked ? 1 : nil) }
        let start = chip(
            named: "connector-\(number)-start", edgeLabel: labelBlock, text: farStep("→ " + steps[link.to].label),
            tooltip: "→ " + steps[link.to].label, colour: colour, chip: chips.start, at: route.points[route.points.count - 1])
        let end = chip(
            named: "connector-\(number)-end", edgeLabel: nil, text: farStep(steps[link.from].label + " →"),
            tooltip: steps[link.from].label + " →", colour: colour, chip: chips.end, at: route.connectorEnd![0])
        guard let labelBlock, let centre = start.edgeLabelCentre else { return (start.nodes + end.nodes, nil) }
        return (start.nodes + end.nodes, (labelBlock.lines, centre))
    }

    /// The flow's label in a chip, as wide as the chip allows, cut after `lines` lines if given.
    private func flowLabel(_ text: String, lines: Int?) -> TextBlock {
        guard let lines else {
            return TextBlock(wrapping: text, maxWidth: Spacing.boxWidth - 2 * Self.chipPadding, style: TextStyles.edgeLabel,
                             colour: theme.mutedText, wrapper: wrapper)
        }
        let cut = wrapper.lines(of: text, style: TextStyles.edgeLabel, maxWidth: Spacing.boxWidth - 2 * Self.chipPadding, limit: lines)
        return TextBlock(cut, style: TextStyles.edgeLabel, colour: theme.mutedText, wrapper: wrapper)
    }

    /// The far step's label in a chip, cut after `chipLabelLines` lines.
    private func farStep(_ text: String) -> TextBlock {
        let lines = wrapper.lines(
            of: text, style: TextStyles.stepLabel, maxWidth: Spacing.boxWidth - 2 * Self.chipPadding, limit: Self.chipLabelLines)
        return TextBlock(lines, style: TextStyles.stepLabel, colour: theme.text, wrapper: wrapper)
    }

    /// A dashed chip around `edgeLabel` (drawn by the edge) over `text`, against `end` (where its
    /// arrow meets it) and centred on it, kept inside its cell; and where the edge's label goes.
    private func chip(
        named name: String, edgeLabel: TextBlock?, text: TextBlock, tooltip: String, colour: GraphvizValue,
        chip: EdgeRouter.Chip, at end: Point
    ) -> (nodes: [GraphvizNode], edgeLabelCentre: Point?) {
        let padding = Self.chipPadding, cell = chip.cell
        let texts = (edgeLabel.map { [$0] } ?? []) + [text]
        let width = min(cell.width, (texts.map(\.nodeWidth).max() ?? 0) + 2 * padding)
        let height = texts.map(\.height).reduce(0, +) + 2 * padding
        func clamped(_ start: Double, _ length: Double, _ low: Double, _ high: Double) -> Double {
            min(max(start, low), max(low, high - length))
        }
        let left = switch chip.side {
        case .right: end.x
        case .left: end.x - width
        case .above, .below: clamped(end.x - width / 2, width, cell.minX, cell.maxX)
        }
        let top = switch chip.side {
        case .right, .left: clamped(end.y - height / 2, height, cell.minY, cell.maxY)
        case .below: end.y
        case .above: end.y - height
        }
        var nodes = [GraphvizNode(name, attributes: [
            "id": .literal(name), "class": "connector", "tooltip": .literal(tooltip),
            "style": "rounded,filled,dashed", "fillcolor": .raw(theme.background), "color": colour, "penwidth": "1",
            "width": inches(width), "height": inches(height), "label": "",
            "pos": position(left + width / 2, top + height / 2),
        ])]
        var y = top + padding
        let edgeLabelCentre = edgeLabel.map { label in Point(x: left + padding + label.width / 2, y: y + label.height / 2) }
        y += edgeLabel?.height ?? 0
        var attributes = text.nodeAttributes(pos: position(left + padding + text.nodeWidth / 2, y + text.height / 2), typeface: typeface)
        attributes["id"] = .literal("\(name).1")
        nodes.append(GraphvizNode("\(name).1", attributes: attributes))
        return (nodes, edgeLabelCentre)
    }
}
