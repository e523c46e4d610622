import BlueprintLanguage

/// Orthogonal routes for the links between steps, computed on the layout's grid rather than by
/// Graphviz's obstacle-avoiding spline router, whose cost grows much faster than the number of boxes
/// (a 200-step blueprint took 11 s there).
///
/// Boxes sit in slots, so the drawing has free channels by construction: a vertical *gap* between
/// every two neighbouring slots, running through all lanes, and a horizontal *corridor* between the
/// boxes of every two neighbouring lanes. A link leaves its source on the right and enters its target
/// on the left, turning only inside gaps and corridors:
///
/// - in one row or one gap when the way is clear: straight across, or right, up or down, right;
/// - straight down or up between lanes when the target sits in the source's slot;
/// - otherwise out into the gap after the source, along the corridor next to the target's lane, and
///   in from the gap before the target; loops back to an earlier step take this way too.
///
/// A link that would run a long way along a corridor, across the arrows of every step it passes, is
/// drawn as a *connector* instead where there is room: a short arrow from the source into a chip
/// naming the target, and one from a chip naming the source into the target, each chip in a free slot
/// beside its step (after the source or before the target in their lanes, else above or below them).
/// Two connectors on one side of a step may share the slot there, one chip above the other. Kept to
/// their bands (`BandRule.keep`), no run goes along a corridor outside the lanes of the link's two
/// ends, and chips stand in those lanes or only in their own steps' lanes (`ChipRule`).
///
/// Links that share a gap or a corridor get tracks of their own, and links that share a side of a box
/// get ports of their own, so no two links run on top of each other. Routing is linear in the number
/// of links, apart from sorting; the search for fewer crossings then routes again a few times a link,
/// and only drawings of up to `crossingSearchLimit` links.
///
/// Here: the plan of each link and its polyline. The other jobs have files of their own: the
/// channels (`RoutingGrid`), ports (`EdgePorts`), tracks (`EdgeTracks`), the search for fewer
/// crossings (`EdgeCrossings`), label places (`EdgeLabels`, over `ObstacleBuckets`) and the curves
/// a renderer draws (`EdgeRoute`).
package struct EdgeRouter {
    package struct Link {
        package var from: Int
        package var to: Int

        package init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    package var grid: RoutingGrid
    package let links: [Link]
    package let layout: DiagramLayout
    /// How each link goes. Connectors are chosen first, in the order of the links, and their chips
    /// then stand in the way of the others like boxes; then links are moved to other channels while
    /// that makes fewer arrows cross (see `EdgeCrossings`).
    package var plans: [Plan]
    /// Whether links may leave their bands, and where the connectors' chips may stand.
    package let bands: BandRule

    /// Whether links may leave the band of lanes between their ends.
    package enum BandRule {
        /// Where that makes fewer arrows cross.
        case mayLeave
        /// Never; the links given are drawn as connectors first, with their chips beside their steps
        /// where those slots are free (see `SlotAssignment.ChipRoom`).
        case keep(connectorsBesideTheirSteps: [Int], chips: ChipRule)

        /// Whether every arrow keeps to its band: no run along a corridor of another lane.
        var keepsToBands: Bool {
            if case .keep = self { true } else { false }
        }

        var chips: ChipRule {
            if case .keep(_, let chips) = self { chips } else { .anywhere }
        }

        var connectorsFirst: [Int] {
            if case .keep(let connectors, _) = self { connectors } else { [] }
        }
    }

    /// Where a connector's chips may stand: beside their steps in their own lanes first, else
    package enum ChipRule {
        /// above or below them;
        case anywhere
        /// above or below them in a lane the link joins;
        case inBand
        /// nowhere else.
        case ownLane
    }

    /// `plans`, when given, are those of an earlier router over the same slots (the lanes' heights
    /// may differ), so both draw the same routes.
    package init(layout: DiagramLayout, stepLanes: [Lane], links: [Link], plans: [Plan]? = nil, bands: BandRule = .mayLeave) {
        var grid = RoutingGrid(layout: layout, stepLanes: stepLanes)
        var shapes: [Int: Shape] = [:]
        for index in bands.connectorsFirst where plans == nil {
            let link = links[index]
            guard let connector = Self.connector(for: link, in: grid, chips: bands.chips),
                  case .connector(let start, let end) = connector else { continue }
            shapes[index] = connector
            Self.reserveChips(of: link, start, end, in: &grid)
        }
        for (index, link) in links.enumerated() where shapes[index] == nil {
            let connector = plans.map { $0[index].shape } ?? Self.connectorForLongRun(link, in: grid, chips: bands.chips)
            guard let connector, case .connector(let start, let end) = connector else { continue }
            shapes[index] = connector
            Self.reserveChips(of: link, start, end, in: &grid)
        }
        let finalGrid = grid
        self.grid = grid
        self.links = links
        self.layout = layout
        self.bands = bands
        self.plans = plans ?? links.enumerated().map { index, link in
            shapes[index].map { Plan(from: link.from, to: link.to, shape: $0) } ?? Self.plan(link, in: finalGrid)
        }
        if plans == nil { reduceCrossings() }
    }

    /// Where each link's chips go, for the links drawn as connectors.
    package var chips: [(link: Int, start: Chip, end: Chip)] {
        let stacks = chipStacks()
        return plans.indices.compactMap { index in
            guard case .connector(let start, let end) = plans[index].shape else { return nil }
            return (index, chip(of: plans[index].from, start, stacked: stacks[2 * index]),
                    chip(of: plans[index].to, end, stacked: stacks[2 * index + 1]))
        }
    }

    /// Where the chips of connectors that share one side of one step stand in the slot beside it: one
    /// above the other, the lower link first. Keyed by `2 * link` for a start chip and `2 * link + 1`
    /// for an end chip; a chip alone in its slot has no entry.
    package func chipStacks() -> [Int: (place: Int, count: Int)] {
        var bySide: [Int: [Int]] = [:]
        for (index, plan) in plans.enumerated() {
            guard case .connector(let start, let end) = plan.shape else { continue }
            bySide[plan.from * 4 + start.rawValue, default: []].append(2 * index)
            bySide[plan.to * 4 + end.rawValue, default: []].append(2 * index + 1)
        }
        var stacks: [Int: (place: Int, count: Int)] = [:]
        for chips in bySide.values where chips.count > 1 {
            for (place, chip) in chips.enumerated() { stacks[chip] = (place, chips.count) }
        }
        return stacks
    }

    /// The route of every link; `labelSizes` gives the size of each link's label, nil for none (a
    /// connector's label goes in its chip, not on its route).
    package func routes(labelSizes: [Size?]) -> [Route] {
        var routes = unlabelledRoutes()
        placeLabels(&routes, sizes: labelSizes)
        return routes
    }

    /// The routes of `plans`, their labels not yet placed.
    package func unlabelledRoutes() -> [Route] { routedLinks().routes }

    /// The ports, tracks and route of every link.
    struct RoutedLinks {
        /// The stacks of chips, which hold ports (see `chipStacks`).
        var chipStacks: [Int: (place: Int, count: Int)]
        var ports: [(start: Point, end: Point)]
        var corridorTracks: [Double?]
        var gapTracks: [(first: Double?, second: Double?)]
        var routes: [Route]
    }

    /// The ports, tracks and routes of `plans`.
    func routedLinks() -> RoutedLinks {
        var routed = RoutedLinks(
            chipStacks: chipStacks(), ports: Array(repeating: (Point(x: 0, y: 0), Point(x: 0, y: 0)), count: plans.count),
            corridorTracks: Array(repeating: nil, count: plans.count), gapTracks: Array(repeating: (nil, nil), count: plans.count), routes: [])
        assignPorts(plans, chipStacks: routed.chipStacks, onSides: { _ in true }, to: &routed.ports)
        assignCorridorTracks(plans, onSides: { _ in true }, to: &routed.corridorTracks)
        assignGapTracks(plans, ports: routed.ports, corridorTracks: routed.corridorTracks, inGaps: { _ in true }, to: &routed.gapTracks)
        routed.routes = plans.indices.map { index in
            route(plans[index], ports: routed.ports[index], corridorY: routed.corridorTracks[index], gapX: routed.gapTracks[index])
        }
        return routed
    }

    // MARK: Plans

    /// How a link goes, before ports and tracks give it coordinates.
    package enum Shape: Equatable {
        /// Right out of the source, through one gap, right into the target.
        case throughGap(gap: Int)
        /// Bottom of the source to the top of the target, or top to bottom.
        case vertical
        /// Out into the gap after the source, along a corridor, in from the gap before the target.
        case viaCorridor(outGap: Int, corridor: Int, inGap: Int)
        /// Out of the source into a chip beside it; out of a chip beside the target into the target.
        case connector(start: ChipSide, end: ChipSide)
    }

    /// Where a connector's chip sits: in the next or previous slot of its step's lane, or in its step's
    /// slot of the lane above or below.
    package enum ChipSide: Int {
        case right, left, above, below

        /// Beside its step in the step's own lane, rather than above or below it in another.
        package var isBesideStep: Bool { self == .right || self == .left }
    }

    /// A connector's chip: the room it may take, and the side of its step it is on.
    package struct Chip {
        package var cell: Rect
        package var side: ChipSide
        /// Whether it shares its slot with another chip, so shows one line of the flow's label.
        package var isStacked = false
    }

    package struct Plan {
        package var from: Int
        package var to: Int
        package var shape: Shape
    }

    /// The connector a link is drawn as, when its corridor run would pass more than
    /// `Routing.longestCorridorRun` slots and there is a free slot for a chip beside each end: after the
    /// source or before the target in their lanes first, else above or below them, towards the other end.
    package static func connectorForLongRun(_ link: Link, in grid: RoutingGrid, chips: ChipRule) -> Shape? {
        guard case .viaCorridor(let outGap, _, let inGap) = plan(link, in: grid).shape,
              abs(inGap - outGap) > Routing.longestCorridorRun else { return nil }
        return connector(for: link, in: grid, chips: chips)
    }

    /// A connector for `link`, if there is a free slot for a chip beside each end where `chips` allows.
    package static func connector(for link: Link, in grid: RoutingGrid, chips: ChipRule) -> Shape? {
        let source = grid.steps[link.from], target = grid.steps[link.to]
        let targetIsBelow = target.lane.index > source.lane.index
        let band = band(of: link, in: grid)
        func allowed(_ step: Int, _ side: ChipSide) -> Bool {
            switch chips {
            case .anywhere: true
            case .inBand: band.contains(grid.chipCell(of: step, side).lane.index)
            case .ownLane: side.isBesideStep
            }
        }
        let startSides: [ChipSide] = targetIsBelow ? [.right, .below, .above] : [.right, .above, .below]
        let endSides: [ChipSide] = targetIsBelow ? [.left, .above, .below] : [.left, .below, .above]
        guard let start = startSides.first(where: { grid.chipCellIsFree(of: link.from, $0) && allowed(link.from, $0) }) else {
            return nil
        }
        let startCell = grid.chipCell(of: link.from, start)
        // Two chips a slot or two apart in one row would stand where a plain arrow has room.
        guard let end = endSides.first(where: { side in
            let endCell = grid.chipCell(of: link.to, side)
            return grid.chipCellIsFree(of: link.to, side) && allowed(link.to, side)
                && (endCell.lane != startCell.lane || abs(endCell.slot - startCell.slot) > Routing.nearestChips)
        }) else { return nil }
        return .connector(start: start, end: end)
    }

    /// The indices of the lanes from the upper end's lane to the lower end's: where the link's arrow belongs.
    static func band(of link: Link, in grid: RoutingGrid) -> ClosedRange<Int> {
        let from = grid.steps[link.from].lane.index, to = grid.steps[link.to].lane.index
        return min(from, to)...max(from, to)
    }

    /// Reserves the slots of a connector's chips: other routes then go round them as round boxes.
    static func reserveChips(of link: Link, _ start: ChipSide, _ end: ChipSide, in grid: inout RoutingGrid) {
        grid.placeChip(of: link.from, start)
        grid.placeChip(of: link.to, end)
    }

    /// The chip beside step `index` on `side`; `stacked`, its place among the chips of its slot.
    package func chip(of index: Int, _ side: ChipSide, stacked: (place: Int, count: Int)? = nil) -> Chip {
        let cell = grid.chipCell(of: index, side)
        let room = grid.cellRect(cell.lane, slot: cell.slot)
        guard let stacked else { return Chip(cell: room, side: side) }
        let height = (room.height - Routing.chipStackGap * Double(stacked.count - 1)) / Double(stacked.count)
        return Chip(cell: Rect(x: room.minX, y: room.minY + Double(stacked.place) * (height + Routing.chipStackGap),
                               width: room.width, height: height),
                    side: side, isStacked: true)
    }

    package static func plan(_ link: Link, in grid: RoutingGrid) -> Plan {
        let source = grid.steps[link.from], target = grid.steps[link.to]
        if source.slot == target.slot, source.lane != target.lane,
           grid.slotIsClear(source.slot, betweenLanes: source.lane, target.lane) {
            return Plan(from: link.from, to: link.to, shape: .vertical)
        }
        if let throughGap = throughGapShapes(link, in: grid).first {
            return Plan(from: link.from, to: link.to, shape: throughGap)
        }
        // The corridor on the source's side of the target's lane; a link within one lane (a loop back,
        // or a long jump over boxes) runs below it.
        let corridor = source.lane.index < target.lane.index ? target.lane.index : target.lane.index + 1
        return Plan(from: link.from, to: link.to,
                    shape: .viaCorridor(outGap: source.slot + 1, corridor: corridor, inGap: target.slot))
    }

    /// The ways through one gap, best first: turning down (or up) right after the source when the
    /// target's row is clear from there, else right before the target when the source's row is clear
    /// up to it.
    static func throughGapShapes(_ link: Link, in grid: RoutingGrid) -> [Shape] {
        let source = grid.steps[link.from], target = grid.steps[link.to]
        guard target.slot > source.slot else { return [] }
        var shapes: [Shape] = []
        if grid.rowIsClear(target.lane, betweenSlots: source.slot, target.slot) { shapes.append(.throughGap(gap: source.slot + 1)) }
        if grid.rowIsClear(source.lane, betweenSlots: source.slot, target.slot) { shapes.append(.throughGap(gap: target.slot)) }
        return shapes
    }

    // MARK: Geometry

    package func route(
        _ plan: Plan, ports: (start: Point, end: Point), corridorY: Double?, gapX: (first: Double?, second: Double?)
    ) -> Route {
        let start = ports.start, end = ports.end
        var points: [Point]
        switch plan.shape {
        case .vertical:
            if start.x == end.x {
                points = [start, end]
            } else {
                // Two links share the box side: jog just before the target, in the corridor there.
                let jogY = end.y + (start.y < end.y ? -Routing.verticalJog : Routing.verticalJog)
                points = [start, Point(x: start.x, y: jogY), Point(x: end.x, y: jogY), end]
            }
        case .throughGap:
            let x = gapX.first ?? end.x
            points = [start, Point(x: x, y: start.y), Point(x: x, y: end.y), end]
        case .connector(let startSide, let endSide):
            let startChip = chip(of: plan.from, startSide).cell, endChip = chip(of: plan.to, endSide).cell
            let chipStart = switch startSide {
            case .right, .left: Point(x: startChip.minX, y: start.y)
            case .below: Point(x: start.x, y: startChip.minY)
            case .above: Point(x: start.x, y: startChip.maxY)
            }
            let chipEnd = switch endSide {
            case .left, .right: Point(x: endChip.maxX, y: end.y)
            case .above: Point(x: end.x, y: endChip.maxY)
            case .below: Point(x: end.x, y: endChip.minY)
            }
            return Route(points: [start, chipStart], connectorEnd: [chipEnd, end], labelCentre: start)
        case .viaCorridor:
            let x1 = gapX.first!, x2 = gapX.second!, y = corridorY!
            points = [start, Point(x: x1, y: start.y), Point(x: x1, y: y), Point(x: x2, y: y), Point(x: x2, y: end.y), end]
        }
        Self.simplify(&points)
        return Route(points: points, labelCentre: Self.middleOfLongestSegment(points))
    }

    /// Where a label goes until `placeLabels` finds it a place: the first of `labelCandidates`.
    static func middleOfLongestSegment(_ points: [Point]) -> Point {
        var longest = (points[0], points[points.count - 1]), length = -1.0
        for (a, b) in zip(points, points.dropFirst()) where a.distance(to: b) > length {
            (longest, length) = ((a, b), a.distance(to: b))
        }
        return Point(x: (longest.0.x + longest.1.x) / 2, y: (longest.0.y + longest.1.y) / 2)
    }

    /// Leaves out repeated points and corners that don't turn, in place.
    static func simplify(_ points: inout [Point]) {
        var kept = 0
        for index in points.indices where kept == 0 || points[kept - 1] != points[index] {
            let point = points[index]
            if kept >= 2 {
                let a = points[kept - 2], b = points[kept - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { kept -= 1 }
            }
            points[kept] = point
            kept += 1
        }
        points.removeLast(points.count - kept)
    }
}

/// Distances of the routes, in points.
package enum Routing {
    /// Ports keep this far from a box's corners.
    package static let portMargin = 8.0
    /// Most room between two ports on one side of a box.
    package static let portSpacing = 10.0
    /// Most room between two tracks of a gap or corridor: more than 7 points, so two arrows never read
    /// as one line.
    package static let trackSpacing = 8.0
    /// Most room between two tracks of a gap, which has room to spare across: a run that crosses
    /// another's turn then crosses it clear of the corner, where it would read as a fork.
    package static let gapTrackSpacing = 16.0
    /// Tracks keep this far from the boxes on either side of a gap or corridor.
    package static let channelMargin = 6.0
    /// Room before a box for the arrowhead and a rounded corner, on the side links enter.
    package static let arrowRoom = 13.0
    /// Tracks keep this far from the line drawn across a corridor: any nearer, and an arrow along it
    /// reads as a doubled line.
    package static let lineClearance = 15.0
    /// A link whose run along a corridor would pass more slots than this is drawn as a connector, where
    /// there is room for its chips.
    package static let longestCorridorRun = 3
    /// Shorter links forwards are never drawn as connectors, even to cross fewer arrows: the chips
    /// would take more room than the arrow. A loop back may be, however short.
    package static let shortestConnector = 2
    /// How tall a chip stacked with another grows: one line of the flow's label over two of the far
    /// step's name, with the chip's padding.
    package static let stackedChipHeight = 43.0
    /// Room between two chips stacked in one slot.
    package static let chipStackGap = 6.0
    /// Chips of one connector in one row are more slots apart than this.
    package static let nearestChips = 2
    /// A crossing this near a corner of either arrow reads as a fork or a T (a rounded corner starts
    /// `cornerRadius` before it).
    package static let junctionDistance = 12.0
    /// Two arrows nearer than this along a stretch read as one.
    package static let sideBySide = 7.0
    /// Tracks keep this far from a phase divider drawn down a gap.
    package static let dividerClearance = 6.0
    package static let verticalJog = 10.0
    /// Radius of the rounded corners.
    package static let cornerRadius = 5.0
    /// Length of an arrowhead: Graphviz's are 10 points long at `arrowsize` 1.
    package static let arrowLength = 7.0
}

extension Lane {
    package var index: Int { Lane.allCases.firstIndex(of: self)! }
}
