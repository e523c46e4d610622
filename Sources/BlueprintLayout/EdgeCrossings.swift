import BlueprintEncoding
import BlueprintLanguage

// Crossings: links moved to other channels while that makes fewer arrows cross.
extension EdgeRouter {
    /// Beyond this many links the search is left out: each try counts the crossings of every link, and
    /// a drawing that large is printed on pages, where each page is searched on its own.
    package static let crossingSearchLimit = 200

    /// Searches for the drawing that crosses least; then, if some of its arrows leave their band, again
    /// with fewer such arrows breaking ties, and keeps the second drawing when it has fewer of them and
    /// crosses no more. A greedy search that broke ties from the start would find other drawings, some
    /// crossing more, for blueprints whose arrows all keep to their bands.
    ///
    /// Where arrows may leave their bands, the first search nearly always leaves some out of band, so
    /// both searches run at once, each on a copy of the drawing as it starts.
    package mutating func reduceCrossings() {
        guard links.count <= Self.crossingSearchLimit else { return }
        let start = self
        @Sendable func search(breakingTiesInBand: Bool) -> Search {
            var router = start
            let count = router.searchForFewerCrossings(breakingTiesInBand: breakingTiesInBand)
            return Search(count: count, plans: router.plans, grid: router.grid)
        }
        let both = bands.keepsToBands ? nil : [false, true].concurrentMap { search(breakingTiesInBand: $0) }
        let fewestCrossings = both?[0] ?? search(breakingTiesInBand: false)
        var kept = fewestCrossings
        if fewestCrossings.count.outOfBand > 0 {
            let inBand = both?[1] ?? search(breakingTiesInBand: true)
            if inBand.count.outOfBand < fewestCrossings.count.outOfBand && inBand.count.cost <= fewestCrossings.count.cost {
                kept = inBand
            }
        }
        (plans, grid) = (kept.plans, kept.grid)
    }

    /// What one search for fewer crossings found.
    private struct Search {
        var count: CrossingCount
        var plans: [Plan]
        var grid: RoutingGrid
    }

    /// Tries the other shapes of each link that crosses others, the links that cross most first, and
    /// keeps a shape when the drawing as a whole then crosses less (see `CrossingCount.score`).
    private mutating func searchForFewerCrossings(breakingTiesInBand: Bool) -> CrossingCount {
        var routed = routedLinks()
        var best = crossings(routed.routes, breakingTiesInBand: breakingTiesInBand)
        var triesLeft = Self.triesPerLink * links.count
        // A move can open the way for another, so the links are tried again while that helps.
        for _ in 0..<Self.crossingSearchRounds where best.score > (0, 0) && triesLeft > 0 {
            let before = best.score
            tryOtherShapes(best: &best, routed: &routed, triesLeft: &triesLeft)
            if best.score == before { break }
        }
        // Two links that cross may each need to move for either move to help.
        triesLeft = Self.triesPerLink * links.count
        tryOtherShapesInPairs(best: &best, routed: &routed, triesLeft: &triesLeft)
        return best
    }

    /// Each try counts the crossings of every link, so a drawing gets at most this many tries per link
    /// (the examples need fewer than two).
    static let triesPerLink = 3

    /// How many times every crossing link is tried at most.
    package static let crossingSearchRounds = 3

    private mutating func tryOtherShapes(best: inout CrossingCount, routed: inout RoutedLinks, triesLeft: inout Int) {
        let crossing = plans.indices.filter { best.perLink[$0] > 0 }
            .sorted { (best.perLink[$0], $1) > (best.perLink[$1], $0) }
        for index in crossing {
            for shape in alternativeShapes(of: index) {
                guard triesLeft > 0 else { return }
                triesLeft -= 1
                let kept = (plans[index], grid)
                let chips = give(shape, to: index)
                if !keepIfBetter(&best, &routed, changing: [(index, kept.0)], newChips: chips) { (plans[index], grid) = kept }
            }
        }
    }

