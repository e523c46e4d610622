/// Rectangles sorted into vertical strips one slot wide, so a label is checked only against what lies
/// near it.
/// Each rectangle may have an owner, a route, so that a label can ignore its own route.
package struct ObstacleBuckets {
    private var strips: [Int: [(rect: Rect, owner: Int?)]] = [:]

    private func strips(of rect: Rect) -> ClosedRange<Int> {
        Int((rect.minX / Spacing.slotWidth).rounded(.down))...Int((rect.maxX / Spacing.slotWidth).rounded(.down))
    }

    package mutating func insert(_ rect: Rect, owner: Int? = nil) {
        for strip in strips(of: rect) { strips[strip, default: []].append((rect, owner)) }
    }

    /// Whether `rect` overlaps the inside of a rectangle not owned by `ignored`; a rectangle of no
    /// width or height (a segment of a route) counts when it runs through `rect`.
    package func overlaps(_ rect: Rect, ignoring ignored: Int? = nil) -> Bool {
        strips(of: rect).contains { strip in
            strips[strip, default: []].contains { other in
                (other.owner == nil || other.owner != ignored)
                    && rect.minX < other.rect.maxX && other.rect.minX < rect.maxX
                    && rect.minY < other.rect.maxY && other.rect.minY < rect.maxY
            }
        }
    }
}
