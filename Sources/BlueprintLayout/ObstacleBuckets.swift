/// Rectangles sorted into vertical strips one slot wide, so a label is checked only against what lies
/// near it. A rectangle wider than a few strips (a long horizontal run of a route) goes into
/// horizontal bands instead: in strips, a step with thousands of flows would put each of its long
/// runs into thousands of strips, and memory would grow with the square of its flows.
/// Each rectangle may have an owner, a route, so that a label can ignore its own route.
package struct ObstacleBuckets {
    private typealias Entry = (rect: Rect, owner: Int?)
    private var strips: [Int: [Entry]] = [:]
    private var bands: [Int: [Entry]] = [:]

    /// Rectangles over more strips than this are kept by band.
    private static let widestInStrips = 8
    private static let bandHeight = 40.0

    package init() {}

    private func strips(of rect: Rect) -> ClosedRange<Int> {
        Int((rect.minX / Spacing.slotWidth).rounded(.down))...Int((rect.maxX / Spacing.slotWidth).rounded(.down))
    }

    private func bands(of rect: Rect) -> ClosedRange<Int> {
        Int((rect.minY / Self.bandHeight).rounded(.down))...Int((rect.maxY / Self.bandHeight).rounded(.down))
    }

    package mutating func insert(_ rect: Rect, owner: Int? = nil) {
        let strips = strips(of: rect), bands = bands(of: rect)
        if strips.count > Self.widestInStrips && bands.count < strips.count {
            for band in bands { self.bands[band, default: []].append((rect, owner)) }
        } else {
            for strip in strips { self.strips[strip, default: []].append((rect, owner)) }
        }
    }

    /// Whether `rect` overlaps the inside of a rectangle not owned by `ignored`; a rectangle of no
    /// width or height (a segment of a route) counts when it runs through `rect`.
    package func overlaps(_ rect: Rect, ignoring ignored: Int? = nil) -> Bool {
        func hit(_ other: Entry) -> Bool {
            (other.owner == nil || other.owner != ignored)
                && rect.minX < other.rect.maxX && other.rect.minX < rect.maxX
                && rect.minY < other.rect.maxY && other.rect.minY < rect.maxY
        }
        return strips(of: rect).contains { strips[$0]?.contains(where: hit) ?? false }
            || bands(of: rect).contains { bands[$0]?.contains(where: hit) ?? false }
    }
}
