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
/// Links that share a gap or a corridor get tracks of their own, and links that share a side of a box
/// get ports of their own, so no two links run on top of each other. The work is linear in the number
/// of links, apart from sorting.
struct EdgeRouter {
    struct Link {
        var from: Int
        var to: Int
    }

    /// A route as a polyline in top-down coordinates, from the source's border to the target's.
    struct Route {
        var points: [Point]
        /// Where the link's label goes: on the route, clear of the boxes and of other labels where
        /// the route leaves room.
        var labelCentre: Point

        /// The route as Graphviz draws it: chains of cubic Bézier curves (3n + 1 control points each)
        /// with rounded corners, the last stopping `Routing.arrowLength` short of the target, where
        /// the arrowhead begins. A plain label has no background, so the curve leaves a gap where
        /// `label` covers it instead of running through the text (see `canCarryLabel(at:)`).
        func bezierPieces(label: Rect? = nil) -> [[Point]] {
            var pieces = [points]
            if let label, let split = split(around: label), let before = split.before, Self.canBeCut(split) {
                pieces = [before, split.after]
            }
            var last = pieces[pieces.count - 1]
            let end = last.count - 1
            let finalLength = last[end - 1].distance(to: last[end])
            last[end] = last[end - 1].moved(towards: last[end], by: max(finalLength - Routing.arrowLength, finalLength / 2))
            pieces[pieces.count - 1] = last
            return pieces.map(Self.bezierControlPoints)
        }

        /// Whether a label at `rect` misses the route, or covers a part of it that can be left out:
        /// the route still leaves its source before the gap and has room for the arrowhead after it.
        func canCarryLabel(at rect: Rect) -> Bool {
            split(around: rect).map(Self.canBeCut) ?? true
        }

        private static func canBeCut(_ split: (before: [Point]?, after: [Point])) -> Bool {
            guard let before = split.before else { return false }
            return length(of: before) >= Routing.cornerRadius && length(of: split.after) >= Routing.arrowLength + Routing.cornerRadius
        }

        /// The route before it first enters `rect` and after it last leaves it; nil when it misses
        /// `rect`, and no part before when it starts inside.
        private func split(around rect: Rect) -> (before: [Point]?, after: [Point])? {
            var entry: (segment: Int, point: Point)?
            var exit: (segment: Int, point: Point)?
            for segment in 0..<(points.count - 1) {
                guard let (enters, leaves) = Self.clip(points[segment], points[segment + 1], to: rect) else { continue }
                if entry == nil { entry = (segment, enters) }
                exit = (segment, leaves)
            }
            guard let entry, let exit else { return nil }
            let before = entry.point == points[0] ? nil : Array(points[...entry.segment]) + [entry.point]
            return (before, [exit.point] + points[(exit.segment + 1)...])
        }

        /// Where the segment from `a` to `b` enters and leaves `rect` (Liang–Barsky), if it meets it.
        private static func clip(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
            var low = 0.0, high = 1.0
            let dx = b.x - a.x, dy = b.y - a.y
            for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
                if p == 0 {
                    if q < 0 { return nil }
                } else if p < 0 {
                    low = max(low, q / p)
                } else {
                    high = min(high, q / p)
                }
            }
            guard low < high else { return nil }
            return (Point(x: a.x + low * dx, y: a.y + low * dy), Point(x: a.x + high * dx, y: a.y + high * dy))
        }

