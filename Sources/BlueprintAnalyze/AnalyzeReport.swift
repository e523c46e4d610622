import BlueprintDiagnostics
import BlueprintEncoding

/// `blueprint analyze`'s output formats.
package enum AnalyzeFormat: String, CaseIterable, Sendable {
    case text, json, markdown
}

/// Writes the figures of analysed files in one of `AnalyzeFormat`.
package enum AnalyzeReport {
    package static func write(_ files: [FileFigures], format: AnalyzeFormat) -> String {
        switch format {
        case .text: files.map { text(of: $0) }.joined(separator: "\n")
        case .markdown: files.map { markdown(of: $0) }.joined(separator: "\n")
        case .json: JSONValue(["version": .int(1), "files": .array(files.map(json))]).serialized(pretty: false) + "\n"
        }
    }

    // MARK: Text and Markdown

    /// A heading, the number of customers, and the three tables under headings.
    private static func text(of file: FileFigures) -> String {
        var output = file.path + (file.title.map { ": " + Message.escapedForMessages($0) } ?? "") + "\n"
        output += notes(of: file).joined(separator: "\n") + "\n"
        for (heading, table) in tables(of: file) {
            output += "\n" + heading + "\n" + (table?.text ?? "")
        }
        return output
    }

    private static func markdown(of file: FileFigures) -> String {
        var output = "## " + file.path + (file.title.map { ": " + Message.escapedForMessages($0) } ?? "") + "\n\n"
        output += notes(of: file).joined(separator: "\n\n") + "\n"
        for (heading, table) in tables(of: file) {
            output += "\n### " + heading + "\n\n" + (table?.markdown ?? "")
        }
        return output
    }

    /// The number of customers, and what kept any promise from simulating them all or from
    /// seeing each to its end.
    private static func notes(of file: FileFigures) -> [String] {
        let language = file.language
        var notes = [Message(AnalyzeMessage.customers, ["customers": .text(grouped(file.customers)), "seed": .text(String(file.seed))]).text(in: language)]
        for promise in file.promises {
            guard let simulation = promise.simulation else { continue }
            if simulation.customersSimulated < file.customers {
                notes.append(Message(AnalyzeMessage.fewerCustomers, ["promise": .text(promise.name),
                                                                     "customers": .text(grouped(simulation.customersSimulated))]).text(in: language))
            }
            if simulation.customersCapped > 0 {
                notes.append(Message(AnalyzeMessage.cappedCustomers, ["promise": .text(promise.name),
                                                                      "customers": .text(grouped(simulation.customersCapped))]).text(in: language))
            }
        }
        return notes
    }

    /// Each heading with its table, or with a sentence when the table would be empty (nil) or not needed.
    private static func tables(of file: FileFigures) -> [(String, AnalysisTable?)] {
        let language = file.language
        func word(_ entry: AnalyzeMessage) -> String { Message(entry).text(in: language) }
        func column(_ entry: AnalyzeMessage, _ alignment: AnalysisTable.Alignment) -> AnalysisTable.Column {
            AnalysisTable.Column(title: word(entry), alignment: alignment)
        }
        func duration(_ seconds: Double?) -> String {
            seconds.map { Duration(seconds: Int($0.rounded())).written(in: language) } ?? "—"
        }
        var sections: [(String, AnalysisTable?)] = []
        if file.promises.isEmpty {
            sections.append((word(.noPromises), nil))
        } else {
            let rows = file.promises.map { promise -> [String] in
                let simulation = promise.simulation
                let worstCase: String = if let seconds = simulation?.worstCaseSeconds {
                    Duration(seconds: seconds).written(in: language)
                } else if simulation == nil {
                    "—"
                } else if promise.loop.isEmpty {
                    word(.unbounded)
                } else {
                    Message(AnalyzeMessage.unboundedLoop, ["steps": .path(promise.loop)]).text(in: language)
                }
                let result: AnalyzeMessage = switch promise.verdict {
                case .kept: .kept
                case .broken: .broken
                case .notSimulated: .notSimulated
                }
                return [Message.escapedForMessages(promise.name), Message(CommonMessage.verbatim, ["text": .path([promise.from, promise.to])]).text(in: language),
                        promise.within.written(in: language), promise.target.map(percent) ?? "—",
                        simulation?.shareWithinLimit.map(percent) ?? "—", duration(simulation?.meanSeconds),
                        duration(simulation?.p50Seconds), duration(simulation?.p90Seconds), duration(simulation?.p95Seconds),
                        worstCase, word(result)]
            }
            let percentileColumn = { (title: String) in AnalysisTable.Column(title: title, alignment: .trailing) }
            sections.append((word(.promisesHeading), AnalysisTable(columns: [
                column(.promiseColumn, .leading), column(.pathColumn, .leading), column(.limitColumn, .trailing),
                column(.targetColumn, .trailing), column(.shareColumn, .trailing), column(.meanColumn, .trailing),
                percentileColumn("p50"), percentileColumn("p90"), percentileColumn("p95"),
                column(.worstCaseColumn, .leading), column(.resultColumn, .leading),
            ], rows: rows)))
            let contributions = file.promises.flatMap { promise in
                zip(promise.contributorSteps, promise.simulation?.contributors ?? []).map { step, contributor in
                    [Message.escapedForMessages(promise.name), Message.escapedForMessages(step), percent(contributor.varianceShare),
                     contributor.shareIfFastest.map(percent) ?? "—"]
                }
            }
            if !contributions.isEmpty {
                sections.append((word(.contributorsHeading), AnalysisTable(columns: [
                    column(.promiseColumn, .leading), column(.stepColumn, .leading),
                    column(.varianceColumn, .trailing), column(.shareIfFastestColumn, .trailing),
                ], rows: contributions)))
            }
        }
        let steps = file.steps.filter(\.hasFigures).map { step -> [String] in
            let figures = step.capacity
            let queueWait = (figures.utilisation ?? 0) >= 1 ? word(.unbounded) : duration(figures.queueWaitSeconds)
            return [Message.escapedForMessages(step.id), figures.visits.isFinite ? decimal(figures.visits, digits: 2) : "∞",
                    figures.arrivalsPerHour.map { decimal($0, digits: 1) } ?? "—", figures.servers.map(String.init) ?? "—",
                    figures.utilisation.map(percent) ?? "—", queueWait, figures.inProgress.map { decimal($0, digits: 1) } ?? "—"]
        }
        sections.append(steps.isEmpty ? (word(.noSteps), nil) : (word(.stepsHeading), AnalysisTable(columns: [
            column(.stepColumn, .leading), column(.visitsColumn, .trailing), column(.arrivalsColumn, .trailing),
            column(.serversColumn, .trailing), column(.utilisationColumn, .trailing), column(.queueWaitColumn, .trailing),
            column(.inProgressColumn, .trailing),
        ], rows: steps)))
        return sections
    }

    /// `0.7` → `70.0%`.
    private static func percent(_ fraction: Double) -> String {
        decimal(fraction * 100, digits: 1) + "%"
    }

    private static func decimal(_ value: Double, digits: Int) -> String {
        // Past a trillion no digit after the point matters, and the scaled value could overflow.
        guard abs(value) < 1e12 else { return String(value.rounded()) }
        let scale = (0..<digits).reduce(1) { total, _ in total * 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = String(abs(scaled) / scale), fraction = String(abs(scaled) % scale)
        let sign = scaled < 0 ? "-" : ""
        return digits == 0 ? sign + whole : sign + whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// `100000` → `100,000`.
    private static func grouped(_ number: Int) -> String {
        var digits = String(number), groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return ([Substring(digits)] + groups).joined(separator: ",")
    }

    // MARK: JSON

    /// Shares and ratios to 4 decimals, seconds and rates to 1: enough for any reader, and the same
    /// text on every platform.
    private static func json(_ file: FileFigures) -> JSONValue {
        JSONValue([
            ("file", .string(file.path)),
            ("customers", .int(file.customers)),
            ("seed", .unsigned(file.seed)),
            ("promises", .array(file.promises.map(json))),
            ("steps", .array(file.steps.map(json))),
        ])
    }

    private static func json(_ promise: PromiseFigures) -> JSONValue {
        let simulation = promise.simulation
        return JSONValue([
            ("name", .string(promise.name)),
            ("from", .string(promise.from)),
            ("to", .string(promise.to)),
            ("within", .int(promise.within.seconds)),
            ("target", number(promise.target, digits: 4)),
            ("worstCase", simulation?.worstCaseSeconds.map(JSONValue.int) ?? .null),
            ("share", number(simulation?.shareWithinLimit, digits: 4)),
            ("mean", number(simulation?.meanSeconds, digits: 1)),
            ("p50", number(simulation?.p50Seconds, digits: 1)),
            ("p90", number(simulation?.p90Seconds, digits: 1)),
            ("p95", number(simulation?.p95Seconds, digits: 1)),
            ("kept", .bool(promise.verdict == .kept)),
            ("contributors", .array(zip(promise.contributorSteps, simulation?.contributors ?? []).map { step, contributor in
                JSONValue([
                    ("step", .string(step)),
                    ("variance", number(contributor.varianceShare, digits: 4)),
                    ("shareIfFastest", number(contributor.shareIfFastest, digits: 4)),
                ])
            })),
        ])
    }

    private static func json(_ step: StepFigures) -> JSONValue {
        let figures = step.capacity
        return JSONValue([
            ("id", .string(step.id)),
            ("visits", number(figures.visits, digits: 4)),
            ("arrivalRate", number(figures.arrivalsPerHour, digits: 3)),
            ("servers", figures.servers.map(JSONValue.int) ?? .null),
            ("utilisation", number(figures.utilisation, digits: 4)),
            ("queueWait", number(figures.queueWaitSeconds, digits: 1)),
            ("inProgress", number(figures.inProgress, digits: 4)),
        ])
    }

    /// Rounded to `digits` decimals; nil, or infinite visits in a loop customers never leave, as null.
    private static func number(_ value: Double?, digits: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        let scale = (0..<digits).reduce(1.0) { total, _ in total * 10 }
        return .number((value * scale).rounded() / scale)
    }
}
