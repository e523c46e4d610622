// Label places: where each link's label goes along its route.
extension EdgeRouter {
    /// Every label on its link, where it covers no box, no label placed before it, and neither another
    /// route, one of the three lines nor a phase column's border (a label has no background to hide
    /// them), and where its own route can leave a gap for it: on the middle of the longest segment
    /// when that is free, else at another point along the route or beside it. Where no place is clear
    /// of other routes and borders, one clear of boxes, labels and the three lines will do, then one
    /// clear of boxes and labels; failing that, the middle of the longest segment.
    package func placeLabels(_ routes: inout [Route], sizes: [Size?]) {
        var lines = ObstacleBuckets()
        let lineYs = layout.lineY.values.sorted()
        for y in lineYs { lines.insert(Rect(x: 0, y: y, width: layout.width, height: 0)) }
        var segments = ObstacleBuckets()
        // The phase columns' borders: a label across one reads as split between two phases.
        for column in layout.phaseColumns {
            for x in [column.x, column.x + column.width] { segments.insert(Rect(x: x, y: column.y, width: 0, height: column.height)) }
        }
        for (index, route) in routes.enumerated() {
            for piece in route.pieces {
                for (a, b) in zip(piece, piece.dropFirst()) {
                    segments.insert(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)),
                                    owner: index)
                }
            }
        }
        var obstacles = ObstacleBuckets()
        for step in grid.steps { obstacles.insert(step.box) }
        for chip in chips {
            obstacles.insert(chip.start.cell)
            obstacles.insert(chip.end.cell)
        }
        for centre in layout.evidenceCentres {
            let height = layout.boxHeights[.evidence]!
            obstacles.insert(Rect(x: centre.x - Spacing.boxWidth / 2, y: centre.y - height / 2, width: Spacing.boxWidth, height: height))
        }
        for index in routes.indices {
            guard let size = sizes[index], routes[index].connectorEnd == nil else { continue }
            let route = routes[index]
            func label(at centre: Point) -> Rect {
                Rect(x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height)
            }
            let candidates = Self.labelCandidates(on: route.points, size: size, lineYs: lineYs).filter { route.canCarryLabel(at: label(at: $0)) }
            let centre = candidates.first { !obstacles.overlaps(label(at: $0)) && !lines.overlaps(label(at: $0))
                && !segments.overlaps(label(at: $0), ignoring: index) }
                ?? candidates.first { !obstacles.overlaps(label(at: $0)) && !lines.overlaps(label(at: $0)) }
                ?? candidates.first { !obstacles.overlaps(label(at: $0)) }
                ?? Self.middleOfLongestSegment(route.points)
            routes[index].labelCentre = centre
            obstacles.insert(label(at: centre))
        }
    }

    /// Places for a label of `size` along a route, best first: on the middle of each segment,
    /// longest segment first, then a quarter of the way in from either end, then an eighth; then
    /// the same places beside the segment, above it or right of it first; last, just above and just
    /// below each of `lineYs` that a vertical segment crosses, on it or beside it, where the corridor
    /// between two rows of boxes may have room only on either side of its line.
    package static func labelCandidates(on points: [Point], size: Size, lineYs: [Double] = []) -> [Point] {
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
        for (a, b) in zip(points, points.dropFirst()) where a.x == b.x {
            for y in lineYs where min(a.y, b.y) < y && y < max(a.y, b.y) {
                for labelY in [y - size.height / 2 - 1, y + size.height / 2 + 1] {
                    // On the run, or beside it, clear of a phase divider down the middle of the gap.
                    candidates += [-1.0, 0, 1].map { side in Point(x: a.x + side * (size.width / 2 + 1), y: labelY) }
                }
            }
        }
        return candidates
    }
}