        private static func length(of polyline: [Point]) -> Double {
            zip(polyline, polyline.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
        }

        /// A polyline as cubic Bézier control points, its corners rounded.
        private static func bezierControlPoints(_ corners: [Point]) -> [Point] {
            let last = corners.count - 1
            var controls = [corners[0]]
            func line(to point: Point) {
                let from = controls[controls.count - 1]
                guard from != point else { return }
                controls += [from.moved(towards: point, by: from.distance(to: point) / 3),
                             point.moved(towards: from, by: from.distance(to: point) / 3), point]
            }
            for index in 1..<last {
                let corner = corners[index], before = corners[index - 1], after = corners[index + 1]
                // Half of the shorter neighbouring segment at most, so two corners never overlap.
                let radius = min(Routing.cornerRadius, corner.distance(to: before) / 2, corner.distance(to: after) / 2)
                let entry = corner.moved(towards: before, by: radius), exit = corner.moved(towards: after, by: radius)
                line(to: entry)
                // 0.552 of the radius puts the control points where a cubic best follows a quarter circle.
                controls += [entry.moved(towards: corner, by: 0.552 * radius), exit.moved(towards: corner, by: 0.552 * radius), exit]
            }
            line(to: corners[last])
            return controls
        }
    }

    private let grid: Grid
    private let links: [Link]
    private let layout: DiagramLayout

    init(layout: DiagramLayout, stepLanes: [Lane], links: [Link]) {
        grid = Grid(layout: layout, stepLanes: stepLanes)
        self.links = links
        self.layout = layout
    }

    /// The route of every link; `labelSizes` gives the size of each link's label, nil for none.
    func routes(labelSizes: [Size?]) -> [Route] {
        let plans = links.map(plan)
        let ports = assignPorts(plans)
        let corridorTracks = assignCorridorTracks(plans)
        let gapTracks = assignGapTracks(plans, ports: ports, corridorTracks: corridorTracks)
        var routes = plans.indices.map { index in
            route(plans[index], ports: ports[index], corridorY: corridorTracks[index], gapX: gapTracks[index])
        }
        placeLabels(&routes, sizes: labelSizes)
        return routes
    }

    // MARK: Plans

    /// How a link goes, before ports and tracks give it coordinates.
    private enum Shape {
        /// Right out of the source, through one gap, right into the target.
        case throughGap(gap: Int)
        /// Bottom of the source to the top of the target, or top to bottom.
        case vertical
        /// Out into the gap after the source, along a corridor, in from the gap before the target.
        case viaCorridor(outGap: Int, corridor: Int, inGap: Int)
    }

    private struct Plan {
        var from: Int
        var to: Int
        var shape: Shape
    }

    private func plan(_ link: Link) -> Plan {
        let source = grid.steps[link.from], target = grid.steps[link.to]
        if source.slot == target.slot, source.lane != target.lane,
           grid.slotIsClear(source.slot, betweenLanes: source.lane, target.lane) {
            return Plan(from: link.from, to: link.to, shape: .vertical)
        }
        if target.slot > source.slot {
            // Turn down (or up) right after the source when the target's row is clear from there,
            // else right before the target when the source's row is clear up to it.
            if grid.rowIsClear(target.lane, betweenSlots: source.slot, target.slot) {
                return Plan(from: link.from, to: link.to, shape: .throughGap(gap: source.slot + 1))
            }
            if grid.rowIsClear(source.lane, betweenSlots: source.slot, target.slot) {
                return Plan(from: link.from, to: link.to, shape: .throughGap(gap: target.slot))
            }
        }
        // The corridor on the source's side of the target's lane; a link within one lane (a loop back,
        // or a long jump over boxes) runs below it.
        let corridor = source.lane.index < target.lane.index ? target.lane.index : target.lane.index + 1
        return Plan(from: link.from, to: link.to,
                    shape: .viaCorridor(outGap: source.slot + 1, corridor: corridor, inGap: target.slot))
    }

    // MARK: Ports

    private enum Side: Hashable { case left, right, top, bottom }

    private struct PortKey: Hashable {
        var step: Int
        var side: Side
    }

