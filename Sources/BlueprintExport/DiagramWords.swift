import BlueprintDiagnostics
import BlueprintLayout
import BlueprintModel

/// What the diagram exports write around the user's text, in the blueprint's language and with the
/// drawing's own words and symbols: a step's markers, phase titles, promise verdicts.
struct DiagramWords {
    let language: MessageLanguage

    init(_ blueprint: Blueprint) {
        language = MessageLanguage(blueprint.locale)
    }

    func text(_ entry: DiagramMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(entry, arguments).text(in: language)
    }

    /// `1h30m`, `1小时30分钟`: as the drawing writes durations.
    func duration(_ duration: Duration) -> String {
        language == .en ? duration.description : duration.written(in: language)
    }

    /// `4m`, `0s–10m`, `5–8–20m`: a span as the drawing's badges print it.
    func span(_ span: TimeSpan) -> String {
        span.text(duration)
    }

    /// The markers of a step, one line each, in the drawing's order: moment of truth, wait point,
    /// time standard, fail points (with the step each recovers at).
    func markers(of step: Step, in blueprint: Blueprint) -> [String] {
        var lines: [String] = []
        if step.isMomentOfTruth { lines.append("★ " + text(.momentOfTruth)) }
        if let wait = step.waitSpan {
            lines.append("◑ " + (step.tolerance.map { text(.waitWithTolerance, ["wait": .text(span(wait)), "tolerance": .text(duration($0))]) }
                ?? text(.wait, ["wait": .text(span(wait))])))
        }
        if let takes = step.takesSpan { lines.append("\(text(.takes)) \(span(takes))") }
        for failure in step.failures {
            lines.append("⚠ " + failure.description + (failure.recovery.map { " → " + blueprint.steps[$0].id } ?? ""))
        }
        return lines
    }

    /// A phase's title; the unnamed first phase has none.
    func phaseTitle(_ phase: Phase) -> String { phase.title ?? "" }

    /// "✓ kept · worst case 41m of 45m": a promise's verdict as the title block writes it.
    func verdict(of checked: CheckedPromise) -> String {
        let promise = checked.promise, check = checked.check
        let limit = duration(promise.within)
        if let target = promise.statement.share, let share = checked.simulatedShare {
            let status = text(checked.status == .kept ? .kept : .broken)
            let figures = text(.shareAgainstTarget, ["share": .text(String(format: "%.1f%%", share * 100)), "limit": .text(limit),
                                                     "target": .text(target.text)])
            return status + " · " + figures
        }
        return switch check.status {
        case .kept: text(.kept) + " · " + text(.promiseCost, ["worst": .text(duration(check.worstCost)), "limit": .text(limit)])
        case .broken: text(.broken) + " · " + text(.promiseCost, ["worst": .text(duration(check.worstCost)), "limit": .text(limit)])
        case .unreachable: text(.unreachable) + " · " + text(.promiseLimit, ["limit": .text(limit)])
        case .unresolved: text(.unresolved) + " · " + text(.promiseLimit, ["limit": .text(limit)])
        }
    }
}
