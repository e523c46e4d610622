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

    /// Every step's exits one after the other, step `s`'s at `exitStarts[s]..<exitStarts[s + 1]`:
    /// one array for all, where an array per step cost an allocation per step.
    private let exitStarts: [Int]
    private let exitList: [Exit]

    var stepCount: Int { exitStarts.count - 1 }

    /// Each target once, in the order its first flow is written.
    func exits(of step: Int) -> ArraySlice<Exit> {
        exitList[exitStarts[step]..<exitStarts[step + 1]]
    }

    init(_ blueprint: Blueprint) {
        let stepCount = blueprint.steps.count, flows = blueprint.flows
        // The hand-offs grouped by the step they leave, each group in source order (a counting sort):
        // a step's targets are then told apart by marks, where hashing each pair cost more than the rest.
        var starts = [Int](repeating: 0, count: stepCount + 1)
        for index in flows.indices where flows[index].arrow == .handOff { starts[flows[index].from + 1] += 1 }
        for step in 0..<stepCount { starts[step + 1] += starts[step] }
        var grouped = [Int](repeating: 0, count: starts[stepCount]), fill = starts
        for index in flows.indices where flows[index].arrow == .handOff {
            grouped[fill[flows[index].from]] = index
            fill[flows[index].from] += 1
        }
        // A target's place in the row of the step that last marked it.
        var markedBy = [Int](repeating: -1, count: stepCount), places = [Int](repeating: 0, count: stepCount)
        var exitStarts = [0], exitList: [Exit] = []
        exitStarts.reserveCapacity(stepCount + 1)
        exitList.reserveCapacity(grouped.count)
        var written: [(target: Int, share: Double?)] = []
        for step in 0..<stepCount {
            written.removeAll(keepingCapacity: true)
            for index in grouped[starts[step]..<starts[step + 1]] {
                // A share past 100% is already an error; capped, it cannot swamp the others with infinities.
                let share = flows[index].share.map { min(max($0, 0), 100) / 100 }
                let target = flows[index].to
                if markedBy[target] == step {
                    // The same hand-off written twice: one way out, with the shares of both.
                    if let share { written[places[target]].share = (written[places[target]].share ?? 0) + share }
                } else {
                    markedBy[target] = step
                    places[target] = written.count
                    written.append((target, share))
                }
            }
            Self.appendProbabilities(of: written, to: &exitList)
            exitStarts.append(exitList.count)
        }
        self.exitStarts = exitStarts
        self.exitList = exitList
    }

    private static func appendProbabilities(of targets: [(target: Int, share: Double?)], to exits: inout [Exit]) {
        let sharedTotal = targets.reduce(0) { $0 + ($1.share ?? 0) }
        let unshared = targets.count { $0.share == nil }
        let scale = sharedTotal > 1 ? 1 / sharedTotal : 1
        let rest = unshared > 0 ? max(0, 1 - sharedTotal * scale) / Double(unshared) : 0
        for target in targets {
            exits.append(Exit(step: target.target, probability: target.share.map { $0 * scale } ?? rest))
        }
    }
}
