import BlueprintLanguage

// Tracks: links that share a corridor or a gap each get a line of their own in it.

/// One side of a corridor: the part above the lane border (in the lane above it) or below it.
package struct CorridorSide: Hashable {
    /// The corridor's index in `RoutingGrid.corridors`: 0 lies above the first lane.
    package var corridor: Int
    package var below: Bool
}

extension CorridorSide {
    /// The side a run along `corridor` into a step of lane `target` takes: the inside of the target's lane.
    package init(corridor: Int, into target: Lane) {
        self.corridor = corridor
        below = target.index == corridor
    }

    /// The index of the lane this side lies in.
    package var laneIndex: Int { below ? corridor : corridor - 1 }

    /// The sides of the corridors numbered top to bottom.
    var key: Int { 2 * corridor + (below ? 1 : 0) }
}

extension EdgeRouter {
    private struct CorridorRun {
        var side: CorridorSide
        var plan: Int
        var interval: ClosedRange<Double>
        var track = 0
    }

    /// The side of a corridor `plan` runs along, if it takes one: the inside of its target's lane.
    func corridorSide(of plan: Plan) -> CorridorSide? {
        guard case .viaCorridor(_, let corridor, _) = plan.shape else { return nil }
        return CorridorSide(corridor: corridor, into: grid.steps[plan.to].lane)
    }

    /// The runs along the corridor sides for which `isAssigned` holds (at `CorridorSide.key`), sorted
    /// by side, each with its track there: runs whose extents overlap get different tracks, first fit
    /// in the order of the links. And how many tracks each side needs, at `CorridorSide.key`. One array
    /// rather than one per side: the search for fewer crossings assigns tracks many times over.
    private func corridorRuns(_ plans: [Plan], onSides isAssigned: (Int) -> Bool) -> (runs: [CorridorRun], trackCounts: [Int]) {
        var runs: [CorridorRun] = []
        runs.reserveCapacity(plans.count)
        for (index, plan) in plans.enumerated() {
            guard case .viaCorridor(let outGap, _, let inGap) = plan.shape, let side = corridorSide(of: plan), isAssigned(side.key) else { continue }
            let first = grid.gaps[min(outGap, inGap)], last = grid.gaps[max(outGap, inGap)]
            runs.append(CorridorRun(side: side, plan: index, interval: first.minX...last.maxX))
        }
        runs.sort { ($0.side.key, $0.plan) < ($1.side.key, $1.plan) }
        var trackCounts = [Int](repeating: 0, count: 2 * grid.corridors.count), trackEnds: [Double] = []
        for index in runs.indices {
            if index > 0 && runs[index].side != runs[index - 1].side { trackEnds.removeAll(keepingCapacity: true) }
            runs[index].track = Self.firstFreeTrack(for: runs[index].interval, trackEnds: &trackEnds)
            trackCounts[runs[index].side.key] = trackEnds.count
        }
        return (runs, trackCounts)
    }

    /// How many tracks each side of a corridor needs. It depends only on the slots and columns, not on
    /// the heights of the lanes, which are made to give these tracks room.
    package func corridorTrackCounts() -> [CorridorSide: Int] {
        let (runs, trackCounts) = corridorRuns(plans) { _ in true }
        return Dictionary(runs.map { ($0.side, trackCounts[$0.side.key]) }) { count, _ in count }
    }

    /// The y of each link's corridor run along a side for which `isAssigned` holds, written to `tracks`.
    func assignCorridorTracks(_ plans: [Plan], onSides isAssigned: (Int) -> Bool, to tracks: inout [Double?]) {
        let (runs, trackCounts) = corridorRuns(plans, onSides: isAssigned)
        for run in runs {
            let corridor = grid.corridors[run.side.corridor]
            tracks[run.plan] = corridor.trackPosition(run.track, of: trackCounts[run.side.key], below: run.side.below)
        }
    }

    /// What a vertical run does in its gap, which decides its place among the gap's tracks.
    package enum GapRole: Int, Comparable {
        /// From the box left of the gap to a corridor: leftmost, so it never runs over the arrows
        /// entering the box right of the gap.
        case leaving
        /// From the box left of the gap to the box right of it, or along a row into it.
        case passing
        /// From a corridor into the box right of the gap: rightmost.
        case entering

        package static func < (a: GapRole, b: GapRole) -> Bool { a.rawValue < b.rawValue }
    }

    package struct GapRun {
        package var gap: Int
        package var plan: Int
        package var role: GapRole
        package var from: Double
        package var to: Double
        package var interval: ClosedRange<Double> { min(from, to)...max(from, to) }
        /// Runs passing the gap downwards come first, the one ending lowest leftmost; then upwards
        /// ones, the one ending highest leftmost. So a run leaving a row lies left of one arriving
        /// in it, and their horizontal stubs in that row don't overlap.
        package var order: (Int, Double) { to >= from ? (0, -to) : (1, to) }
    }

