// The curves of a route: what Graphviz is given to draw.
extension EdgeRouter {
    /// A route as a polyline in top-down coordinates, from the source's border to the target's.
    package struct Route: Equatable {
        package var points: [Point]
        /// For a connector, its second arrow, from the chip before the target into the target; `points`
        /// is then the first, from the source into its chip.
        package var connectorEnd: [Point]? = nil
        /// Where the link's label goes: on the route, clear of the boxes and of other labels where
        /// the route leaves room.
        package var labelCentre: Point

        /// The route as Graphviz draws it: chains of cubic Bézier curves (3n + 1 control points each)
        /// with rounded corners, the last stopping `Routing.arrowLength` short of the target, where
        /// the arrowhead begins. A plain label has no background, so the curve leaves a gap where
        /// `label` covers it instead of running through the text (see `canCarryLabel(at:)`).
        package func bezierPieces(label: Rect? = nil) -> [[Point]] {
            var pieces = [points]
            if let label, let split = split(around: label), let before = split.before, Self.canBeCut(split) {
                pieces = [before, split.after]
            }
            if let connectorEnd { pieces.append(connectorEnd) }
            var last = pieces[pieces.count - 1]
            let end = last.count - 1
            let finalLength = last[end - 1].distance(to: last[end])
            last[end] = last[end - 1].moved(towards: last[end], by: max(finalLength - Routing.arrowLength, finalLength / 2))
            pieces[pieces.count - 1] = last
            return pieces.map(Self.bezierControlPoints)
        }

        /// Where the arrowhead points.
        package var tip: Point { (connectorEnd ?? points).last! }

        /// The polylines the route is drawn as: one, or a connector's two.
        package var pieces: [[Point]] { connectorEnd.map { [points, $0] } ?? [points] }

        /// Whether a label at `rect` misses the route, or covers a part of it that can be left out:
        /// the route still leaves its source before the gap and has room for the arrowhead after it.
        package func canCarryLabel(at rect: Rect) -> Bool {
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
}

extension Point {
    package func distance(to other: Point) -> Double { ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot() }

    /// The point `distance` along the straight line towards `other`.
    package func moved(towards other: Point, by distance: Double) -> Point {
        let length = self.distance(to: other)
        guard length > 0 else { return self }
        return Point(x: x + (other.x - x) * distance / length, y: y + (other.y - y) * distance / length)
    }
}
