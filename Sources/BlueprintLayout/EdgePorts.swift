import BlueprintLanguage

// Ports: where each link leaves its source and enters its target.
extension EdgeRouter {
    package enum Side: Int, CaseIterable { case left, right, top, bottom }

    /// Where each link leaves its source and enters its target: the sides of a box are shared out
    /// among the links on them, ordered by where each link heads so they fan out without crossing.
    /// Links heading the same way are ordered by the gap they turn in: of two links leaving upwards,
    /// the one turning sooner leaves above the other, so it never crosses the other's first run
    /// (and the other way round downwards, and likewise on the way in).
    package func assignPorts(_ plans: [Plan]) -> [(start: Point, end: Point)] {
        // The ends of the links, each on its side of its box at `step * 4 + side`: one array sorted by
        // side, as the search for fewer crossings assigns ports many times over.
        let sides = Side.allCases.count
        var ends: [(side: Int, plan: Int, isStart: Bool, heading: Double, turn: Double)] = []
        ends.reserveCapacity(2 * plans.count)
        func add(_ step: Int, _ side: Side, _ plan: Int, isStart: Bool, heading: Double, gap: Int = 0) {
            // Leaving, the nearer turn is the lower gap index; arriving, the higher. It takes the upper
            // port for a link towards the top, the lower one for a link towards the bottom.
            let towardsTop = heading < grid.steps[step].box.midY
            let turn = Double(gap) * (isStart ? 1 : -1) * (towardsTop ? 1 : -1)
            ends.append((step * sides + side.rawValue, plan, isStart, heading, turn))
        }
        // A connector whose chip is stacked with another beside its step leaves or enters level with the
        // middle of its chip: that is where it heads, and its port is held there.
        let stacks = chipStacks()
        var heldPorts: [Int: Double] = [:]
        for (index, plan) in plans.enumerated() where !stacks.isEmpty {
            guard case .connector(let start, let end) = plan.shape else { continue }
            for (step, side, key) in [(plan.from, start, 2 * index), (plan.to, end, 2 * index + 1)] {
                if let stacked = stacks[key] { heldPorts[key] = chip(of: step, side, stacked: stacked).cell.midY }
            }
        }
        for (index, plan) in plans.enumerated() {
            let source = grid.steps[plan.from], target = grid.steps[plan.to]
            switch plan.shape {
            case .vertical:
                let down = source.lane < target.lane
                add(plan.from, down ? .bottom : .top, index, isStart: true, heading: Double(index))
                add(plan.to, down ? .top : .bottom, index, isStart: false, heading: Double(index))
            case .connector(let start, let end):
                let startSide: Side = switch start { case .right, .left: .right; case .above: .top; case .below: .bottom }
                let endSide: Side = switch end { case .left, .right: .left; case .above: .top; case .below: .bottom }
                add(plan.from, startSide, index, isStart: true, heading: heldPorts[2 * index] ?? source.centre.y)
                add(plan.to, endSide, index, isStart: false, heading: heldPorts[2 * index + 1] ?? target.centre.y)
            case .throughGap(let gap):
                add(plan.from, .right, index, isStart: true, heading: target.centre.y, gap: gap)
                add(plan.to, .left, index, isStart: false, heading: source.centre.y, gap: gap)
            case .viaCorridor(let outGap, let corridor, let inGap):
                let corridorY = grid.corridors[corridor].midY
                add(plan.from, .right, index, isStart: true, heading: corridorY, gap: outGap)
                add(plan.to, .left, index, isStart: false, heading: corridorY, gap: inGap)
            }
        }
        var ports = [(start: Point, end: Point)](repeating: (Point(x: 0, y: 0), Point(x: 0, y: 0)), count: plans.count)
        ends.sort { ($0.side, $0.heading, $0.turn, $0.plan) < ($1.side, $1.heading, $1.turn, $1.plan) }
        var first = 0
        while first < ends.count {
            let key = ends[first].side
            var last = first
            while last + 1 < ends.count && ends[last + 1].side == key { last += 1 }
            let sharing = ends[first...last], count = sharing.count
            first = last + 1
            let box = grid.steps[key / sides].box, side = Side(rawValue: key % sides)!
            let horizontal = side == .top || side == .bottom
            let room = (horizontal ? box.width : box.height) - 2 * Routing.portMargin
            let spacing = count > 1 ? min(Routing.portSpacing, room / Double(count - 1)) : 0
            let held = heldPorts.isEmpty ? [] : sharing.enumerated().compactMap { rank, end in
                heldPorts[2 * end.plan + (end.isStart ? 0 : 1)].map { (rank: rank, offset: $0 - box.midY) }
            }
            let heldOffsets = held.isEmpty ? nil : Self.offsets(count: count, held: held, halfRoom: box.height / 2)
            for (rank, end) in sharing.enumerated() {
                let offset = heldOffsets?[rank] ?? (Double(rank) - Double(count - 1) / 2) * spacing
                let point = switch side {
                case .left: Point(x: box.minX, y: box.midY + offset)
                case .right: Point(x: box.maxX, y: box.midY + offset)
                case .top: Point(x: box.midX + offset, y: box.minY)
                case .bottom: Point(x: box.midX + offset, y: box.maxY)
                }
                if end.isStart { ports[end.plan].start = point } else { ports[end.plan].end = point }
            }
        }
        return ports
    }

    /// The offsets from the middle of a side of `count` ports in order, those at `held` ranks fixed at
    /// their offsets and the others spread between them (or between them and the side's ends), at most
    /// `Routing.portSpacing` apart.
    static func offsets(count: Int, held: [(rank: Int, offset: Double)], halfRoom: Double) -> [Double] {
        var offsets = [Double](repeating: 0, count: count)
        let bounds = [(rank: -1, offset: -halfRoom)] + held + [(rank: count, offset: halfRoom)]
        for (upper, lower) in zip(bounds, bounds.dropFirst()) {
            if lower.rank < count { offsets[lower.rank] = lower.offset }
            let free = lower.rank - upper.rank - 1
            guard free > 0 else { continue }
            let spacing = min(Routing.portSpacing, (lower.offset - upper.offset) / Double(free + 1))
            let middle = (upper.offset + lower.offset) / 2
            for step in 0..<free {
                offsets[upper.rank + 1 + step] = middle + (Double(step) - Double(free - 1) / 2) * spacing
            }
        }
        return offsets
    }
}