    /// The gaps `plan` runs through: one, or two for a corridor route.
    static func gaps(of plan: Plan) -> (first: Int?, second: Int?) {
        switch plan.shape {
        case .vertical, .connector: (nil, nil)
        case .throughGap(let gap): (gap, nil)
        case .viaCorridor(let outGap, _, let inGap): (outGap, inGap)
        }
    }

    /// The x of each link's vertical runs in the gaps for which `isAssigned` holds, written to `tracks`:
    /// `first` is the run after the source, `second` the run before the target (a corridor route has
    /// both).
    func assignGapTracks(
        _ plans: [Plan], ports: [(start: Point, end: Point)], corridorTracks: [Double?], inGaps isAssigned: (Int) -> Bool,
        to tracks: inout [(first: Double?, second: Double?)]
    ) {
        // One array sorted by gap, not an array per gap: the search for fewer crossings assigns tracks
        // many times over.
        var runs: [GapRun] = []
        runs.reserveCapacity(2 * plans.count)
        for (index, plan) in plans.enumerated() {
            let start = ports[index].start.y, end = ports[index].end.y
            switch plan.shape {
            case .vertical, .connector:
                continue
            case .throughGap(let gap):
                if isAssigned(gap) { runs.append(GapRun(gap: gap, plan: index, role: .passing, from: start, to: end)) }
            case .viaCorridor(let outGap, _, let inGap):
                let corridorY = corridorTracks[index]!
                if isAssigned(outGap) { runs.append(GapRun(gap: outGap, plan: index, role: .leaving, from: start, to: corridorY)) }
                if isAssigned(inGap) { runs.append(GapRun(gap: inGap, plan: index, role: .entering, from: corridorY, to: end)) }
            }
        }
        runs.sort { a, b in
            if a.gap != b.gap { return a.gap < b.gap }
            if a.role != b.role { return a.role < b.role }
            if a.role == .passing, a.order != b.order { return a.order < b.order }
            return a.plan < b.plan
        }
        var trackOf = [Int](repeating: 0, count: runs.count), trackEnds: [Double] = []
        var gapStart = 0
        while gapStart < runs.count {
            let gap = runs[gapStart].gap
            let gapEnd = runs[gapStart...].firstIndex { $0.gap != gap } ?? runs.endIndex
            if let first = runs[gapStart..<gapEnd].firstIndex(where: { $0.role == .passing }),
               let last = runs[gapStart..<gapEnd].lastIndex(where: { $0.role == .passing }) {
                Self.putLeavingBeforeArriving(&runs[first...last])
            }
            // Tracks are numbered left to right across the roles (the runs are sorted by role): each
            // role starts past the last. Passing runs take one track each in their order, the others
            // the first free one.
            var count = 0, roleStart = gapStart
            while roleStart < gapEnd {
                let role = runs[roleStart].role
                let roleEnd = runs[roleStart..<gapEnd].firstIndex { $0.role != role } ?? gapEnd
                if role == .passing {
                    for index in roleStart..<roleEnd { trackOf[index] = count + index - roleStart }
                    count += roleEnd - roleStart
                } else {
                    trackEnds.removeAll(keepingCapacity: true)
                    for index in roleStart..<roleEnd {
                        trackOf[index] = count + Self.firstFreeTrack(for: runs[index].interval, trackEnds: &trackEnds)
                    }
                    count += trackEnds.count
                }
                roleStart = roleEnd
            }
            for index in gapStart..<gapEnd {
                let run = runs[index], x = grid.gaps[gap].trackPosition(trackOf[index], of: count)
                if run.role == .entering { tracks[run.plan].second = x } else { tracks[run.plan].first = x }
            }
            gapStart = gapEnd
        }
    }

    /// Moves a passing run that leaves a row left of any run arriving in that row, so that the stub
    /// of one out of its box and the stub of the other into its box never run side by side there. Two
    /// runs that swap rows cannot both be satisfied; the moves stop after as many tries as pairs.
    static func putLeavingBeforeArriving(_ runs: inout ArraySlice<GapRun>) {
        var tries = runs.count * runs.count
        var moved = true
        while moved, tries > 0 {
            moved = false
            search: for i in runs.indices {
                for j in runs.indices where j > i && abs(runs[j].from - runs[i].to) < Routing.sideBySide {
                    let leaving = runs.remove(at: j)
                    runs.insert(leaving, at: i)
                    moved = true
                    tries -= 1
                    break search
                }
            }
        }
    }

    /// The first of the tracks ending at `trackEnds` that is free before `interval`, else a new one;
    /// the track then ends where `interval` does.
    static func firstFreeTrack(for interval: ClosedRange<Double>, trackEnds: inout [Double]) -> Int {
        if let free = trackEnds.firstIndex(where: { $0 < interval.lowerBound }) {
            trackEnds[free] = interval.upperBound
            return free
        }
        trackEnds.append(interval.upperBound)
        return trackEnds.count - 1
    }
}
