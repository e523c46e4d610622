import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import CSV
import Foundation

/// The sheet many service teams keep: one row per step and evidence item, in file order, with the
/// header row `CSVColumn` lists. `blueprint import` reads it back (`CSVImport`).
enum CSVExport {
    static func text(_ input: ExportInput) -> String {
        let blueprint = input.document.blueprint
        // Looked up per step: filtering every flow for each step would take quadratic time.
        let outgoing = Dictionary(grouping: blueprint.flows, by: \.from)
        var rows = [CSVColumn.allCases.map(\.rawValue)]
        // Items before any phase and any step come first, as they do in the file.
        rows += blueprint.evidence.filter { $0.phase == nil }.map { evidenceRow($0, in: blueprint) }
        // Evidence items first within each phase, as the spec's example declares them.
        for phase in blueprint.phases.indices {
            rows += blueprint.phases[phase].evidence.map { evidenceRow(blueprint.evidence[$0], in: blueprint) }
            rows += blueprint.phases[phase].steps.map { stepRow($0, flows: outgoing[$0] ?? [], in: blueprint) }
        }
        return write(rows)
    }

    /// RFC 4180 text with a byte-order mark, so a spreadsheet opens Chinese labels as UTF-8.
    static func write(_ rows: [[String]]) -> String {
        let stream = OutputStream.toMemory()
        // Writing to memory fails only when memory does.
        let writer = try! CSVWriter(stream: stream, newline: .crlf)
        for row in rows { try! writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as! Data
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
    }

    private static func phaseTitle(_ phase: Int?, in blueprint: Blueprint) -> String {
        phase.flatMap { blueprint.phases[$0].title } ?? ""
    }

    private static func evidenceRow(_ item: EvidenceItem, in blueprint: Blueprint) -> [String] {
        CSVColumn.allCases.map { column in
            switch column {
            case .phase: phaseTitle(item.phase, in: blueprint)
            case .lane: Lane.evidence.rawValue
            case .id: item.id
            case .label: item.label
            case .note: item.note ?? ""
            case .channel: item.channel ?? ""
            default: ""
            }
        }
    }

    private static func stepRow(_ index: Int, flows: [Flow], in blueprint: Blueprint) -> [String] {
        let step = blueprint.steps[index]
        return CSVColumn.allCases.map { column in
            switch column {
            case .phase: phaseTitle(step.phase, in: blueprint)
            case .lane: step.lane.rawValue
            case .id: step.id
            case .label: step.label
            case .moment: step.isMomentOfTruth ? "yes" : ""
            case .emotion: step.emotion.map(String.init) ?? ""
            case .actor: step.actor ?? ""
            case .channel: step.channel ?? ""
            case .note: step.note ?? ""
            case .takes: step.takesSpan.map(spanText) ?? ""
            case .wait: step.waitSpan.map(spanText) ?? ""
            case .tolerance: step.tolerance?.description ?? ""
            case .servers: step.servers.map(String.init) ?? ""
            case .fail:
                step.failures.map { failure in
                    failure.recovery.map { failure.description + CSVColumn.recoverySeparator + blueprint.steps[$0].id } ?? failure.description
                }.joined(separator: "\n")
            case .evidence: step.shownEvidence.map { blueprint.evidence[$0].id }.joined(separator: CSVColumn.listSeparator)
            case .flows:
                flows.map { flowText($0, in: blueprint) }.joined(separator: CSVColumn.listSeparator)
            }
        }
    }

    /// `log`, `..> dispatch`, `leave: "paid"`, `retry, 30%`: the tail of a flow statement, without
    /// the arrow of a hand-off.
    private static func flowText(_ flow: Flow, in blueprint: Blueprint) -> String {
        var text = (flow.arrow == .information ? "..> " : "") + blueprint.steps[flow.to].id
        if let label = flow.label { text += ": " + BlueprintSource.quoted(label) }
        if let share = flow.share { text += ", " + BlueprintSource.number(share) + "%" }
        return text
    }

    private static func spanText(_ span: TimeSpan) -> String {
        span.writtenValues.map(\.description).joined(separator: "..")
    }
}

/// The columns of the sheet, in the order `--to csv` writes them; `import` reads them in any order.
enum CSVColumn: String, CaseIterable {
    case phase, lane, id, label, moment, emotion, actor, channel, note, takes, wait, tolerance, servers, fail, evidence, flows

    /// Text the importer quotes, where a line break is kept (escaped); every other cell is one line
    /// of blueprint source (`fail` and `flows` hold one entry a line).
    var isFreeText: Bool { [.phase, .label, .actor, .channel, .note, .fail, .flows].contains(self) }

    /// Between the ids of `evidence` and the flows of `flows`.
    static let listSeparator = "; "
    /// Between a fail point and its recovery step in `fail`: `Wrong address -> callback`.
    static let recoverySeparator = " -> "
}

/// Pieces of blueprint source text, written the way the language reads them.
enum BlueprintSource {
    /// `"…"` with the language's escapes (spec section 1).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// Calls `body` with each character of `text` and whether it lies inside a `"…"` string (its
    /// quotes included), escapes followed.
    static func scan(_ text: String, _ body: (Character, _ inString: Bool) -> Void) {
        var inString = false, escaped = false
        for character in text {
            if inString {
                body(character, true)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else {
                if character == "\"" { inString = true }
                body(character, inString)
            }
        }
    }

    /// A share or a percentage without a needless fraction: `30`, `12.5`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