    /// Where each link leaves its source and enters its target: the sides of a box are shared out
    /// among the links on them, ordered by where each link heads so they fan out without crossing.
    private func assignPorts(_ plans: [Plan]) -> [(start: Point, end: Point)] {
        var ends: [PortKey: [(plan: Int, isStart: Bool, heading: Double)]] = [:]
        for (index, plan) in plans.enumerated() {
            let source = grid.steps[plan.from], target = grid.steps[plan.to]
            switch plan.shape {
            case .vertical:
                let down = source.lane < target.lane
                ends[PortKey(step: plan.from, side: down ? .bottom : .top), default: []].append((index, true, Double(index)))
                ends[PortKey(step: plan.to, side: down ? .top : .bottom), default: []].append((index, false, Double(index)))
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

    // MARK: Tracks

    /// The y of each link's corridor run, for links that take one: runs whose extents overlap get
    /// different tracks.
    private func assignCorridorTracks(_ plans: [Plan]) -> [Double?] {
        struct Side: Hashable {
            var corridor: Int
            var below: Bool
        }
        var runs: [Side: [(plan: Int, interval: ClosedRange<Double>)]] = [:]
        for (index, plan) in plans.enumerated() {
            guard case .viaCorridor(let outGap, let corridor, let inGap) = plan.shape else { continue }
            let first = grid.gaps[min(outGap, inGap)], last = grid.gaps[max(outGap, inGap)]
            let below = grid.steps[plan.to].lane.index == corridor
            runs[Side(corridor: corridor, below: below), default: []].append((index, first.minX...last.maxX))
        }
        var tracks = [Double?](repeating: nil, count: plans.count)
        for (side, corridorRuns) in runs {
            let (trackOf, count) = Self.intervalTracks(corridorRuns.map(\.interval))
            let positions = grid.corridors[side.corridor].trackPositions(count, below: side.below)
            for (run, track) in zip(corridorRuns, trackOf) { tracks[run.plan] = positions[track] }
        }
        return tracks
    }

    /// What a vertical run does in its gap, which decides its place among the gap's tracks.
    private enum GapRole: Int, Comparable {
        /// From the box left of the gap to a corridor: leftmost, so it never runs over the arrows
        /// entering the box right of the gap.
        case leaving
        /// From the box left of the gap to the box right of it, or along a row into it.
        case passing
        /// From a corridor into the box right of the gap: rightmost.
        case entering

        static func < (a: GapRole, b: GapRole) -> Bool { a.rawValue < b.rawValue }
    }

    private struct GapRun {
        var plan: Int
        var role: GapRole
        var from: Double
        var to: Double
        var interval: ClosedRange<Double> { min(from, to)...max(from, to) }
        /// Runs passing the gap downwards come first, the one ending lowest leftmost; then upwards
        /// ones, the one ending highest leftmost. So a run leaving a row lies left of one arriving
        /// in it, and their horizontal stubs in that row don't overlap.
        var order: (Int, Double) { to >= from ? (0, -to) : (1, to) }
    }

    /// The x of each link's vertical runs in its gaps: `first` is the run after the source, `second`
    /// the run before the target (a corridor route has both).
    private func assignGapTracks(
        _ plans: [Plan], ports: [(start: Point, end: Point)], corridorTracks: [Double?]
    ) -> [(first: Double?, second: Double?)] {
        var runs: [Int: [GapRun]] = [:]
        for (index, plan) in plans.enumerated() {
            let start = ports[index].start.y, end = ports[index].end.y
            switch plan.shape {
            case .vertical:
                continue
            case .throughGap(let gap):
                runs[gap, default: []].append(GapRun(plan: index, role: .passing, from: start, to: end))
            case .viaCorridor(let outGap, _, let inGap):
                let corridorY = corridorTracks[index]!
                runs[outGap, default: []].append(GapRun(plan: index, role: .leaving, from: start, to: corridorY))
                runs[inGap, default: []].append(GapRun(plan: index, role: .entering, from: corridorY, to: end))
            }
        }
        var tracks = [(first: Double?, second: Double?)](repeating: (nil, nil), count: plans.count)
        for (gap, var gapRuns) in runs {
            gapRuns.sort { a, b in
                if a.role != b.role { return a.role < b.role }
                if a.role == .passing, a.order != b.order { return a.order < b.order }
                return a.plan < b.plan
            }
            // Tracks are numbered left to right across the roles: each role starts past the last.
            var trackOf: [Int] = []
            var count = 0
            for role in [GapRole.leaving, .passing, .entering] {
                let ofRole = gapRuns.filter { $0.role == role }
                let (roleTracks, roleCount) = Self.intervalTracks(ofRole.map(\.interval), keepOrder: role == .passing)
                trackOf += roleTracks.map { count + $0 }
                count += roleCount
            }
            let positions = grid.gaps[gap].trackPositions(count)
            for (run, track) in zip(gapRuns, trackOf) {
                if run.role == .entering { tracks[run.plan].second = positions[track] } else { tracks[run.plan].first = positions[track] }
            }
        }
        return tracks
    }

    /// A track for every interval so that overlapping intervals never share one, first fit in the given
    /// order, or one track each in that order when `keepOrder` is set. Returns the track of each interval
    /// and the number of tracks.
    private static func intervalTracks(_ intervals: [ClosedRange<Double>], keepOrder: Bool = false) -> ([Int], Int) {
        if keepOrder { return (Array(intervals.indices), intervals.count) }
        var trackEnds: [Double] = []
        var tracks: [Int] = []
        for interval in intervals {
            if let free = trackEnds.firstIndex(where: { $0 < interval.lowerBound }) {
                trackEnds[free] = interval.upperBound
                tracks.append(free)
            } else {
                trackEnds.append(interval.upperBound)
                tracks.append(trackEnds.count - 1)
            }
        }
        return (tracks, trackEnds.count)
    }

    // MARK: Geometry

    private func route(
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
        case .viaCorridor:
            let x1 = gapX.first!, x2 = gapX.second!, y = corridorY!
            points = [start, Point(x: x1, y: start.y), Point(x: x1, y: y), Point(x: x2, y: y), Point(x: x2, y: end.y), end]
        }
        points = Self.simplified(points)
        return Route(points: points, labelCentre: Self.labelCandidates(on: points, size: Size(width: 0, height: 0))[0])
    }

    // MARK: Labels

    /// Every label on its link, where it covers no box, no label placed before it, and neither another
    /// route, one of the three lines nor a phase column's border (a label has no background to hide
    /// them), and where its own route can leave a gap for it: on the middle of the longest segment
    /// when that is free, else at another point along the route or beside it. Where no place is clear
    /// of other routes and borders, one clear of boxes, labels and the three lines will do, then one
    /// clear of boxes and labels; failing that, the middle of the longest segment.
    private func placeLabels(_ routes: inout [Route], sizes: [Size?]) {
        var lines = ObstacleBuckets()
        for y in layout.lineY.values { lines.insert(Rect(x: 0, y: y, width: layout.width, height: 0)) }
        var segments = ObstacleBuckets()
        // The phase columns' borders: a label across one reads as split between two phases.
        for column in layout.phaseColumns {
            for x in [column.x, column.x + column.width] { segments.insert(Rect(x: x, y: column.y, width: 0, height: column.height)) }
        }
        for (index, route) in routes.enumerated() {
            for (a, b) in zip(route.points, route.points.dropFirst()) {
                segments.insert(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)),
                                owner: index)
            }
        }
        var obstacles = ObstacleBuckets()
        for step in grid.steps { obstacles.insert(step.box) }
        for centre in layout.evidenceCentres {
            let height = layout.boxHeights[.evidence]!
            obstacles.insert(Rect(x: centre.x - Spacing.boxWidth / 2, y: centre.y - height / 2, width: Spacing.boxWidth, height: height))
        }
        for index in routes.indices {
            guard let size = sizes[index] else { continue }
            let route = routes[index]
            func label(at centre: Point) -> Rect {
                Rect(x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height)
            }
            let candidates = Self.labelCandidates(on: route.points, size: size).filter { route.canCarryLabel(at: label(at: $0)) }
            let centre = candidates.first { !obstacles.overlaps(label(at: $0)) && !lines.overlaps(label(at: $0))
                && !segments.overlaps(label(at: $0), ignoring: index) }
                ?? candidates.first { !obstacles.overlaps(label(at: $0)) && !lines.overlaps(label(at: $0)) }
                ?? candidates.first { !obstacles.overlaps(label(at: $0)) }
                ?? Self.labelCandidates(on: route.points, size: size)[0]
            routes[index].labelCentre = centre
            obstacles.insert(label(at: centre))
        }
    }

