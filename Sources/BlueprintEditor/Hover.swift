import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintModel

/// What a hover shows: Markdown, and the range it is about.
package struct HoverContent: Hashable, Sendable {
    package var markdown: String
    package var range: SourceRange?
}

extension EditorDocument {
    /// What the construct under the cursor means in this blueprint, followed by the explanation of
    /// every rule whose diagnostic covers the cursor.
    package func hover(at position: SourcePosition) -> HoverContent? {
        let element = document.syntax.element(at: position, in: document.source)
        var sections: [String] = []
        switch element {
        case .stepDeclaration(let step), .evidenceDeclaration(let step):
            sections.append(symbolHover(named: step.id.name))
        case .reference(let id, _):
            if document.blueprint.symbols[id.name] != nil { sections.append(symbolHover(named: id.name)) }
        case .duration(let literal):
            sections.append(durationHover(literal))
        case .statementKeyword(let keyword, _) where ["promise", "from", "to", "within"].contains(keyword):
            if let promise = promiseHover(onLine: position.line) { sections.append(promise) }
        case .string(let string):
            if document.blueprint.promises.contains(where: { $0.statement.description.range == string.range }),
               let promise = promiseHover(onLine: position.line) {
                sections.append(promise)
            }
        default:
            break
        }
        var range = element.range
        for diagnostic in document.diagnostics where diagnostic.range.start <= position && position <= diagnostic.range.end {
            guard let descriptor = Linter.descriptor(for: diagnostic.rule) else { continue }
            sections.append("**\(descriptor.id)**: \(descriptor.summary(in: language))\n\n\(descriptor.explanation(in: language))")
            range = range ?? diagnostic.range
        }
        guard !sections.isEmpty else { return nil }
        return HoverContent(markdown: sections.joined(separator: "\n\n---\n\n"), range: range)
    }

    private func symbolHover(named name: String) -> String {
        switch document.blueprint.symbols[name] {
        case .step(let index): stepHover(StepSummary(step: index, in: document.analysed))
        case .evidence(let index): evidenceHover(index)
        case nil: ""
        }
    }

    private func stepHover(_ step: StepSummary) -> String {
        var lines = ["**`\(step.id)`** \(step.label)"]
        if step.isMomentOfTruth { lines.append(text(.momentOfTruth)) }
        lines.append(text(.lane, ["lane": .text("\(step.laneTitle) (`\(step.lane.rawValue)`)")]))
        if let phase = step.phase { lines.append(text(.phase, ["phase": .text(phase)])) }
        if let actor = step.actor { lines.append(text(.actor, ["actor": .text(actor)])) }
        if let channel = step.channel { lines.append(text(.channel, ["channel": .text(channel)])) }
        if let takes = step.takes { lines.append(text(.takes, ["duration": .text(takes.text { $0.written(in: language) })])) }
        if let wait = step.wait { lines.append(text(.wait, ["duration": .text(wait.text { $0.written(in: language) })])) }
        if let tolerance = step.tolerance { lines.append(text(.tolerance, ["duration": .duration(tolerance)])) }
        if let capacity = step.capacity {
            if let mean = capacity.meanTakes { lines.append(text(.meanTakes, ["duration": .duration(mean)])) }
            lines.append(text(.arrivals, ["rate": .text(capacity.arrivalsText)]))
            if let utilisation = capacity.utilisationText { lines.append(text(.utilisation, ["share": .text(utilisation)])) }
            if let queueWait = capacity.queueWait { lines.append(text(.queueWait, ["duration": .duration(queueWait)])) }
        }
        for failure in step.failPoints {
            if let recovery = failure.recoveryID {
                lines.append(text(.failPointRecovered, ["description": .text(failure.description), "step": .text(recovery)]))
            } else {
                lines.append(text(.failPoint, ["description": .text(failure.description)]))
            }
        }
        if !step.evidence.isEmpty {
            lines.append(text(.evidenceShown, ["ids": .text(step.evidence.map { "`\($0.id)`" }.joined(separator: ", "))]))
        }
        for promise in step.promises {
            if let target = promise.target, let share = promise.shareText {
                lines.append(text(.promiseShareThrough, [
                    "description": .text(promise.description), "share": .text(share), "limit": .duration(promise.within),
                    "target": .text(target),
                ]))
            } else {
                lines.append(text(.promiseThrough, [
                    "description": .text(promise.description), "cost": .duration(promise.worstCost), "limit": .duration(promise.within),
                ]))
            }
        }
        return lines.joined(separator: "  \n")
    }

    private func evidenceHover(_ index: Int) -> String {
        let blueprint = document.blueprint
        let item = blueprint.evidence[index]
        var lines = ["**`\(item.id)`** \(item.label)", text(.lane, ["lane": .text("\(blueprint.laneTitle(.evidence)) (`evidence`)")])]
        if let channel = item.channel { lines.append(text(.channel, ["channel": .text(channel)])) }
        if item.shownBy.isEmpty {
            lines.append(text(.shownByNoStep))
        } else {
            lines.append(text(.shownBy, ["ids": .text(item.shownBy.map { "`\(blueprint.steps[$0].id)`" }.joined(separator: ", "))]))
        }
        return lines.joined(separator: "  \n")
    }

    private func promiseHover(onLine line: Int) -> String? {
        guard let checked = document.analysed.promises.first(where: { $0.promise.range.start.line == line }) else { return nil }
        let promise = checked.promise, check = checked.check
        var lines = ["**\(Message.escapedForMessages(promise.description))**"]
        if let target = promise.statement.share, let share = checked.simulatedShare {
            let figures: [String: MessageArgument] = ["share": Figures.percent(share), "limit": .duration(promise.within), "target": .text(target.text)]
            lines.append(text(checked.status == .kept ? .promiseShareKept : .promiseShareBroken, figures))
        } else {
            switch check.status {
            case .kept:
                lines.append(text(.promiseKept, ["cost": .duration(check.worstCost), "limit": .duration(promise.within)]))
            case .broken:
                lines.append(text(.promiseBroken, [
                    "cost": .duration(check.worstCost), "limit": .duration(promise.within), "over": .duration(check.worstCost - promise.within),
                ]))
            case .unreachable:
                lines.append(text(.promiseUnreachable, ["from": .text(promise.statement.from.name), "to": .text(promise.statement.to.name)]))
            case .unresolved:
                lines.append(text(.promiseUnresolved))
            }
        }
        if !check.worstPath.isEmpty {
            lines.append(text(.worstPath, ["path": .path(check.worstPath.map { document.blueprint.steps[$0].id })]))
        }
        return lines.joined(separator: "  \n")
    }

    private func durationHover(_ literal: DurationLiteral) -> String {
        let spelled = language == .en ? Self.spelledInEnglish(literal.duration) : literal.duration.written(in: language)
        return "`\(literal.text)` = " + text(.durationSpelled, ["spelled": .text(spelled), "seconds": .number(literal.duration.seconds)])
    }

    /// `1h30m` as "1 hour 30 minutes"; weeks are spelled as days, as the core's messages write them.
    private static func spelledInEnglish(_ duration: Duration) -> String {
        guard duration.seconds > 0 else { return "0 seconds" }
        var rest = duration.seconds
        var parts: [String] = []
        for (unit, name) in [(86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second")] where rest >= unit {
            let count = rest / unit
            parts.append("\(count) \(name)\(count == 1 ? "" : "s")")
            rest %= unit
        }
        return parts.joined(separator: " ")
    }
}
