import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLanguage
import BlueprintModel

/// `blueprint diff`'s output formats.
package enum DiffFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// What makes `blueprint diff --fail-on` exit 1.
package enum DiffFailure: String, CaseIterable, Sendable {
    /// A promise kept before (or new) is broken after.
    case brokenPromise = "broken-promise"
    /// A lint error the old file did not have.
    case newError = "new-error"
    /// Any change at all.
    case any

    package func matches(_ comparison: BlueprintComparison) -> Bool {
        switch self {
        case .brokenPromise: comparison.breaksAPromise
        case .newError: comparison.introducesAnError
        case .any: !comparison.isEmpty
        }
    }
}

/// Writes comparisons as text (coloured or not), Markdown or JSON, in the language of each file.
package enum DiffReport {
    package static func write(_ comparisons: [BlueprintComparison], format: DiffFormat, colour: Bool = false,
                              language: MessageLanguage? = nil) -> String {
        switch format {
        case .text: comparisons.map { text(of: $0, colour: colour, language: language) }.joined(separator: "\n")
        case .markdown: comparisons.map { markdown(of: $0, language: language) }.joined(separator: "\n")
        case .json: JSONValue(["version": .int(1), "files": .array(comparisons.map(json))]).serialized(pretty: true) + "\n"
        }
    }

    // MARK: Text and Markdown

    enum Mark {
        case added, removed, changed, unchanged
        /// A lint finding the change brings (red, though it is added) or mends (green, though it goes).
        case introduced, fixed
    }

    struct Line {
        var mark: Mark
        var message: Message
    }

    private static func text(of comparison: BlueprintComparison, colour: Bool, language: MessageLanguage?) -> String {
        let language = language ?? MessageLanguage(comparison.locale)
        var output = heading(of: comparison).text(in: language) + "\n"
        let sections = self.sections(of: comparison)
        if sections.isEmpty { return output + Message(DiffMessage.noChanges).text(in: language) + "\n" }
        for (title, lines) in sections {
            output += "\n" + (colour ? "\u{1B}[1m" + Message(title).text(in: language) + "\u{1B}[0m" : Message(title).text(in: language)) + "\n"
            for line in lines {
                let (sign, code) = switch line.mark {
                case .added, .fixed: (line.mark == .added ? "+" : "-", "\u{1B}[32m")
                case .removed, .introduced: (line.mark == .removed ? "-" : "+", "\u{1B}[31m")
                case .changed: ("~", "\u{1B}[33m")
                case .unchanged: (" ", "")
                }
                let text = sign + " " + line.message.text(in: language)
                output += (colour && !code.isEmpty ? code + text + "\u{1B}[0m" : text) + "\n"
            }
        }
        return output
    }

    private static func markdown(of comparison: BlueprintComparison, language: MessageLanguage?) -> String {
        let language = language ?? MessageLanguage(comparison.locale)
        var output = "## " + markdownEscaped(heading(of: comparison).text(in: language)) + "\n\n"
        let sections = self.sections(of: comparison)
        if sections.isEmpty { return output + Message(DiffMessage.noChanges).text(in: language) + "\n" }
        for (title, lines) in sections {
            output += "### " + Message(title).text(in: language) + "\n\n"
            for line in lines {
                let sign = switch line.mark {
                case .added, .fixed: "🟢"
                case .removed, .introduced: "🔴"
                case .changed: "🟡"
                case .unchanged: "⚪"
                }
                output += "- " + sign + " " + markdownEscaped(line.message.text(in: language)) + "\n"
            }
            output += "\n"
        }
        return output
    }

    private static func heading(of comparison: BlueprintComparison) -> Message {
        Message(DiffMessage.heading, ["old": .text(comparison.oldPath), "new": .text(comparison.newPath)])
    }

    /// Text from a file cannot open markup, a link or emphasis in a pull-request comment.
    private static func markdownEscaped(_ text: String) -> String {
        var escaped = ""
        for character in XMLText.escaped(text) {
            if "\\`*_[]|#~".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Each heading with its lines; only sections with something to say, none when nothing changed.
    static func sections(of comparison: BlueprintComparison) -> [(DiffMessage, [Line])] {
        guard !comparison.isEmpty else { return [] }
        var sections: [(DiffMessage, [Line])] = [
            (.metadataHeading, comparison.metadata.map { Line(mark: .changed, message: attributeMessage($0)) }),
            (.phasesHeading, comparison.phases.map(phaseLine)),
            (.stepsHeading, comparison.steps.map(itemLine)),
            (.evidenceHeading, comparison.evidence.map(itemLine)),
            (.flowsHeading, comparison.flows.map(flowLine)),
            (.recoveriesHeading, comparison.recoveries.map { change in
                Line(mark: change.kind == .added ? .added : .removed,
                     message: Message(change.kind == .added ? DiffMessage.recoveryAdded : .recoveryRemoved, ["from": .text(change.from), "to": .text(change.to)]))
            }),
            // Only the promises whose figures moved: a file may hold hundreds (JSON lists them all).
            (.promisesHeading, comparison.promises.filter(\.isChanged).flatMap(promiseLines)),
            (.capacityHeading, comparison.capacity.map(loadLine)),
            (.introducedHeading, comparison.introducedDiagnostics.map { Line(mark: .introduced, message: findingMessage($0)) }),
            (.fixedHeading, comparison.fixedDiagnostics.map { Line(mark: .fixed, message: findingMessage($0)) }),
        ]
        sections.append((.summaryHeading, summaryLines(comparison)))
        return sections.filter { !$0.1.isEmpty }
    }

    private static func value(_ text: String?) -> MessageArgument {
        text.map { .text($0) } ?? .message(Message(DiffMessage.none))
    }

    private static func attributeMessage(_ change: AttributeChange) -> Message {
        Message(DiffMessage.fieldChanged, ["field": .text(change.name), "before": value(change.before), "after": value(change.after)])
    }

    /// The attribute changes one after the other, as one argument.
    private static func attributeList(_ changes: [AttributeChange]) -> MessageArgument {
        .message(changes.dropFirst().reduce(attributeMessage(changes[0])) { list, change in
            list.followed(by: Message.verbatim("; ")).followed(by: attributeMessage(change))
        })
    }

    private static func phaseTitle(_ title: String) -> MessageArgument {
        title.isEmpty ? .message(Message(DiffMessage.unnamedPhase)) : .text(title)
    }

    private static func phaseLine(_ change: PhaseChange) -> Line {
        switch change.kind {
        case .added: Line(mark: .added, message: Message(DiffMessage.phaseAdded, ["title": phaseTitle(change.title)]))
        case .removed: Line(mark: .removed, message: Message(DiffMessage.phaseRemoved, ["title": phaseTitle(change.title)]))
        case .renamed:
            Line(mark: .changed, message: Message(DiffMessage.phaseRenamed, ["title": phaseTitle(change.title), "before": phaseTitle(change.before ?? "")]))
        default: Line(mark: .changed, message: Message(DiffMessage.phasesReordered, ["title": .text(change.title), "before": .text(change.before ?? "")]))
        }
    }

    private static func itemLine(_ change: ItemChange) -> Line {
        var arguments: [String: MessageArgument] = ["lane": .text(change.lane.rawValue), "id": .text(change.id), "label": .text("\"" + change.label + "\"")]
        switch change.kind {
        case .added: return Line(mark: .added, message: Message(DiffMessage.itemAdded, arguments))
        case .removed: return Line(mark: .removed, message: Message(DiffMessage.itemRemoved, arguments))
        case .renamed:
            arguments["before"] = .text(change.before ?? "")
            let renamed = Message(DiffMessage.itemRenamed, arguments)
            guard !change.attributes.isEmpty else { return Line(mark: .changed, message: renamed) }
            return Line(mark: .changed, message: renamed.followed(by: Message.verbatim("; ")).followed(by: Message(CommonMessage.verbatim, ["text": attributeList(change.attributes)])))
        default:
            arguments["changes"] = attributeList(change.attributes)
            return Line(mark: .changed, message: Message(DiffMessage.itemChanged, arguments))
        }
    }

    private static func flowLine(_ change: FlowChange) -> Line {
        let flow = MessageArgument.text(change.from + " " + change.arrow.rawValue + " " + change.to + (change.label.map { " : \"" + $0 + "\"" } ?? ""))
        switch change.kind {
        case .added: return Line(mark: .added, message: Message(DiffMessage.flowAdded, ["flow": flow]))
        case .removed: return Line(mark: .removed, message: Message(DiffMessage.flowRemoved, ["flow": flow]))
        default:
            let ends = MessageArgument.text(change.from + " " + change.arrow.rawValue + " " + change.to)
            return Line(mark: .changed, message: Message(DiffMessage.flowChanged, ["flow": ends, "changes": attributeList(change.attributes)]))
        }
    }

    private static func status(_ figures: PromiseFigures?) -> MessageArgument {
        guard let figures else { return .message(Message(DiffMessage.none)) }
        let word: DiffMessage = switch figures.status {
        case .kept: .kept
        case .broken: .broken
        case .unreachable: .unreachable
        case .unresolved: .unresolved
        }
        return .message(Message(word))
    }

    private static func promiseLines(_ comparison: PromiseComparison) -> [Line] {
        let before = comparison.before, after = comparison.after
        let mark: Mark = before == nil ? .added : after == nil ? .removed : comparison.isChanged ? .changed : .unchanged
        let name = MessageArgument.text("\"" + comparison.name + "\"")
        var lines = [Line(mark: mark, message: Message(DiffMessage.promiseWorstCase, [
            "name": name, "before": duration(before?.worstCost), "after": duration(after?.worstCost),
            "within": duration((after ?? before)?.within), "statusBefore": status(before), "statusAfter": status(after),
        ]))]
        if let target = (after ?? before)?.target {
            lines.append(Line(mark: mark, message: Message(DiffMessage.promiseShare, [
                "name": name, "before": value(before?.share.map(DiffFigures.fraction)), "after": value(after?.share.map(DiffFigures.fraction)),
                "target": .text(DiffFigures.percent(target)),
            ])))
        }
        return lines
    }

    private static func duration(_ duration: Duration?) -> MessageArgument {
        duration.map { .duration($0) } ?? .message(Message(DiffMessage.none))
    }

    private static func loadLine(_ change: CapacityChange) -> Line {
        func wait(_ seconds: Double?) -> MessageArgument { duration(seconds.map { Duration(seconds: Int($0.rounded())) }) }
        return Line(mark: .changed, message: Message(DiffMessage.stepLoad, [
            "step": .text(change.step),
            "before": value(change.before.utilisation.map(DiffFigures.fraction)), "after": value(change.after.utilisation.map(DiffFigures.fraction)),
            "waitBefore": wait(change.before.queueWaitSeconds), "waitAfter": wait(change.after.queueWaitSeconds),
        ]))
    }

    private static func findingMessage(_ entry: DiagnosticEntry) -> Message {
        Message(DiffMessage.finding, [
            "position": .text(entry.position.description), "severity": .message(Message(entry.severity == .error ? DiffMessage.error : .warning)),
            "rule": .text(entry.rule.rawValue), "message": .message(entry.message),
        ])
    }

    private static func summaryLines(_ comparison: BlueprintComparison) -> [Line] {
        let before = comparison.summary.before, after = comparison.summary.after
        func line(_ entry: DiffMessage, _ old: Int, _ new: Int) -> Line {
            Line(mark: old == new ? .unchanged : .changed, message: Message(entry, ["before": .number(old), "after": .number(new)]))
        }
        var lines = [
            line(.customerSteps, before.customerSteps, after.customerSteps),
            line(.handOffsAcrossVisibility, before.handOffsAcrossVisibility, after.handOffsAcrossVisibility),
            line(.momentsOfTruth, before.momentsOfTruth, after.momentsOfTruth),
            line(.failPointsWithoutRecovery, before.failPointsWithoutRecovery, after.failPointsWithoutRecovery),
        ]
        lines += comparison.promises.compactMap { promise in
            let old = promise.before?.worstPathTakes, new = promise.after?.worstPathTakes
            guard old != new else { return nil }
            return Line(mark: old == new ? .unchanged : .changed, message: Message(DiffMessage.worstPathTakes, [
                "name": .text("\"" + promise.name + "\""), "before": duration(old), "after": duration(new),
            ]))
        }
        return lines
    }

    // MARK: Drawing

    /// What a compare drawing marks, in words in `language`: each added, renamed or changed step and
    /// evidence item of the new file by id, the flows added or changed by their ends, and the list of
    /// changes to the model (metadata, phases, steps, evidence, flows, recovery links).
    package static func drawingChanges(of comparison: BlueprintComparison, language: MessageLanguage? = nil) -> DrawingChanges {
        let language = language ?? MessageLanguage(comparison.locale)
        func entry(_ line: Line) -> DrawingChanges.Entry {
            DrawingChanges.Entry(kind: line.mark == .added ? .added : line.mark == .removed ? .removed : .changed, text: line.message.text(in: language))
        }
        var changes = DrawingChanges()
        for change in comparison.steps where change.kind != .removed { changes.steps[change.id] = entry(itemLine(change)) }
        for change in comparison.evidence where change.kind != .removed { changes.evidence[change.id] = entry(itemLine(change)) }
        // A removed flow's ends as the new file names them: a renamed step keeps its place.
        let renamed = Dictionary(comparison.steps.compactMap { change in change.before.map { ($0, change.id) } }) { first, _ in first }
        changes.flows = comparison.flows.map { change in
            change.kind == .removed ? (renamed[change.from] ?? change.from, renamed[change.to] ?? change.to, change.arrow, .removed, change.label)
                : (change.from, change.to, change.arrow, change.kind == .added ? .added : .changed, change.label)
        }
        changes.removedSteps = comparison.steps.filter { $0.kind == .removed }
        let listed: Set<DiffMessage> = [.metadataHeading, .phasesHeading, .stepsHeading, .evidenceHeading, .flowsHeading, .recoveriesHeading]
        changes.list = sections(of: comparison).filter { listed.contains($0.0) }.flatMap { $0.1.map(entry) }
        return changes
    }

    // MARK: JSON

    /// The shape docs/DIFF.md documents; keys in a fixed order, every list in the comparison's order.
    private static func json(_ comparison: BlueprintComparison) -> JSONValue {
        func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func attributes(_ changes: [AttributeChange]) -> JSONValue {
            .array(changes.map { JSONValue([("name", .string($0.name)), ("before", string($0.before)), ("after", string($0.after))]) })
        }
        func item(_ change: ItemChange) -> JSONValue {
            JSONValue([
                ("change", .string(change.kind.rawValue)), ("id", .string(change.id)), ("before", change.before.map(JSONValue.string)),
                ("lane", .string(change.lane.rawValue)), ("label", .string(change.label)),
                ("attributes", change.kind == .changed || change.kind == .renamed ? attributes(change.attributes) : nil),
            ])
        }
        func promise(_ figures: PromiseFigures?) -> JSONValue {
            guard let figures else { return .null }
            let status = switch figures.status {
            case .kept: "kept"
            case .broken: "broken"
            case .unreachable: "unreachable"
            case .unresolved: "unresolved"
            }
            return JSONValue([
                ("from", string(figures.from)), ("to", string(figures.to)), ("within", .int(figures.within.seconds)),
                ("target", figures.target.map(JSONValue.number) ?? .null), ("worstCase", figures.worstCost.map { .int($0.seconds) } ?? .null),
                ("status", .string(status)), ("share", figures.share.map(JSONValue.number) ?? .null),
                ("worstPathTakes", .int(figures.worstPathTakes.seconds)),
            ])
        }
        func load(_ figures: StepLoad) -> JSONValue {
            JSONValue([("utilisation", figures.utilisation.map(JSONValue.number) ?? .null),
                       ("queueWait", figures.queueWaitSeconds.map(JSONValue.number) ?? .null)])
        }
        func finding(_ entry: DiagnosticEntry) -> JSONValue {
            JSONValue([
                ("severity", .string(entry.severity.rawValue)), ("rule", .string(entry.rule.rawValue)), ("message", .string(entry.message.description)),
                ("line", .int(entry.position.line)), ("column", .int(entry.position.column)),
            ])
        }
        func figures(_ summary: SummaryFigures) -> JSONValue {
            JSONValue([
                ("customerSteps", .int(summary.customerSteps)), ("handOffsAcrossVisibility", .int(summary.handOffsAcrossVisibility)),
                ("momentsOfTruth", .int(summary.momentsOfTruth)), ("failPointsWithoutRecovery", .int(summary.failPointsWithoutRecovery)),
            ])
        }
        return JSONValue([
            ("old", .string(comparison.oldPath)),
            ("new", .string(comparison.newPath)),
            ("changed", .bool(!comparison.isEmpty)),
            ("brokenPromise", .bool(comparison.breaksAPromise)),
            ("newError", .bool(comparison.introducesAnError)),
            ("metadata", attributes(comparison.metadata)),
            ("phases", .array(comparison.phases.map { JSONValue([("change", .string($0.kind.rawValue)), ("title", .string($0.title)), ("before", $0.before.map(JSONValue.string))]) })),
            ("steps", .array(comparison.steps.map(item))),
            ("evidence", .array(comparison.evidence.map(item))),
            ("flows", .array(comparison.flows.map { change in
                JSONValue([
                    ("change", .string(change.kind.rawValue)), ("from", .string(change.from)), ("to", .string(change.to)),
                    ("arrow", .string(change.arrow.rawValue)), ("label", string(change.label)),
                    ("attributes", change.kind == .changed ? attributes(change.attributes) : nil),
                ])
            })),
            ("recoveries", .array(comparison.recoveries.map { JSONValue([("change", .string($0.kind.rawValue)), ("from", .string($0.from)), ("to", .string($0.to))]) })),
            ("promises", .array(comparison.promises.map { JSONValue([("name", .string($0.name)), ("changed", .bool($0.isChanged)), ("before", promise($0.before)), ("after", promise($0.after))]) })),
            ("capacity", .array(comparison.capacity.map { JSONValue([("step", .string($0.step)), ("before", load($0.before)), ("after", load($0.after))]) })),
            ("diagnostics", JSONValue([("introduced", .array(comparison.introducedDiagnostics.map(finding))), ("fixed", .array(comparison.fixedDiagnostics.map(finding)))])),
            ("summary", JSONValue([("before", figures(comparison.summary.before)), ("after", figures(comparison.summary.after))])),
        ])
    }
}

/// A comparison as a compare drawing marks it (see `DiffReport.drawingChanges(of:language:)`).
package struct DrawingChanges: Sendable {
    package struct Entry: Sendable {
        package let kind: ChangeKind
        package let text: String
    }

    package var steps: [String: Entry] = [:]
    package var evidence: [String: Entry] = [:]
    package var flows: [(from: String, to: String, arrow: FlowArrow, kind: ChangeKind, label: String?)] = []
    /// The steps removed, each with where it was, to be drawn faint in its place.
    package var removedSteps: [ItemChange] = []
    package var list: [Entry] = []
}