    /// Places for a label of `size` along a route, best first: on the middle of each segment,
    /// longest segment first, then a quarter of the way in from either end, then an eighth; then
    /// the same places beside the segment, above it or right of it first.
    private static func labelCandidates(on points: [Point], size: Size) -> [Point] {
        let segments = zip(points, points.dropFirst()).sorted { a, b in a.0.distance(to: a.1) > b.0.distance(to: b.1) }
        func along(_ segment: (Point, Point), _ fraction: Double) -> Point {
            Point(x: segment.0.x + (segment.1.x - segment.0.x) * fraction, y: segment.0.y + (segment.1.y - segment.0.y) * fraction)
        }
        let fractions: [[Double]] = [[0.5], [0.25, 0.75], [0.375, 0.625, 0.125, 0.875]]
        var onSegments: [(point: Point, isHorizontal: Bool)] = []
        for group in fractions {
            for segment in segments {
                for fraction in group { onSegments.append((along(segment, fraction), segment.0.y == segment.1.y)) }
            }
        }
        var candidates = onSegments.map(\.point)
        for side in [-1.0, 1.0] {
            for (point, isHorizontal) in onSegments {
                candidates.append(isHorizontal
                    ? Point(x: point.x, y: point.y + side * (size.height / 2 + 1))
                    : Point(x: point.x - side * (size.width / 2 + 1), y: point.y))
            }
        }
        return candidates
    }

