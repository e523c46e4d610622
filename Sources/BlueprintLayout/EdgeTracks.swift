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
}
extension EdgeRouter {
    /// The runs along corridors, by the side of the corridor they take: a link runs along the inside
    /// of its target's lane.
    private func corridorRuns(_ plans: [Plan]) -> [CorridorSide: [(plan: Int, interval: ClosedRange<Double>)]] {
        var runs: [CorridorSide: [(plan: Int, interval: ClosedRange<Double>)]] = [:]
        for (index, plan) in plans.enumerated() {
            guard case .viaCorridor(let outGap, let corridor, let inGap) = plan.shape else { continue }
            let first = grid.gaps[min(outGap, inGap)], last = grid.gaps[max(outGap, inGap)]
            runs[CorridorSide(corridor: corridor, into: grid.steps[plan.to].lane), default: []].append((index, first.minX...last.maxX))
        }
        return runs
    }

    /// How many tracks each side of a corridor needs. It depends only on the slots and columns, not on
    /// the heights of the lanes, which are made to give these tracks room.
    package func corridorTrackCounts() -> [CorridorSide: Int] {
        corridorRuns(plans).mapValues { Self.intervalTracks($0.map(\.interval)).1 }
    }

    /// The y of each link's corridor run, for links that take one: runs whose extents overlap get
    /// different tracks.
    package func assignCorridorTracks(_ plans: [Plan]) -> [Double?] {
        var tracks = [Double?](repeating: nil, count: plans.count)
        for (side, runs) in corridorRuns(plans) {
            let (trackOf, count) = Self.intervalTracks(runs.map(\.interval))
            let positions = grid.corridors[side.corridor].trackPositions(count, below: side.below)
            for (run, track) in zip(runs, trackOf) { tracks[run.plan] = positions[track] }
        }
        return tracks
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

    /// The x of each link's vertical runs in its gaps: `first` is the run after the source, `second`
    /// the run before the target (a corridor route has both).
    package func assignGapTracks(
        _ plans: [Plan], ports: [(start: Point, end: Point)], corridorTracks: [Double?]
    ) -> [(first: Double?, second: Double?)] {
        // By gap: the search for fewer crossings assigns tracks many times over.
        var runs = [[GapRun]](repeating: [], count: grid.gaps.count)
        for (index, plan) in plans.enumerated() {
            let start = ports[index].start.y, end = ports[index].end.y
            switch plan.shape {
            case .vertical, .connector:
                continue
            case .throughGap(let gap):
                runs[gap].append(GapRun(plan: index, role: .passing, from: start, to: end))
            case .viaCorridor(let outGap, _, let inGap):
                let corridorY = corridorTracks[index]!
                runs[outGap].append(GapRun(plan: index, role: .leaving, from: start, to: corridorY))
                runs[inGap].append(GapRun(plan: index, role: .entering, from: corridorY, to: end))
            }
        }
        var tracks = [(first: Double?, second: Double?)](repeating: (nil, nil), count: plans.count)
        for (gap, var gapRuns) in runs.enumerated() where !gapRuns.isEmpty {
            gapRuns.sort { a, b in
                if a.role != b.role { return a.role < b.role }
                if a.role == .passing, a.order != b.order { return a.order < b.order }
                return a.plan < b.plan
            }
            let passing = gapRuns.indices.filter { gapRuns[$0].role == .passing }
            if let first = passing.first, let last = passing.last {
                Self.putLeavingBeforeArriving(&gapRuns[first...last])
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

    /// A track for every interval so that overlapping intervals never share one, first fit in the given
    /// order, or one track each in that order when `keepOrder` is set. Returns the track of each interval
    /// and the number of tracks.
    package static func intervalTracks(_ intervals: [ClosedRange<Double>], keepOrder: Bool = false) -> ([Int], Int) {
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
}
