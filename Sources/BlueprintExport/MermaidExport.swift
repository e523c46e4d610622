import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import Foundation

/// A Mermaid flowchart, as GitHub renders inline in a ```` ```mermaid ```` block: left to right, so
/// the journey runs along the lanes as in our drawing, with a subgraph per lane in the blueprint's
/// order (Mermaid stacks them as bands, in an order of its own), each step's phase, label and markers
/// in its node, information flows dotted, recovery links thick and red, emotion as colour classes.
/// Mermaid cannot draw full-width lanes in a fixed order, phase columns or the three lines
/// (docs/EXPORTS.md).
enum MermaidExport {
    static func text(_ input: ExportInput) -> String {
        let blueprint = input.document.blueprint
        let words = DiagramWords(blueprint)
        var lines: [String] = []
        if let title = blueprint.title {
            // YAML front matter: a double-quoted scalar, escaped as YAML escapes.
            lines += ["---", "title: \"" + yamlEscaped(title) + "\"", "---"]
        }
        lines.append("flowchart LR")

        let lanes = Lane.allCases
        for lane in lanes {
            lines.append("  subgraph \(laneID(lane))[\"\(escaped(blueprint.laneTitle(lane)))\"]")
            lines.append("    direction LR")
            if lane == .evidence {
                for (index, item) in blueprint.evidence.enumerated() {
                    lines.append("    \(evidenceID(index))[\"\(label(phase: item.phase.map { blueprint.phases[$0] }, text: item.label, markers: [], words: words))\"]")
                }
            } else {
                for (index, step) in blueprint.steps.enumerated() where step.lane == lane {
                    let text = label(phase: blueprint.phases[step.phase], text: step.label, markers: words.markers(of: step, in: blueprint), words: words)
                    lines.append("    \(stepID(index))(\"\(text)\")")
                }
            }
            lines.append("  end")
        }
        for flow in blueprint.flows {
            let arrow = flow.arrow == .handOff ? "-->" : "-.->"
            let text = flow.label.map { "|\"\(escaped($0))\"|" } ?? ""
            lines.append("  \(stepID(flow.from)) \(arrow)\(text) \(stepID(flow.to))")
        }
        for recovery in blueprint.recoveries {
            let failure = blueprint.steps[recovery.from].failures.first { $0.recovery == recovery.to }
            let text = "⚠ " + (failure?.description ?? words.text(.recovery))
            lines.append("  \(stepID(recovery.from)) ==>|\"\(escaped(text))\"| \(stepID(recovery.to))")
        }
        for (index, item) in blueprint.evidence.enumerated() {
            for step in item.shownBy { lines.append("  \(evidenceID(index)) -.- \(stepID(step))") }
        }

        for lane in lanes {
            lines.append("  style \(laneID(lane)) fill:\(DiagramPalette.laneFill[lane] ?? DiagramPalette.stepFill),stroke:\(DiagramPalette.stepBorder)")
        }
        lines.append("  classDef step fill:\(DiagramPalette.stepFill),stroke:\(DiagramPalette.stepBorder),color:\(DiagramPalette.text)")
        lines.append("  classDef evidence fill:\(DiagramPalette.evidenceFill),stroke:\(DiagramPalette.evidenceBorder),color:\(DiagramPalette.text)")
        for emotion in -2...2 {
            lines.append("  classDef \(emotionClass(emotion)) fill:\(DiagramPalette.emotionFill(emotion)),stroke:\(DiagramPalette.stepBorder),color:\(DiagramPalette.text)")
        }
        if !blueprint.steps.isEmpty {
            lines.append("  class \(blueprint.steps.indices.map(stepID).joined(separator: ",")) step")
        }
        if !blueprint.evidence.isEmpty {
            lines.append("  class \(blueprint.evidence.indices.map(evidenceID).joined(separator: ",")) evidence")
        }
        for emotion in -2...2 {
            let steps = blueprint.steps.indices.filter { blueprint.steps[$0].lane == .customer && blueprint.steps[$0].emotion.map { min(max($0, -2), 2) } == emotion }
            if !steps.isEmpty { lines.append("  class \(steps.map(stepID).joined(separator: ",")) \(emotionClass(emotion))") }
        }
        if !blueprint.recoveries.isEmpty {
            // `linkStyle` counts links in the order written: the recovery links come after the flows.
            let recoveryLinks = blueprint.flows.count..<(blueprint.flows.count + blueprint.recoveries.count)
            lines.append("  linkStyle \(recoveryLinks.map(String.init).joined(separator: ",")) stroke:\(DiagramPalette.recoveryEdge),color:\(DiagramPalette.recoveryEdge)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Node ids are the step's place, not its id: a blueprint id may be a Mermaid keyword (`end`) or Chinese.
    static func stepID(_ index: Int) -> String { "s\(index)" }
    static func evidenceID(_ index: Int) -> String { "e\(index)" }
    static func laneID(_ lane: Lane) -> String { "lane_\(lane.rawValue)" }

    private static func emotionClass(_ emotion: Int) -> String { emotion < 0 ? "emotionMinus\(-emotion)" : "emotion\(emotion)" }

    /// The phase in italics over the label, then the markers.
    private static func label(phase: Phase?, text: String, markers: [String], words: DiagramWords) -> String {
        let phaseLine = phase.map(words.phaseTitle).flatMap { $0.isEmpty ? nil : "<i>" + escaped($0) + "</i>" }
        return ([phaseLine, "<b>" + escaped(text) + "</b>"].compactMap { $0 } + markers.map(escaped)).joined(separator: "<br/>")
    }

    /// Text inside a quoted Mermaid label: Mermaid's entity codes for what would end the string or
    /// read as HTML, backslashes before Markdown's marks, `<br/>` for line ends.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\"": result += "#quot;"
            case "#": result += "#35;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            // Mermaid reads labels as Markdown after it decodes its entity codes: a backslash keeps
            // these as written.
            case "\\", "*", "_", "~", "`", "[", "]", "-", "+", "!", "|": result += "\\" + String(character)
            case "\n", "\r\n": result += "<br/>"
            case "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func yamlEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\u{00}"..."\u{1F}": result += String(format: "\\x%02X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