    /// Without repeated points and without corners that don't turn.
    private static func simplified(_ points: [Point]) -> [Point] {
        var kept: [Point] = []
        for point in points where kept.last != point {
            if kept.count >= 2 {
                let a = kept[kept.count - 2], b = kept[kept.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { kept.removeLast() }
            }
            kept.append(point)
        }
        return kept
    }
}

/// Distances of the routes, in points.
enum Routing {
    /// Ports keep this far from a box's corners.
    static let portMargin = 8.0
    /// Most room between two ports on one side of a box.
    static let portSpacing = 10.0
    /// Most room between two tracks of a gap or corridor.
    static let trackSpacing = 7.0
    /// Tracks keep this far from the boxes on either side of a gap or corridor.
    static let channelMargin = 6.0
    /// Room before a box for the arrowhead and a rounded corner, on the side links enter.
    static let arrowRoom = 13.0
    /// Tracks keep this far from the line drawn across a corridor.
    static let lineClearance = 6.0
    static let verticalJog = 10.0
    /// Radius of the rounded corners.
    static let cornerRadius = 5.0
    /// Length of an arrowhead: Graphviz's are 10 points long at `arrowsize` 1.
    static let arrowLength = 7.0
}

/// The free channels of a laid-out diagram and where each step sits in them.
private struct Grid {
    struct Step {
        var lane: Lane
        var slot: Int
        var box: Rect
        var centre: Point { Point(x: box.midX, y: box.midY) }
    }

    /// A vertical channel between two neighbouring slots, through every lane, with the phase border it
    /// holds, if any.
    struct Gap {
        var minX: Double
        var maxX: Double
        var border: Double?

        /// Evenly spread, clear of the box on the left and with room for the arrowhead before the box
        /// on the right.
        func trackPositions(_ count: Int) -> [Double] {
            spread(count, over: (minX + Routing.channelMargin)...(maxX - Routing.arrowRoom), avoiding: border)
        }
    }