    /// Tries the other shapes of both links of each crossing together.
    private mutating func tryOtherShapesInPairs(best: inout CrossingCount, routed: inout RoutedLinks, triesLeft: inout Int) {
        for (first, second) in best.crossingPairs where triesLeft > 0 && best.cross(first, second) {
            search: for firstShape in alternativeShapes(of: first) {
                let kept = (plans, grid)
                let firstChips = give(firstShape, to: first)
                for secondShape in alternativeShapes(of: second) where triesLeft > 0 {
                    triesLeft -= 1
                    let keptSecond = (plans[second], grid)
                    let secondChips = give(secondShape, to: second)
                    let changed = [(first, kept.0[first]), (second, kept.0[second])]
                    if keepIfBetter(&best, &routed, changing: changed, newChips: firstChips + secondChips) { break search }
                    (plans[second], grid) = keptSecond
                }
                // No pair with this first move helped.
                (plans, grid) = kept
            }
        }
    }

    /// Gives link `index` `shape`, reserving the slots of its chips; returns the chips with their link.
    private mutating func give(_ shape: Shape, to index: Int) -> [(link: Int, cell: Rect)] {
        plans[index].shape = shape
        guard case .connector(let start, let end) = shape else { return [] }
        Self.reserveChips(of: links[index], start, end, in: &grid)
        return [(index, chip(of: plans[index].from, start).cell), (index, chip(of: plans[index].to, end).cell)]
    }

    /// Whether the drawing as it now scores better than `best`, with no route through a new chip; if
    /// so it becomes the best, and `routed` its routing. `routed` is that of the best drawing, where
    /// the `changed` links went as their plans `before`.
    private func keepIfBetter(
        _ best: inout CrossingCount, _ routed: inout RoutedLinks, changing changed: [(link: Int, before: Plan)],
        newChips: [(link: Int, cell: Rect)]
    ) -> Bool {
        let trial = rerouted(routed, changing: changed)
        guard let count = crossings(trial.routes, breakingTiesInBand: best.breaksTiesInBand, costingAtMost: best.cost),
              count.score < best.score, !Self.anyRoute(trial.routes, entersAnyOf: newChips) else { return false }
        best = count
        routed = trial
        return true
    }

    /// `routed` as it becomes when the `changed` links, which went as their plans `before`, go as
    /// `plans` says. Only what they can move is worked out again: the ports on the sides of boxes they
    /// leave or take, the tracks along the sides of corridors they leave or take, the tracks in gaps
    /// they leave or take or where a link with a port or corridor track that moved runs, and the
    /// routes of links with a moved port or track. The rest stays as a whole routing has it. A move
    /// that changes the stacks of chips, which hold ports anywhere, routes all again.
    private func rerouted(_ routed: RoutedLinks, changing changed: [(link: Int, before: Plan)]) -> RoutedLinks {
        let stacks = chipStacks()
        guard stacks.count == routed.chipStacks.count,
              stacks.allSatisfy({ chip, stack in routed.chipStacks[chip].map { $0 == stack } ?? false }) else { return routedLinks() }
        var after = routed, sides: [Int] = [], corridorSides: [Int] = [], gaps: [Int] = []
        func addGaps(of plan: Plan) {
            let (first, second) = Self.gaps(of: plan)
            if let first { gaps.append(first) }
            if let second { gaps.append(second) }
        }
        for (link, before) in changed {
            for plan in [before, plans[link]] {
                let (start, end) = portEnds(of: plan, link, heldPorts: [:])
                sides += [start.side, end.side]
                if let side = corridorSide(of: plan) { corridorSides.append(side.key) }
                addGaps(of: plan)
            }
            // Their tracks are found again in full: the runs they took may be gone.
            after.corridorTracks[link] = nil
            after.gapTracks[link] = (nil, nil)
        }
        assignPorts(plans, chipStacks: stacks, onSides: sides.contains, to: &after.ports)
        assignCorridorTracks(plans, onSides: corridorSides.contains, to: &after.corridorTracks)
        func moved(_ link: Int) -> Bool {
            after.ports[link] != routed.ports[link] || after.corridorTracks[link] != routed.corridorTracks[link]
        }
        for link in plans.indices where moved(link) { addGaps(of: plans[link]) }
        assignGapTracks(plans, ports: after.ports, corridorTracks: after.corridorTracks, inGaps: gaps.contains, to: &after.gapTracks)
        for link in plans.indices where moved(link) || after.gapTracks[link] != routed.gapTracks[link] || changed.contains(where: { $0.link == link }) {
            after.routes[link] = route(plans[link], ports: after.ports[link], corridorY: after.corridorTracks[link], gapX: after.gapTracks[link])
        }
        // Debug builds, the tests among them, hold the shortcut to what a whole routing gives.
        assert(after.routes == routedLinks().routes, "a try's partial routing differs from a whole routing")
        return after
    }

