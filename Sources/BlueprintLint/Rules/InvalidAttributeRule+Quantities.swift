import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// The `invalid-attribute` cases of language 1.2 outside step lines: shares, `for` and `demand`,
/// each reported at its number (spec section 8, "Columns").
extension InvalidAttributeRule {
    static func checkQuantities(_ context: LintContext, into findings: inout Findings) {
        var hasShares = false
        for statement in context.syntax.statements {
            switch statement.kind {
            case .flow(let flow):
                if flow.share != nil { hasShares = true }
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
        // Most files have no share: adding up every step's `->` flows would then find nothing.
        guard hasShares else { return }
        var shares = ShareTotals(blueprint: context.blueprint)
        for statement in context.syntax.statements {
            if case .flow(let flow) = statement.kind { shares.add(flow, into: &findings) }
        }
        shares.reportIncomplete(into: &findings)
    }
}

/// The shares of each step's `->` flows, in source order. Steps are told by the index the model
/// resolved each flow id to, so no id is hashed.
private struct ShareTotals {
    struct Step {
        /// As written in the step's first `->` flow.
        var name: String
        var total = 0.0
        var links = 0
        var linksWithShare = 0
        var lastShare: PercentLiteral?
        var wentOver = false
    }

    let blueprint: Blueprint
    /// In the order their first `->` flow is written, so findings come in source order.
    var steps: [Step] = []
    /// By index into `blueprint.steps`: the place in `steps`, or -1 before the step's first `->` flow.
    var places: [Int32]
    /// The ordinal of the next flow id, for `Blueprint.flowIDSymbol(at:)`.
    var nextFlowID = 0

    init(blueprint: Blueprint) {
        self.blueprint = blueprint
        places = Array(repeating: -1, count: blueprint.steps.count)
    }

    mutating func add(_ flow: FlowStatement, into findings: inout Findings) {
        let ids = flow.ids, arrows = flow.arrows
        let firstID = nextFlowID
        nextFlowID += ids.count
        if let share = flow.share {
            if ids.count > 2 {
                findings.append(Finding(Message(LintMessage.shareOnChain), at: share.number.range))
            } else if arrows[0] == .information {
                findings.append(Finding(Message(LintMessage.shareOnInformationFlow), at: share.number.range))
            }
        }
        for (position, arrow) in arrows.enumerated() where arrow == .handOff {
            guard case .step(let stepIndex)? = blueprint.flowIDSymbol(at: firstID + position) else { continue }
            if places[stepIndex] < 0 {
                places[stepIndex] = Int32(steps.count)
                steps.append(Step(name: ids[position].name))
            }
            let place = Int(places[stepIndex])
            steps[place].links += 1
            guard ids.count == 2, let share = flow.share else { continue }
            steps[place].linksWithShare += 1
            steps[place].total += share.percent
            steps[place].lastShare = share
            if steps[place].total > 100 + Self.tolerance && !steps[place].wentOver {
                steps[place].wentOver = true
                let total = Figures.numberText(steps[place].total) + "%"
                findings.append(Finding(Message(LintMessage.sharesOverHundred, ["id": .text(ids[position].name), "total": .text(total)]),
                                        at: share.number.range))
            }
        }
    }

    /// Steps whose every `->` flow has a share, the shares adding up to less than 100%: reported at the last one.
    func reportIncomplete(into findings: inout Findings) {
        for step in steps {
            guard step.links == step.linksWithShare, step.total < 100 - Self.tolerance, let last = step.lastShare else { continue }
            findings.append(Finding(Message(LintMessage.sharesUnderHundred, ["id": .text(step.name), "total": .text(Figures.numberText(step.total) + "%")]),
                                    at: last.number.range))
        }
    }

    /// Shares written with decimals add up with rounding errors far below any written digit.
    static let tolerance = 1e-9
}