    /// A horizontal channel between the boxes of two neighbouring lanes (or above the first, or below
    /// the last), with the lane border it crosses, if any.
    struct Corridor {
        var minY: Double
        var maxY: Double
        var border: Double?
        var midY: Double { (minY + maxY) / 2 }

        /// Tracks on one side of the lane border, a link running along the inside of its target's lane,
        /// filled from the boxes towards the border: a run far from the dashed line is not mistaken for it.
        func trackPositions(_ count: Int, below: Bool) -> [Double] {
            let top = minY + Routing.channelMargin, bottom = maxY - Routing.channelMargin
            guard let border, top < border, border < bottom else { return spread(count, over: top...bottom, avoiding: nil) }
            let room = below ? bottom - (border + Routing.lineClearance) : border - Routing.lineClearance - top
            let spacing = count > 1 ? min(Routing.trackSpacing, max(0, room) / Double(count - 1)) : 0
            return (0..<count).map { track in below ? bottom - spacing * Double(track) : top + spacing * Double(track) }
        }
    }

    var steps: [Step]
    var gaps: [Gap]
    /// `corridors[i]` lies above the boxes of lane `i`; the last one below the last lane.
    var corridors: [Corridor]
    /// Per lane, how many slots before each slot hold a box: a row is clear between two slots when the
    /// counts agree.
    private var boxesBefore: [[Int]]
    private var occupied: [[Bool]]

    init(layout: DiagramLayout, stepLanes: [Lane]) {
        // Every box has the same width and sits at the centre of a slot; slots of all columns in one row.
        let slotCentres = Array(Set(layout.stepCentres.map(\.x) + layout.evidenceCentres.map(\.x))).sorted()
        let slotIndex = Dictionary(uniqueKeysWithValues: slotCentres.enumerated().map { ($1, $0) })
        let halfWidth = Spacing.boxWidth / 2
        let contentStart = layout.columns.titleColumn.x + layout.columns.titleColumn.width
        let phaseBorders = layout.phaseColumns.dropFirst().map(\.minX)
        gaps = (0...slotCentres.count).map { index in
            let minX = index == 0 ? contentStart : slotCentres[index - 1] + halfWidth
            let maxX = index == slotCentres.count ? layout.width : slotCentres[index] - halfWidth
            return Gap(minX: minX, maxX: maxX, border: phaseBorders.first { minX < $0 && $0 < maxX })
        }

        steps = zip(layout.stepCentres, stepLanes).map { centre, lane in
            let height = layout.boxHeights[lane]!
            return Step(lane: lane, slot: slotIndex[centre.x]!,
                        box: Rect(x: centre.x - halfWidth, y: centre.y - height / 2, width: Spacing.boxWidth, height: height))
        }

        occupied = Array(repeating: Array(repeating: false, count: slotCentres.count), count: Lane.allCases.count)
        for step in steps { occupied[step.lane.index][step.slot] = true }
        for centre in layout.evidenceCentres { occupied[Lane.evidence.index][slotIndex[centre.x]!] = true }
        boxesBefore = occupied.map { row in
            var counts = [0]
            counts.reserveCapacity(row.count + 1)
            for isOccupied in row { counts.append(counts[counts.count - 1] + (isOccupied ? 1 : 0)) }
            return counts
        }

        // The extent of each lane's boxes; a lane without boxes lends its whole height to the corridors.
        let boxRows: [(minY: Double, maxY: Double)] = Lane.allCases.map { lane in
            let band = layout.lanes[lane]!
            guard let height = layout.boxHeights[lane] else { return (band.midY, band.midY) }
            return (band.midY - height / 2, band.midY + height / 2)
        }
        corridors = (0...Lane.allCases.count).map { index in
            let top = index == 0 ? layout.lanes[Lane.allCases[0]]!.minY : boxRows[index - 1].maxY
            let bottom = index == Lane.allCases.count ? layout.lanes[Lane.allCases[index - 1]]!.maxY : boxRows[index].minY
            let border = index > 0 && index < Lane.allCases.count ? layout.lanes[Lane.allCases[index]]!.minY : nil
            return Corridor(minY: top, maxY: bottom, border: border)
        }
    }

