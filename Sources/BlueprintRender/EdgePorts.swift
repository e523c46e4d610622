import BlueprintLanguage

// Ports: where each link leaves its source and enters its target.
extension EdgeRouter {
    enum Side: Hashable { case left, right, top, bottom }

    struct PortKey: Hashable {
        var step: Int
        var side: Side
    }

    /// Where each link leaves its source and enters its target: the sides of a box are shared out
    /// among the links on them, ordered by where each link heads so they fan out without crossing.
    func assignPorts(_ plans: [Plan]) -> [(start: Point, end: Point)] {
        var ends: [PortKey: [(plan: Int, isStart: Bool, heading: Double)]] = [:]
        for (index, plan) in plans.enumerated() {
            let source = grid.steps[plan.from], target = grid.steps[plan.to]
            switch plan.shape {
            case .vertical:
                let down = source.lane < target.lane
                ends[PortKey(step: plan.from, side: down ? .bottom : .top), default: []].append((index, true, Double(index)))
                ends[PortKey(step: plan.to, side: down ? .top : .bottom), default: []].append((index, false, Double(index)))
            case .connector(let start, let end):
                let startSide: Side = switch start { case .right, .left: .right; case .above: .top; case .below: .bottom }
                let endSide: Side = switch end { case .left, .right: .left; case .above: .top; case .below: .bottom }
                ends[PortKey(step: plan.from, side: startSide), default: []].append((index, true, source.centre.y))
                ends[PortKey(step: plan.to, side: endSide), default: []].append((index, false, target.centre.y))
            case .throughGap:
                ends[PortKey(step: plan.from, side: .right), default: []].append((index, true, target.centre.y))
                ends[PortKey(step: plan.to, side: .left), default: []].append((index, false, source.centre.y))
            case .viaCorridor(_, let corridor, _):
                let corridorY = grid.corridors[corridor].midY
                ends[PortKey(step: plan.from, side: .right), default: []].append((index, true, corridorY))
                ends[PortKey(step: plan.to, side: .left), default: []].append((index, false, corridorY))
            }
        }
        var ports = [(start: Point, end: Point)](repeating: (Point(x: 0, y: 0), Point(x: 0, y: 0)), count: plans.count)
        for (key, var sharing) in ends {
            sharing.sort { ($0.heading, $0.plan) < ($1.heading, $1.plan) }
            let box = grid.steps[key.step].box
            let horizontal = key.side == .top || key.side == .bottom
            let room = (horizontal ? box.width : box.height) - 2 * Routing.portMargin
            let spacing = sharing.count > 1 ? min(Routing.portSpacing, room / Double(sharing.count - 1)) : 0
            for (rank, end) in sharing.enumerated() {
                let offset = (Double(rank) - Double(sharing.count - 1) / 2) * spacing
                let point = switch key.side {
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
}
