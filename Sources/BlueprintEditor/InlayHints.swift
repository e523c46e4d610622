import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintModel

/// A label shown inside the text, after `position`.
package struct InlayHint: Hashable, Sendable {
    package var position: SourcePosition
    package var label: String
}

extension EditorDocument {
    /// On the 1-based `lines`: after each promise, its worst-case cost against its limit ("41m of
    /// 45m ✓"), or for a promise `for P%` its simulated share ("96.1% within 2h, for 95% ✓"); after the `takes` of each step on a promise's worst path, the cost so far from the
    /// promise's start. In source order.
    package func inlayHints(onLines lines: ClosedRange<Int>) -> [InlayHint] {
        let blueprint = document.blueprint
        var hints: [InlayHint] = []
        var takesEnds: [String: SourcePosition]?
        for checked in document.analysed.promises {
            let promise = checked.promise, check = checked.check
            let costs: [String: MessageArgument] = ["cost": .text(check.worstCost.shown(in: language)), "limit": .text(promise.within.shown(in: language))]
            let label: String? = if let target = promise.statement.share, let share = checked.simulatedShare {
                text(checked.status == .kept ? .promiseHintShareKept : .promiseHintShareBroken, [
                    "share": Figures.percent(share), "limit": .text(promise.within.shown(in: language)), "target": .text(target.text),
                ])
            } else {
                switch check.status {
                case .kept: text(.promiseHintKept, costs)
                case .broken: text(.promiseHintBroken, costs)
                case .unreachable: text(.promiseHintUnreachable)
                case .unresolved: nil
                }
            }
            if let label, lines.contains(promise.range.start.line) {
                hints.append(InlayHint(position: promise.statement.within.range.end, label: label))
            }
            var cost = Duration.zero
            for index in check.worstPath {
                let step = blueprint.steps[index]
                cost = cost + step.cost
                guard step.takes != nil, lines.contains(step.idRange.start.line) else { continue }
                takesEnds = takesEnds ?? takesPositions()
                guard let end = takesEnds?[step.id] else { continue }
                let from = promise.statement.from.name
                hints.append(InlayHint(position: end, label: text(.runningCost, ["cost": .text(cost.shown(in: language)), "from": .text(from)])))
            }
        }
        // Promises that start at one step share the running costs of the steps their paths share.
        return Array(Set(hints)).sorted { ($0.position.line, $0.position.column, $0.label) < ($1.position.line, $1.position.column, $1.label) }
    }

    /// Where the `takes` duration of each step's first declaration ends.
    private func takesPositions() -> [String: SourcePosition] {
        var ends: [String: SourcePosition] = [:]
        for declaration in document.blueprint.declarations where !declaration.isDuplicate {
            if let takes = declaration.statement.first(.takes), case .duration(let literal) = takes.value {
                ends[declaration.statement.id.name] = literal.range.end
            }
        }
        return ends
    }
}
