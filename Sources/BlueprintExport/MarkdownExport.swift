import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// A report for a pull request or a wiki, in the file's language: the title block, the promises,
/// a table of steps per phase, and the moments of truth, fail points and long waits.
enum MarkdownExport {
    static func text(_ input: ExportInput) -> String {
        let analysed = input.document.analysed
        let blueprint = analysed.blueprint
        let language = MessageLanguage(blueprint.locale)
        let say = { (entry: ExportMessage, arguments: [String: MessageArgument]) in Message(entry, arguments).text(in: language) }
        let duration = { (value: Duration) in value.written(in: language) }
        let steps = blueprint.steps

        var output = "# " + inline(blueprint.title ?? "Blueprint") + "\n\n"
        let meta = [blueprint.persona, blueprint.scenario, blueprint.owner].compactMap { $0 }
        if !meta.isEmpty { output += meta.map { "- " + inline($0) + "\n" }.joined() + "\n" }

        output += "## " + say(.promisesHeading, [:]) + "\n\n"
        if analysed.promises.isEmpty {
            output += say(.noPromises, [:]) + "\n\n"
        } else {
            let simulated = analysed.promises.contains { $0.simulatedShare != nil }
            var columns: [ExportMessage] = [.promiseColumn, .statusColumn, .worstCaseColumn, .limitColumn, .worstPathColumn]
            if simulated { columns.append(.simulatedColumn) }
            output += table(header: columns.map { say($0, [:]) }, rows: analysed.promises.map { checked in
                var row = [checked.promise.description, say(statusMessage(checked.status), [:]), duration(checked.check.worstCost),
                           duration(checked.promise.within), checked.check.worstPath.map { steps[$0].id }.joined(separator: " → ")]
                if simulated { row.append(simulatedShareText(checked)) }
                return row
            })
        }

        for phase in blueprint.phases where !phase.steps.isEmpty {
            output += "## " + say(.phaseHeading, ["title": .text(phase.title ?? say(.unnamedPhase, [:]))]) + "\n\n"
            output += table(header: [ExportMessage.laneColumn, .idColumn, .labelColumn, .actorColumn, .takesColumn, .waitColumn, .markersColumn].map { say($0, [:]) },
                            rows: phase.steps.map { index in
                let step = steps[index]
                var markers: [String] = []
                if step.isMomentOfTruth { markers.append(say(.momentMarker, [:])) }
                if !step.failures.isEmpty { markers.append(say(.failMarker, [:])) }
                if step.wait != nil { markers.append(say(.waitMarker, [:])) }
                let span = { (span: TimeSpan) in span.text(duration) }
                return [blueprint.laneTitle(step.lane), step.id, step.label, step.actor ?? "", step.takesSpan.map(span) ?? "",
                        step.waitSpan.map(span) ?? "", markers.joined(separator: ", ")]
            })
        }

        let moments = steps.filter(\.isMomentOfTruth).map { "- `\(code($0.id))` " + inline($0.label) }
        let failPoints = steps.flatMap { step in
            step.failures.map { failure in
                let description = MessageArgument.text(inline(failure.description))
                return "- `\(code(step.id))` " + (failure.recovery.map { say(.recoveredBy, ["failPoint": description, "step": .text(steps[$0].id)]) }
                    ?? say(.noRecovery, ["failPoint": description]))
            }
        }
        // A wait past two thirds of what the customer tolerates is one bad day from a broken promise.
        let longWaits = steps.compactMap { step -> String? in
            guard let wait = step.wait, let tolerance = step.tolerance, wait.seconds * 3 > tolerance.seconds * 2 else { return nil }
            return "- `\(code(step.id))` " + say(.waitOfTolerance, ["label": .text(inline(step.label)), "wait": .duration(wait), "tolerance": .duration(tolerance)])
        }
        for (heading, lines) in [(ExportMessage.momentsHeading, moments), (.failPointsHeading, failPoints), (.waitPointsHeading, longWaits)] {
            output += "## " + say(heading, [:]) + "\n\n" + (lines.isEmpty ? say(.none, [:]) : lines.joined(separator: "\n")) + "\n\n"
        }
        return String(output.dropLast())
    }

    static func statusMessage(_ status: PromiseCheck.Status) -> ExportMessage {
        switch status {
        case .kept: .kept
        case .broken: .broken
        case .unreachable: .unreachable
        case .unresolved: .unresolved
        }
    }

    /// `70% / 90%`: the simulated share within the limit, and the share promised.
    static func simulatedShareText(_ checked: CheckedPromise) -> String {
        checked.simulatedShare.map { share in percent(share * 100) + (checked.promise.share.map { " / " + percent($0) } ?? "") } ?? ""
    }

    private static func table(header: [String], rows: [[String]]) -> String {
        let line = { (cells: [String]) in "| " + cells.map(inline).joined(separator: " | ") + " |\n" }
        return line(header) + "|" + String(repeating: " --- |", count: header.count) + "\n" + rows.map(line).joined() + "\n"
    }

    /// Text from the file as Markdown shows it literally: one line, with the characters that would
    /// start emphasis, a link, HTML or a new cell escaped.
    static func inline(_ text: String) -> String {
        var output = ""
        for character in Message.escapedForMessages(text) {
            if "\\`*_[]<>|#!~".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    /// An id inside backticks: a backtick cannot occur in an id, so only controls need escaping.
    private static func code(_ id: String) -> String { Message.escapedForMessages(id) }

    private static func percent(_ value: Double) -> String {
        BlueprintSource.number((value * 10).rounded() / 10) + "%"
    }
}
