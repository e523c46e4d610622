import BlueprintLanguage
import BlueprintLayout
import BlueprintModel

/// A D2 grid: a header row of phases, then a row per lane (every lane, empty ones too) with its
/// title and a cell per phase holding the lane's steps of that phase, so lanes run the whole width
/// and phases are columns, as in our drawing. Flows are D2 connections between the cells' steps.
enum D2Export {
    static func text(_ input: ExportInput) -> String {
        let blueprint = input.document.blueprint
        let words = DiagramWords(blueprint)
        var lines: [String] = []
        if let title = blueprint.title {
            lines += ["title: \(quoted(title)) {", "  near: top-center", "  shape: text", "  style.font-size: 24", "}"]
        }
        lines += [
            "\(grid): \"\" {",
            // Rows first: D2 fills the cells in the direction of the one written first.
            "  grid-rows: \(Lane.allCases.count + 1)",
            "  grid-columns: \(blueprint.phases.count + 1)",
            "  grid-gap: 0",
            "  style.stroke: \"\(DiagramPalette.stepBorder)\"",
            "  corner: \"\" { style.opacity: 0 }",
        ]
        for (index, phase) in blueprint.phases.enumerated() {
            lines.append("  phase\(index): \(quoted(words.phaseTitle(phase))) {")
            lines.append("    style.fill: \"\(DiagramPalette.phaseHeaderFill)\"")
            lines.append("    style.font-color: \"\(DiagramPalette.phaseHeaderText)\"")
            lines.append("  }")
        }
        for lane in Lane.allCases {
            let fill = DiagramPalette.laneFill[lane] ?? DiagramPalette.stepFill
            lines.append("  \(lane.rawValue): \(quoted(blueprint.laneTitle(lane))) {")
            lines.append("    style.fill: \"\(DiagramPalette.laneTitleFill)\"")
            lines.append("  }")
            for (phaseIndex, phase) in blueprint.phases.enumerated() {
                lines.append("  \(cellID(lane, phaseIndex)): \"\" {")
                lines.append("    direction: right")
                lines.append("    style.fill: \"\(fill)\"")
                if lane == .evidence {
                    for (index, item) in blueprint.evidence.enumerated() where (item.phase ?? 0) == phaseIndex {
                        lines.append("    \(evidenceID(index)): \(quoted(item.label)) {")
                        lines.append("      style.fill: \"\(DiagramPalette.evidenceFill)\"")
                        lines.append("      style.stroke: \"\(DiagramPalette.evidenceBorder)\"")
                        lines.append("    }")
                    }
                } else {
                    for index in phase.steps where blueprint.steps[index].lane == lane {
                        let step = blueprint.steps[index]
                        let stepFill = step.lane == .customer ? step.emotion.map(DiagramPalette.emotionFill) ?? DiagramPalette.stepFill : DiagramPalette.stepFill
                        lines.append("    \(stepID(index)): \(quoted(([step.label] + words.markers(of: step, in: blueprint)).joined(separator: "\n"))) {")
                        lines.append("      style.fill: \"\(stepFill)\"")
                        lines.append("      style.stroke: \"\(DiagramPalette.stepBorder)\"")
                        lines.append("      style.border-radius: 8")
                        lines.append("    }")
                    }
                }
                lines.append("  }")
            }
        }
        lines.append("}")

        func path(ofStep index: Int) -> String { "\(grid).\(cellID(blueprint.steps[index].lane, blueprint.steps[index].phase)).\(stepID(index))" }
        for flow in blueprint.flows {
            let style = flow.arrow == .handOff ? "style.stroke: \"\(DiagramPalette.handOffEdge)\""
                : "style.stroke: \"\(DiagramPalette.informationEdge)\"; style.stroke-dash: 4"
            lines.append("\(path(ofStep: flow.from)) -> \(path(ofStep: flow.to))" + (flow.label.map { ": " + quoted($0) } ?? "") + " { \(style) }")
        }
        for recovery in blueprint.recoveries {
            let failure = blueprint.steps[recovery.from].failures.first { $0.recovery == recovery.to }
            lines.append("\(path(ofStep: recovery.from)) -> \(path(ofStep: recovery.to)): \(quoted("⚠ " + (failure?.description ?? words.text(.recovery))))"
                + " { style.stroke: \"\(DiagramPalette.recoveryEdge)\"; style.stroke-width: 3 }")
        }
        for (index, item) in blueprint.evidence.enumerated() {
            for step in item.shownBy {
                lines.append("\(grid).\(cellID(.evidence, item.phase ?? 0)).\(evidenceID(index)) -- \(path(ofStep: step)) { style.stroke: \"\(DiagramPalette.evidenceBorder)\"; style.stroke-dash: 2 }")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let grid = "blueprint"
    static func stepID(_ index: Int) -> String { "s\(index)" }
    static func evidenceID(_ index: Int) -> String { "e\(index)" }
    static func cellID(_ lane: Lane, _ phase: Int) -> String { "\(lane.rawValue)_p\(phase)" }

    /// A D2 double-quoted string: backslash escapes for what would end it, a line end, or `$`
    /// (which starts a substitution).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "$": result += "\\$"
            case "\n": result += "\\n"
            case "\r": break
            case "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
