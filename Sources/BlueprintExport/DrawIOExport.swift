import BlueprintEncoding
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel

/// A draw.io file (uncompressed mxGraph XML) placed by our layout: each lane a swimlane container
/// holding its steps (rounded boxes in our colours, label and markers as text), a header row of
/// phases, every flow, recovery link and evidence link an edge bound to its source and target.
enum DrawIOExport {
    static func text(_ input: ExportInput) -> String {
        guard let geometry = input.geometry else { preconditionFailure("the draw.io export needs the layout (ExportFormat.needsGeometry)") }
        let blueprint = input.document.blueprint
        let words = DiagramWords(blueprint)
        // A lane's title strip, at its left (draw.io's `startSize` of a horizontal swimlane).
        let titleStrip = 30.0
        // The header row sits above the top lane; the drawing is shifted down to make room when needed.
        let headerHeight = 30.0
        let top = geometry.lanes.map(\.box.y).min() ?? 0
        let shift = max(0, headerHeight - top)
        let left = geometry.lanes.map(\.box.x).min() ?? 0

        var cells: [String] = ["<mxCell id=\"0\" />", "<mxCell id=\"1\" parent=\"0\" />"]
        for (index, column) in geometry.phases.enumerated() {
            let style = "rounded=0;whiteSpace=wrap;html=0;fillColor=\(DiagramPalette.phaseHeaderFill);fontColor=\(DiagramPalette.phaseHeaderText);strokeColor=none;fontStyle=1;"
            cells.append(vertex("phase-\(index + 1)", value: column.title ?? "", style: style, parent: "1",
                                x: column.box.x, y: top + shift - headerHeight, width: column.box.width, height: headerHeight))
        }
        var laneOfStep: [Lane: DiagramGeometry.Box] = [:]
        for band in geometry.lanes {
            laneOfStep[band.lane] = band.box
            let style = "swimlane;horizontal=0;startSize=\(Int(titleStrip));fillColor=\(DiagramPalette.laneTitleFill);"
                + "swimlaneFillColor=\(DiagramPalette.laneFill[band.lane] ?? DiagramPalette.stepFill);strokeColor=\(DiagramPalette.stepBorder);html=0;"
            cells.append(vertex("lane-\(band.lane.rawValue)", value: band.title, style: style, parent: "1",
                                x: band.box.x - titleStrip, y: band.box.y + shift, width: band.box.width + titleStrip, height: band.box.height))
        }
        // Children are placed relative to their lane.
        func child(_ box: DiagramGeometry.Box, in lane: Lane) -> (x: Double, y: Double) {
            let band = laneOfStep[lane]!
            return (box.x - band.x + titleStrip, box.y - band.y)
        }
        for (index, step) in blueprint.steps.enumerated() {
            let box = geometry.steps[index].box, place = child(box, in: step.lane)
            let fill = step.lane == .customer ? step.emotion.map(DiagramPalette.emotionFill) ?? DiagramPalette.stepFill : DiagramPalette.stepFill
            let style = "rounded=1;whiteSpace=wrap;html=0;fillColor=\(fill);strokeColor=\(DiagramPalette.stepBorder);fontColor=\(DiagramPalette.text);"
                + (step.isMomentOfTruth ? "strokeWidth=2;" : "")
            let value = ([step.label] + words.markers(of: step, in: blueprint)).joined(separator: "\n")
            cells.append(vertex("step-\(index + 1)", value: value, style: style, parent: "lane-\(step.lane.rawValue)",
                                x: place.x, y: place.y, width: box.width, height: box.height))
        }
        for (index, item) in blueprint.evidence.enumerated() {
            let box = geometry.evidence[index].box, place = child(box, in: .evidence)
            let style = "rounded=0;whiteSpace=wrap;html=0;fillColor=\(DiagramPalette.evidenceFill);strokeColor=\(DiagramPalette.evidenceBorder);fontColor=\(DiagramPalette.text);"
            cells.append(vertex("evidence-\(index + 1)", value: item.label, style: style, parent: "lane-evidence",
                                x: place.x, y: place.y, width: box.width, height: box.height))
        }
        for (index, link) in geometry.links.enumerated() {
            let (from, to) = index < blueprint.flows.count ? (blueprint.flows[index].from, blueprint.flows[index].to)
                : (blueprint.recoveries[index - blueprint.flows.count].from, blueprint.recoveries[index - blueprint.flows.count].to)
            var style = "edgeStyle=none;html=0;rounded=0;endArrow=block;endFill=1;"
            var value = link.label ?? ""
            switch link.kind {
            case .handOff: style += "strokeColor=\(DiagramPalette.handOffEdge);"
            case .information: style += "strokeColor=\(DiagramPalette.informationEdge);dashed=1;"
            case .recovery:
                style += "strokeColor=\(DiagramPalette.recoveryEdge);strokeWidth=2;"
                let failure = blueprint.steps[from].failures.first { $0.recovery == to }
                value = "⚠ " + (failure?.description ?? words.text(.recovery))
            }
            // The route between the ends, without the points on the boxes (draw.io docks there itself).
            let points = link.pieces.joined().dropFirst().dropLast().map { "<mxPoint x=\"\(number($0.x))\" y=\"\(number($0.y + shift))\" />" }
            cells.append(edge("link-\(index + 1)", value: value, style: style, source: "step-\(from + 1)", target: "step-\(to + 1)", points: Array(points)))
        }
        var shown = 0
        for (index, item) in blueprint.evidence.enumerated() {
            for step in item.shownBy {
                shown += 1
                // A small open circle at the evidence end: a line with no arrow at all reads as a divider.
                let style = "edgeStyle=none;html=0;dashed=1;dashPattern=1 3;endArrow=oval;endFill=0;endSize=5;strokeColor=\(DiagramPalette.evidenceBorder);"
                cells.append(edge("shows-\(shown)", value: "", style: style, source: "step-\(step + 1)", target: "evidence-\(index + 1)", points: []))
            }
        }

        var xml = XMLText.declaration
        xml += "<mxfile host=\"blueprint\" type=\"device\">\n"
        xml += "  <diagram id=\"blueprint\" name=\(attribute(blueprint.title ?? "Blueprint"))>\n"
        xml += "    <mxGraphModel dx=\"0\" dy=\"0\" grid=\"0\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" fold=\"1\" page=\"0\" "
            + "pageScale=\"1\" pageWidth=\"\(number(geometry.width - left + titleStrip))\" pageHeight=\"\(number(geometry.height + shift))\" math=\"0\" shadow=\"0\">\n"
        xml += "      <root>\n"
        xml += cells.map { "        " + $0 + "\n" }.joined()
        xml += "      </root>\n"
        xml += "    </mxGraphModel>\n"
        xml += "  </diagram>\n"
        xml += "</mxfile>\n"
        return xml
    }

    private static func vertex(_ id: String, value: String, style: String, parent: String, x: Double, y: Double, width: Double, height: Double) -> String {
        "<mxCell id=\"\(id)\" value=\(attribute(value)) style=\(attribute(style)) vertex=\"1\" parent=\"\(parent)\">"
            + "<mxGeometry x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" as=\"geometry\" /></mxCell>"
    }

    private static func edge(_ id: String, value: String, style: String, source: String, target: String, points: [String]) -> String {
        "<mxCell id=\"\(id)\" value=\(attribute(value)) style=\(attribute(style)) edge=\"1\" parent=\"1\" source=\"\(source)\" target=\"\(target)\">"
            + "<mxGeometry relative=\"1\" as=\"geometry\">" + (points.isEmpty ? "" : "<Array as=\"points\">" + points.joined() + "</Array>")
            + "</mxGeometry></mxCell>"
    }

    private static func attribute(_ text: String) -> String { "\"" + XMLText.escaped(text) + "\"" }
}
