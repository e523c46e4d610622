import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintModel

extension FeatureContext {
    /// What the construct under the cursor means in this blueprint, followed by the explanation of
    /// every rule whose diagnostic covers the cursor.
    func hover(at lspPosition: LSP.Position) -> LSP.Hover? {
        let position = positions.sourcePosition(lspPosition)
        let element = document.syntax.element(at: position, in: document.source)
        var sections: [String] = []
        switch element {
        case .stepDeclaration(let step):
            sections.append(symbolHover(named: step.id.name))
        case .evidenceDeclaration(let step):
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
        for diagnostic in document.diagnostics where Self.covers(diagnostic.range, position) {
            guard let descriptor = Linter.descriptor(for: diagnostic.rule) else { continue }
            sections.append("**\(descriptor.id)**: \(descriptor.summary(in: language))\n\n\(descriptor.explanation(in: language))")
            range = range ?? diagnostic.range
        }
        guard !sections.isEmpty else { return nil }
        return LSP.Hover(contents: LSP.MarkupContent(value: sections.joined(separator: "\n\n---\n\n")), range: range.map(positions.range))
    }

    private static func covers(_ range: SourceRange, _ position: SourcePosition) -> Bool {
        range.start <= position && position <= range.end
    }

    private func symbolHover(named name: String) -> String {
        let blueprint = document.blueprint
        switch blueprint.symbols[name] {
        case .step(let index): return stepHover(index)
        case .evidence(let index): return evidenceHover(index)
        case nil: return ""
        }
    }

    private func stepHover(_ index: Int) -> String {
        let blueprint = document.blueprint
        let step = blueprint.steps[index]
        var lines = ["**`\(step.id)`** \(step.label)"]
        lines.append(text(.lane, ["lane": .text("\(blueprint.laneTitle(step.lane)) (`\(step.lane.rawValue)`)")]))
        if let title = blueprint.phases[step.phase].title { lines.append(text(.phase, ["phase": .text(title)])) }
        if let actor = step.actor { lines.append(text(.actor, ["actor": .text(actor)])) }
        if let channel = step.channel { lines.append(text(.channel, ["channel": .text(channel)])) }
        if let takes = step.takes { lines.append(text(.takes, ["duration": .duration(takes)])) }
        if let wait = step.wait { lines.append(text(.wait, ["duration": .duration(wait)])) }
        if let tolerance = step.tolerance { lines.append(text(.tolerance, ["duration": .duration(tolerance)])) }
        for failure in step.failures {
            if let recovery = failure.recovery {
                lines.append(text(.failPointRecovered, ["description": .text(failure.description), "step": .text(blueprint.steps[recovery].id)]))
            } else {
                lines.append(text(.failPoint, ["description": .text(failure.description)]))
            }
        }
        if !step.shownEvidence.isEmpty {
            lines.append(text(.evidenceShown, ["ids": .text(step.shownEvidence.map { "`\(blueprint.evidence[$0].id)`" }.joined(separator: ", "))]))
        }
        for checked in document.analysed.promises where checked.check.stepsOnPaths.contains(index) {
            lines.append(text(.promiseThrough, [
                "description": .text(checked.promise.description), "cost": .duration(checked.check.worstCost),
                "limit": .duration(checked.promise.within),
            ]))
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
