import BlueprintLanguage
import BlueprintLayout
import BlueprintModel

/// A PlantUML diagram of nested rectangles: one rectangle per lane, top to bottom (hidden links keep
/// the order), holding a rectangle per phase, which holds that phase's steps. Not an activity
/// diagram with swimlanes: those need structured control flow (no jump back to an earlier step, as
/// a recovery link or a loop makes) and draw lanes as columns (docs/EXPORTS.md).
enum PlantUMLExport {
    static func text(_ input: ExportInput) -> String {
        let blueprint = input.document.blueprint
        let words = DiagramWords(blueprint)
        var lines = [
            "@startuml",
            "skinparam defaultFontName \"Noto Sans CJK SC\"",
            "skinparam shadowing false",
            "skinparam rectangle {",
            "  RoundCorner 12",
            "  BorderColor \(DiagramPalette.stepBorder)",
            "  FontColor \(DiagramPalette.text)",
            "}",
            "skinparam ArrowColor \(DiagramPalette.handOffEdge)",
        ]
        if let title = blueprint.title { lines.append("title " + escaped(title)) }

        for lane in Lane.allCases {
            lines.append("rectangle \"\(escaped(blueprint.laneTitle(lane)))\" as \(laneID(lane)) \(DiagramPalette.laneFill[lane] ?? DiagramPalette.stepFill) {")
            for (phaseIndex, phase) in blueprint.phases.enumerated() {
                var members: [String] = []
                if lane == .evidence {
                    for (index, item) in blueprint.evidence.enumerated() where (item.phase ?? 0) == phaseIndex {
                        members.append("rectangle \"\(escaped(item.label))\" as \(evidenceID(index)) \(DiagramPalette.evidenceFill)")
                    }
                } else {
                    for index in phase.steps where blueprint.steps[index].lane == lane {
                        let step = blueprint.steps[index]
                        // Creole's bold stops at a line end: each line of the label is bold on its own.
                        let label = step.label.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "**" + escaped(String($0)) + "**" }
                        let text = (label + words.markers(of: step, in: blueprint).map(escaped)).joined(separator: "\\n")
                        let fill = step.lane == .customer ? step.emotion.map(DiagramPalette.emotionFill) ?? DiagramPalette.stepFill : DiagramPalette.stepFill
                        members.append("rectangle \"\(text)\" as \(stepID(index)) \(fill)")
                    }
                }
                guard !members.isEmpty else { continue }
                // The phase's title on a frame of its own inside the lane; the unnamed first phase has
                // none (PlantUML refuses a frame without a name).
                guard let title = phase.title else {
                    lines += members.map { "  " + $0 }
                    continue
                }
                lines.append("  frame \"\(escaped(title))\" as \(laneID(lane))_p\(phaseIndex) {")
                lines += members.map { "    " + $0 }
                lines.append("  }")
            }
            lines.append("}")
        }
        for (upper, lower) in zip(Lane.allCases, Lane.allCases.dropFirst()) {
            lines.append("\(laneID(upper)) -[hidden]down- \(laneID(lower))")
        }
        for flow in blueprint.flows {
            let arrow = flow.arrow == .handOff ? "-->" : "-[#\(DiagramPalette.informationEdge.dropFirst()),dashed]->"
            lines.append("\(stepID(flow.from)) \(arrow) \(stepID(flow.to))" + (flow.label.map { " : " + escaped($0) } ?? ""))
        }
        for recovery in blueprint.recoveries {
            let failure = blueprint.steps[recovery.from].failures.first { $0.recovery == recovery.to }
            lines.append("\(stepID(recovery.from)) -[#\(DiagramPalette.recoveryEdge.dropFirst()),bold]-> \(stepID(recovery.to)) : ⚠ "
                + escaped(failure?.description ?? words.text(.recovery)))
        }
        for (index, item) in blueprint.evidence.enumerated() {
            for step in item.shownBy { lines.append("\(evidenceID(index)) .. \(stepID(step))") }
        }
        lines.append("@enduml")
        return lines.joined(separator: "\n") + "\n"
    }

    static func stepID(_ index: Int) -> String { "s\(index)" }
    static func evidenceID(_ index: Int) -> String { "e\(index)" }
    static func laneID(_ lane: Lane) -> String { "lane_\(lane.rawValue)" }

    /// User text in a PlantUML string or label: every ASCII character that could end the string or
    /// start Creole markup (`**`, `//`, `--`, `~`, `<tag>`, `[[link]]`…) as `<U+XXXX>`, line ends as
    /// PlantUML's `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": break
            case "\t": result += " "
            case "a"..."z", "A"..."Z", "0"..."9", " ", ",", ".", "(", ")", ":", "?", "!", "'", ";":
                result.unicodeScalars.append(scalar)
            // PlantUML's own escape: a numeric entity (`&#36;`) of `$` or `\` breaks its Creole parser.
            case "\u{00}"..."\u{7F}": result += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
