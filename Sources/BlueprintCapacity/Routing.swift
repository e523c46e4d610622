import BlueprintModel

/// Where the customers leaving each step go (spec section 3, "Shares"): the `->` flows with a share
/// take it, those without split what the shares leave equally. Shares that add up to more than 100%
/// (an error the linter reports) are scaled down to 100%; when every flow has a share and they add
/// up to less, the rest leave the journey.
struct Routing: Sendable {
    struct Exit: Sendable {
        var step: Int
        var probability: Double
    }

    /// By step, each target once, in the order its first flow is written.
    let exits: [[Exit]]

    init(_ blueprint: Blueprint) {
        let stepCount = blueprint.steps.count
        var written = [[(target: Int, share: Double?)]](repeating: [], count: stepCount)
        // Where each hand-off is in `written`, by from × step count + to: a step may have thousands of ways out.
        var places: [Int: Int] = [:]
        for flow in blueprint.flows where flow.arrow == .handOff {
            // A share past 100% is already an error; capped, it cannot swamp the others with infinities.
            let share = flow.share.map { min(max($0, 0), 100) / 100 }
            let key = flow.from * stepCount + flow.to
            if let index = places[key] {
                // The same hand-off written twice: one way out, with the shares of both.
                if let share { written[flow.from][index].share = (written[flow.from][index].share ?? 0) + share }
            } else {
                places[key] = written[flow.from].count
                written[flow.from].append((flow.to, share))
            }
        }
        exits = written.map(Self.probabilities)
    }

    private static func probabilities(of targets: [(target: Int, share: Double?)]) -> [Exit] {
        let sharedTotal = targets.reduce(0) { $0 + ($1.share ?? 0) }
        let unshared = targets.count { $0.share == nil }
        let scale = sharedTotal > 1 ? 1 / sharedTotal : 1
        let rest = unshared > 0 ? max(0, 1 - sharedTotal * scale) / Double(unshared) : 0
        return targets.map { Exit(step: $0.target, probability: $0.share.map { $0 * scale } ?? rest) }
    }
}