    /// Whether a route passes through one of `chips` other than its own.
    private static func anyRoute(_ routes: [Route], entersAnyOf chips: [(link: Int, cell: Rect)]) -> Bool {
        guard !chips.isEmpty else { return false }
        for (index, route) in routes.enumerated() {
            for piece in route.pieces {
                for (a, b) in zip(piece, piece.dropFirst()) where chips.contains(where: { $0.link != index && enters(a, b, $0.cell) }) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the horizontal or vertical segment from `a` to `b` passes through the inside of `rect`.
    private static func enters(_ a: Point, _ b: Point, _ rect: Rect) -> Bool {
        min(a.x, b.x) < rect.maxX && rect.minX < max(a.x, b.x) && min(a.y, b.y) < rect.maxY && rect.minY < max(a.y, b.y)
    }

    /// The other ways a link can go through the free channels: turning in the other gap, along another
    /// corridor, or as a connector.
    package func alternativeShapes(of index: Int) -> [Shape] {
        let plan = plans[index], source = grid.steps[plan.from], target = grid.steps[plan.to]
        switch plan.shape {
        case .vertical, .connector: return []
        case .throughGap, .viaCorridor: break
        }
        var shapes = Self.throughGapShapes(links[index], in: grid)
        // Any corridor but the one above the evidence lane, where no arrow belongs: one far from both
        // lanes may pass every arrow between them, though it then runs through lanes the link does
        // not join (see `CrossingCount.outOfBand`).
        let band = Self.band(of: links[index], in: grid)
        for corridor in 1...Lane.allCases.count
        where !bands.keepsToBands || band.contains(CorridorSide(corridor: corridor, into: target.lane).laneIndex) {
            shapes.append(.viaCorridor(outGap: source.slot + 1, corridor: corridor, inGap: target.slot))
        }
        // A connector, for a loop back or a link that is not short, where chips beside both ends have
        // room.
        let isLoopBack = target.slot <= source.slot
        if isLoopBack || target.slot - source.slot >= Routing.shortestConnector,
           let connector = Self.connector(for: links[index], in: grid, chips: bands.chips) {
            shapes.append(connector)
        }
        return shapes.filter { $0 != plan.shape }
    }

    package struct CrossingCount {
        package var total: Int
        /// Crossings within `Routing.junctionDistance` of a corner of either route: they read as a
        /// fork or a T.
        package var junctions: Int
        /// Stretches where the routes of two links of different steps run side by side, closer than
        /// `Routing.sideBySide`: they read as one arrow.
        package var sideBySide: Int
        /// How many crossings and side-by-side stretches each link takes part in.
        package var perLink: [Int]
        /// The links of each crossing, the lower index first, each pair once, in the order found.
        package private(set) var crossingPairs: [(Int, Int)] = []
        /// The same pairs, to look one up at once (a dense blueprint has thousands of crossings): a bit
        /// for each pair of links, at `first * links + second`.
        private var pairBits: [UInt64]
        /// Links whose route runs through a lane outside the band between their ends.
        package var outOfBand = 0
        /// Whether fewer such links make a drawing better when it costs the same.
        package var breaksTiesInBand = false
        /// A junction reads as a fork or a T, and two arrows side by side as one: either misleads more
        /// than a plain crossing.
        package var cost: Int { total + 4 * junctions + 4 * sideBySide }
        /// What the search makes smaller, the first figure first.
        package var score: (Int, Int) { (cost, breaksTiesInBand ? outOfBand : 0) }

        package init(total: Int, junctions: Int, sideBySide: Int, perLink: [Int]) {
            self.total = total
            self.junctions = junctions
            self.sideBySide = sideBySide
            self.perLink = perLink
            pairBits = Array(repeating: 0, count: (perLink.count * perLink.count + 63) / 64)
        }

        /// Whether links `first` and `second` (the lower index first) cross.
        package func cross(_ first: Int, _ second: Int) -> Bool {
            let bit = first * perLink.count + second
            return pairBits[bit / 64] & 1 << (bit % 64) != 0
        }

        mutating func addCrossing(_ first: Int, _ second: Int) {
            guard !cross(first, second) else { return }
            let bit = first * perLink.count + second
            pairBits[bit / 64] |= 1 << (bit % 64)
            crossingPairs.append((first, second))
        }
    }

    /// A horizontal or vertical segment of a link's route: at `at` across its direction, from `from` to
    /// `to` along it.
    private struct Segment {
        var link: Int
        var at: Double
        var from: Double
        var to: Double
    }

    /// The crossings between the routes of different links (a horizontal piece of one passing through
    /// a vertical piece of another, or meeting its end), and the stretches where two run side by side.
    package func crossings(_ routes: [Route], breakingTiesInBand: Bool = false) -> CrossingCount {
        crossings(routes, breakingTiesInBand: breakingTiesInBand, costingAtMost: .max)!
    }

    /// The same, or nil as soon as they cost more than `limit`: the search drops a try that costs more
    /// than the best drawing, whatever the rest of its count.
    private func crossings(_ routes: [Route], breakingTiesInBand: Bool, costingAtMost limit: Int) -> CrossingCount? {
        var horizontal: [Segment] = [], vertical: [Segment] = []
        let segments = routes.reduce(0) { $0 + $1.points.count + ($1.connectorEnd?.count ?? 0) }
        horizontal.reserveCapacity(segments)
        vertical.reserveCapacity(segments)
        func add(_ piece: [Point], of link: Int) {
            for (a, b) in zip(piece, piece.dropFirst()) {
                if a.y == b.y {
                    horizontal.append(Segment(link: link, at: a.y, from: min(a.x, b.x), to: max(a.x, b.x)))
                } else if a.x == b.x {
                    vertical.append(Segment(link: link, at: a.x, from: min(a.y, b.y), to: max(a.y, b.y)))
                }
            }
        }
        for (link, route) in routes.enumerated() {
            add(route.points, of: link)
            if let connectorEnd = route.connectorEnd { add(connectorEnd, of: link) }
        }
        vertical.sort { $0.at < $1.at }
        let margin = 0.5, near = Routing.junctionDistance
        var count = CrossingCount(total: 0, junctions: 0, sideBySide: 0, perLink: Array(repeating: 0, count: routes.count))
        count.breaksTiesInBand = breakingTiesInBand
        for piece in horizontal {
            // The vertical pieces strictly between the horizontal piece's ends, found by bisection.
            let first = vertical.partitioningIndex { $0.at > piece.from + margin }
            for other in vertical[first...] {
                guard other.at < piece.to - margin else { break }
                // A vertical piece that ends on the horizontal one counts too: drawn with rounded
                // corners, the two cross right at the turn.
                guard other.link != piece.link, other.from - margin <= piece.at, piece.at <= other.to + margin else { continue }
                count.total += 1
                if other.at - piece.from < near || piece.to - other.at < near || piece.at - other.from < near || other.to - piece.at < near {
                    count.junctions += 1
                }
                count.perLink[piece.link] += 1
                count.perLink[other.link] += 1
                count.addCrossing(min(piece.link, other.link), max(piece.link, other.link))
            }
            if count.cost > limit { return nil }
        }
        for index in plans.indices where leavesItsBand(plans[index]) {
            count.outOfBand += 1
            // Counted against the drawing, such a link is one to move.
            if breakingTiesInBand { count.perLink[index] += 1 }
        }
        // Side by side: pieces of one direction sorted across it (the vertical ones already are), each
        // compared with those just after.
        horizontal.sort { $0.at < $1.at }
        for pieces in [horizontal, vertical] {
            for (index, piece) in pieces.enumerated() {
                for other in pieces[(index + 1)...] {
                    guard other.at - piece.at < Routing.sideBySide else { break }
                    guard min(piece.to, other.to) - max(piece.from, other.from) > 1, !shareAStep(piece.link, other.link) else { continue }
                    count.sideBySide += 1
                    count.perLink[piece.link] += 1
                    count.perLink[other.link] += 1
                }
                if count.cost > limit { return nil }
            }
        }
        return count
    }

    /// Whether `plan` runs along a corridor, or puts a chip, in a lane outside the band between its ends.
    package func leavesItsBand(_ plan: Plan) -> Bool {
        let band = Self.band(of: Link(from: plan.from, to: plan.to), in: grid)
        switch plan.shape {
        case .throughGap, .vertical:
            return false
        case .viaCorridor(_, let corridor, _):
            return !band.contains(CorridorSide(corridor: corridor, into: grid.steps[plan.to].lane).laneIndex)
        case .connector(let start, let end):
            return !band.contains(grid.chipCell(of: plan.from, start).lane.index) || !band.contains(grid.chipCell(of: plan.to, end).lane.index)
        }
    }

    /// Whether two links start or end at one step: arrows fanning out of a step may run together.
    private func shareAStep(_ a: Int, _ b: Int) -> Bool {
        let first = links[a], second = links[b]
        return first.from == second.from || first.from == second.to || first.to == second.from || first.to == second.to
    }
}

extension EdgeRouter {
    /// The links whose arrows leave the band of lanes between their ends.
    package var linksLeavingTheirBands: [Int] { plans.indices.filter { leavesItsBand(plans[$0]) } }

    /// The connectors with a chip above or below its step, in another lane.
    package var connectorsWithChipsAboveOrBelow: [Int] {
        plans.indices.filter { index in
            guard case .connector(let start, let end) = plans[index].shape else { return false }
            return !start.isBesideStep || !end.isBesideStep
        }
    }

    /// The room in their own lanes that the ends of `links` need to be drawn as connectors there: a
    /// free slot after the source and one before the target, but for a connector only at the end whose
    /// chip stands above or below its step.
    package func chipRoom(for links: [Int]) -> [Int: SlotAssignment.ChipRoom] {
        var room: [Int: SlotAssignment.ChipRoom] = [:]
        for link in links {
            let plan = plans[link]
            var atStart = true, atEnd = true
            if case .connector(let start, let end) = plan.shape {
                atStart = !start.isBesideStep
                atEnd = !end.isBesideStep
            }
            if atStart { room[plan.from, default: []].insert(.after) }
            if atEnd { room[plan.to, default: []].insert(.before) }
        }
        return room
    }

    /// The part of `room` that chips took, and the connectors whose chips stand there.
    package func chipRoomTaken(from room: [Int: SlotAssignment.ChipRoom]) -> (room: [Int: SlotAssignment.ChipRoom], connectors: [Int]) {
        var taken: [Int: SlotAssignment.ChipRoom] = [:], connectors: [Int] = []
        for (index, plan) in plans.enumerated() {
            guard case .connector(let start, let end) = plan.shape else { continue }
            let atStart = start == .right && room[plan.from]?.contains(.after) == true
            let atEnd = end == .left && room[plan.to]?.contains(.before) == true
            if atStart { taken[plan.from, default: []].insert(.after) }
            if atEnd { taken[plan.to, default: []].insert(.before) }
            if atStart || atEnd { connectors.append(index) }
        }
        return (taken, connectors)
    }

    /// What the drawing's crossings cost, as the search for fewer crossings counts them.
    package var crossingCost: Int { crossings(unlabelledRoutes()).cost }
}
