import BlueprintLanguage

// Ports: where each link leaves its source and enters its target.
extension EdgeRouter {
    package enum Side: Int, CaseIterable { case left, right, top, bottom }

    /// One end of a link on a side of a box.
    struct PortEnd {
        /// The side, at `step * 4 + side`.
        var side: Int
        var plan: Int
        var isStart: Bool
        /// Where the link heads from there.
        var heading: Double
        /// Orders links heading the same way by the gap they turn in.
        var turn: Double
    }

    /// Where link `index` leaves its source and enters its target, going as `plan` does; `heldPorts`
    /// are the ports of stacked chips (see `assignPorts`).
    func portEnds(of plan: Plan, _ index: Int, heldPorts: [Int: Double]) -> (start: PortEnd, end: PortEnd) {
        func portEnd(_ step: Int, _ side: Side, isStart: Bool, heading: Double, gap: Int = 0) -> PortEnd {
            // Leaving, the nearer turn is the lower gap index; arriving, the higher. It takes the upper
            // port for a link towards the top, the lower one for a link towards the bottom.
            let towardsTop = heading < grid.steps[step].box.midY
            let turn = Double(gap) * (isStart ? 1 : -1) * (towardsTop ? 1 : -1)
            return PortEnd(side: step * Side.allCases.count + side.rawValue, plan: index, isStart: isStart, heading: heading, turn: turn)
        }
        let source = grid.steps[plan.from], target = grid.steps[plan.to]
        switch plan.shape {
        case .vertical:
            let down = source.lane < target.lane
            return (portEnd(plan.from, down ? .bottom : .top, isStart: true, heading: Double(index)),
                    portEnd(plan.to, down ? .top : .bottom, isStart: false, heading: Double(index)))
        case .connector(let start, let end):
            let startSide: Side = switch start { case .right, .left: .right; case .above: .top; case .below: .bottom }
            let endSide: Side = switch end { case .left, .right: .left; case .above: .top; case .below: .bottom }
            return (portEnd(plan.from, startSide, isStart: true, heading: heldPorts[2 * index] ?? source.centre.y),
                    portEnd(plan.to, endSide, isStart: false, heading: heldPorts[2 * index + 1] ?? target.centre.y))
        case .throughGap(let gap):
            return (portEnd(plan.from, .right, isStart: true, heading: target.centre.y, gap: gap),
                    portEnd(plan.to, .left, isStart: false, heading: source.centre.y, gap: gap))
        case .viaCorridor(let outGap, let corridor, let inGap):
            let corridorY = grid.corridors[corridor].midY
            return (portEnd(plan.from, .right, isStart: true, heading: corridorY, gap: outGap),
                    portEnd(plan.to, .left, isStart: false, heading: corridorY, gap: inGap))
        }
    }

    /// Where each link leaves its source and enters its target: the sides of a box are shared out
    /// among the links on them, ordered by where each link heads so they fan out without crossing.
    /// Links heading the same way are ordered by the gap they turn in: of two links leaving upwards,
    /// the one turning sooner leaves above the other, so it never crosses the other's first run
    /// (and the other way round downwards, and likewise on the way in). Only the ends on the sides
    /// for which `isAssigned` holds are written to `ports`. `stacks` are those of `chipStacks()`.
    func assignPorts(
        _ plans: [Plan], chipStacks stacks: [Int: (place: Int, count: Int)], onSides isAssigned: (Int) -> Bool,
        to ports: inout [(start: Point, end: Point)]
    ) {
        let sides = Side.allCases.count
        // A connector whose chip is stacked with another beside its step leaves or enters level with the
        // middle of its chip: that is where it heads, and its port is held there.
        var heldPorts: [Int: Double] = [:]
        for (index, plan) in plans.enumerated() where !stacks.isEmpty {
            guard case .connector(let start, let end) = plan.shape else { continue }
            for (step, side, key) in [(plan.from, start, 2 * index), (plan.to, end, 2 * index + 1)] {
                if let stacked = stacks[key] { heldPorts[key] = chip(of: step, side, stacked: stacked).cell.midY }
            }
        }
        // One array of ends sorted by side, not one per side, as the search for fewer crossings assigns
        // ports many times over.
        var ends: [PortEnd] = []
        ends.reserveCapacity(2 * plans.count)
        for (index, plan) in plans.enumerated() {
            let (start, end) = portEnds(of: plan, index, heldPorts: heldPorts)
            if isAssigned(start.side) { ends.append(start) }
            if isAssigned(end.side) { ends.append(end) }
        }
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