    /// No box in `lane` strictly between the two slots.
    func rowIsClear(_ lane: Lane, betweenSlots a: Int, _ b: Int) -> Bool {
        let row = boxesBefore[lane.index]
        return row[max(a, b)] == row[min(a, b) + 1]
    }

    /// No box in `slot` in a lane strictly between the two lanes.
    func slotIsClear(_ slot: Int, betweenLanes a: Lane, _ b: Lane) -> Bool {
        let lanes = min(a.index, b.index) + 1..<max(a.index, b.index)
        return lanes.allSatisfy { !occupied[$0][slot] }
    }
}

/// Rectangles sorted into vertical strips one slot wide, so a label is checked only against what lies
/// near it.
/// Each rectangle may have an owner, a route, so that a label can ignore its own route.
private struct ObstacleBuckets {
    private var strips: [Int: [(rect: Rect, owner: Int?)]] = [:]

    private func strips(of rect: Rect) -> ClosedRange<Int> {
        Int((rect.minX / Spacing.slotWidth).rounded(.down))...Int((rect.maxX / Spacing.slotWidth).rounded(.down))
    }

    mutating func insert(_ rect: Rect, owner: Int? = nil) {
        for strip in strips(of: rect) { strips[strip, default: []].append((rect, owner)) }
    }

    /// Whether `rect` overlaps the inside of a rectangle not owned by `ignored`; a rectangle of no
    /// width or height (a segment of a route) counts when it runs through `rect`.
    func overlaps(_ rect: Rect, ignoring ignored: Int? = nil) -> Bool {
        strips(of: rect).contains { strip in
            strips[strip, default: []].contains { other in
                (other.owner == nil || other.owner != ignored)
                    && rect.minX < other.rect.maxX && other.rect.minX < rect.maxX
                    && rect.minY < other.rect.maxY && other.rect.minY < rect.maxY
            }
        }
    }
}

/// `count` evenly spaced positions, at most `Routing.trackSpacing` apart, centred in `range` but never
/// on the `border` drawn across it, where a track would read as part of that line.
private func spread(_ count: Int, over range: ClosedRange<Double>, avoiding border: Double?) -> [Double] {
    guard count > 0 else { return [] }
    var pieces = [range]
    if let border, range.contains(border) {
        pieces = [range.lowerBound...max(range.lowerBound, border - Routing.lineClearance),
                  min(range.upperBound, border + Routing.lineClearance)...range.upperBound]
    }
    // Positions are spread over the pieces laid end to end.
    let total = pieces.map { $0.upperBound - $0.lowerBound }.reduce(0, +)
    let spacing = count > 1 ? min(Routing.trackSpacing, total / Double(count - 1)) : 0
    let used = spacing * Double(count - 1)
    return (0..<count).map { track in
        var distance = (total - used) / 2 + spacing * Double(track)
        for piece in pieces {
            let length = piece.upperBound - piece.lowerBound
            if distance <= length || piece == pieces.last { return piece.lowerBound + min(distance, length) }
            distance -= length
        }
        return range.lowerBound
    }
}

private extension Lane {
    var index: Int { Lane.allCases.firstIndex(of: self)! }
}

extension Point {
    func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }

    /// The point `distance` along the straight line towards `other`.
    func moved(towards other: Point, by distance: Double) -> Point {
        let length = self.distance(to: other)
        guard length > 0 else { return self }
        return Point(x: x + (other.x - x) * distance / length, y: y + (other.y - y) * distance / length)
    }
}
