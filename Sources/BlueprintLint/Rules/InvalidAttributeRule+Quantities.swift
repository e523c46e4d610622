import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// The `invalid-attribute` cases of language 1.2 outside step lines: shares, `for` and `demand`,
/// each reported at its number (spec section 8, "Columns").
extension InvalidAttributeRule {
    static func checkQuantities(_ context: LintContext, into findings: inout Findings) {
        var shares = ShareTotals()
        for statement in context.syntax.statements {
            switch statement.kind {
            case .flow(let flow):
                shares.add(flow, symbols: context.blueprint.symbols, into: &findings)
            case .promise(let promise):
                if let share = promise.share, share.percent > 100 {
                    findings.append(Finding(Message(LintMessage.promiseShareOutOfRange, ["value": .text(share.text)]), at: share.number.range))
                }
            case .demand(let demand):
                if demand.rate.number.value == 0 {
                    findings.append(Finding(Message(LintMessage.demandZero, ["rate": .text(demand.rate.text)]), at: demand.rate.number.range))
                }
            default:
                break
            }
        }
        shares.reportIncomplete(into: &findings)
    }
}

/// The shares of each step's `->` flows, in source order.
private struct ShareTotals {
    struct Step {
        var total = 0.0
        var links = 0
        var linksWithShare = 0
        var lastShare: PercentLiteral?
        var wentOver = false
    }

    var steps: [String: Step] = [:]
    /// Names in the order their first `->` flow is written, so findings come in source order.
    var order: [String] = []

    mutating func add(_ flow: FlowStatement, symbols: [String: Symbol], into findings: inout Findings) {
        let ids = flow.ids, arrows = flow.arrows
        if let share = flow.share {
            if ids.count > 2 {
                findings.append(Finding(Message(LintMessage.shareOnChain), at: share.number.range))
            } else if arrows[0] == .information {
                findings.append(Finding(Message(LintMessage.shareOnInformationFlow), at: share.number.range))
            }
        }
        for (position, arrow) in arrows.enumerated() where arrow == .handOff {
            let name = ids[position].name
            guard case .step? = symbols[name] else { continue }
            if steps[name] == nil { order.append(name) }
            var step = steps[name] ?? Step()
            defer { steps[name] = step }
            step.links += 1
            guard ids.count == 2, let share = flow.share else { continue }
            step.linksWithShare += 1
            step.total += share.percent
            step.lastShare = share
            if step.total > 100 + Self.tolerance && !step.wentOver {
                step.wentOver = true
                findings.append(Finding(Message(LintMessage.sharesOverHundred, ["id": .text(name), "total": .text(Figures.numberText(step.total) + "%")]),
                                        at: share.number.range))
            }
        }
    }

    /// Steps whose every `->` flow has a share, the shares adding up to less than 100%: reported at the last one.
    func reportIncomplete(into findings: inout Findings) {
        for name in order {
            let step = steps[name]!
            guard step.links == step.linksWithShare, step.total < 100 - Self.tolerance, let last = step.lastShare else { continue }
            findings.append(Finding(Message(LintMessage.sharesUnderHundred, ["id": .text(name), "total": .text(Figures.numberText(step.total) + "%")]),
                                    at: last.number.range))
        }
    }

    /// Shares written with decimals add up with rounding errors far below any written digit.
    static let tolerance = 1e-9
}
