internal import CGraphvizText
internal import Foundation

/// Label lines and words measured as Graphviz's pango plugin measures them, in pango contexts of the
/// bridge's own: two lanes, each behind its own lock, that measure side by side.
///
/// The plugin has one context, behind the gate: a drawing's font sets were made and its words measured
/// one after another (about 10 ms of a render) while the second core idled. Each lane has its own
/// font map and context and shares no pango object with the other, which is how pango may be used
/// from several threads. A font's name keeps to one lane, so a family's regular and bold faces (two
/// font files) open in two lanes, and no face is opened twice.
///
/// `@unchecked Sendable`: each lane's context is only touched with that lane's lock held, and the
/// lanes by name and the cache only with `lock` held.
final class TextLanes: @unchecked Sendable {
    static let shared = TextLanes()
    static let count = 2

    private let lanes = (0..<count).map { _ in Lane() }
    private let lock = NSLock()
    private var laneOfFont: [String: Int] = [:]

    private init() {}

    /// Loads pango and reads fontconfig's configuration, once; false when pango is not installed, and
    /// Graphviz measures (estimates) everything.
    func load() -> Bool { cgraphviz_text_lanes_load() == 1 }

    /// Measures the lines of `lines` that `sizes` does not hold yet into it, from `cache` or the lanes
    /// side by side, and returns those left for Graphviz's own measuring: all of them without pango,
    /// those in PostScript fonts (which Graphviz maps to fonts of its own) and those pango gives no
    /// width (which Graphviz estimates, with a warning).
    func measure(_ lines: [FontKey: [String]], into sizes: inout LineSizes) -> [FontKey: [String]] {
        var left: [FontKey: [String]] = [:]
        var work: [[(font: FontKey, texts: [String])]] = lanes.map { _ in [] }
        let cache = self.cache
        for (font, texts) in lines {
            var missing = texts.filter { sizes[font]?[$0] == nil }
            if let cache, !missing.isEmpty, !Self.isPostScript(font.name) {
                missing = cache.take(missing, in: font, into: &sizes)
            }
            guard !missing.isEmpty else { continue }
            if let lane = lane(of: font.name) {
                work[lane].append((font, missing))
            } else {
                left[font] = missing
            }
        }
        let laneWork = work
        let busy = laneWork.indices.filter { !laneWork[$0].isEmpty }
        let results = LaneResults(count: lanes.count)
        let measureLane: @Sendable (Int) -> Void = { lane in results.set(lane, self.lanes[lane].measure(laneWork[lane])) }
        if busy.count > 1 {
            DispatchQueue.concurrentPerform(iterations: busy.count) { measureLane(busy[$0]) }
        } else {
            busy.forEach(measureLane)
        }
        for result in results.all {
            cache?.record(result.sizes)
            for (font, measured) in result.sizes { sizes[font, default: [:]].merge(measured) { first, _ in first } }
            for (font, texts) in result.left { left[font, default: []] += texts }
        }
        return left
    }

    /// Where sizes measured in earlier processes are kept, once `use(_:)` names it.
    private var cache: MeasurementCache? { lock.withLock { sharedCache } }
    private var sharedCache: MeasurementCache?

    /// Measures from `cache` first from now on, and keeps in it what the lanes measure.
    func use(_ cache: MeasurementCache) {
        lock.withLock { sharedCache = cache }
    }

    /// Writes what the lanes measured to the cache, if there is one.
    func saveCache() {
        cache?.save()
    }

    /// The lane that measures `fontName`, given in the order fonts are first asked for; nil for the
    /// fonts Graphviz measures itself, and for every font without pango.
    func lane(of fontName: String) -> Int? {
        guard !Self.isPostScript(fontName), load() else { return nil }
        return lock.withLock {
            if let lane = laneOfFont[fontName] { return lane }
            let lane = laneOfFont.count % lanes.count
            laneOfFont[fontName] = lane
            return lane
        }
    }

    private static func isPostScript(_ fontName: String) -> Bool {
        postScriptFonts.contains(fontName.lowercased())
    }

    /// The standard PostScript fonts, which Graphviz sets in fonts of its own choosing (matched without
    /// regard to case, as Graphviz matches them).
    private static let postScriptFonts: Set<String> = Set([
        "AvantGarde-Book", "AvantGarde-BookOblique", "AvantGarde-Demi", "AvantGarde-DemiOblique",
        "Bookman-Demi", "Bookman-DemiItalic", "Bookman-Light", "Bookman-LightItalic",
        "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique",
        "Helvetica", "Helvetica-Bold", "Helvetica-BoldOblique", "Helvetica-Narrow", "Helvetica-Narrow-Bold",
        "Helvetica-Narrow-BoldOblique", "Helvetica-Narrow-Oblique", "Helvetica-Oblique",
        "NewCenturySchlbk-Bold", "NewCenturySchlbk-BoldItalic", "NewCenturySchlbk-Italic", "NewCenturySchlbk-Roman",
        "Palatino-Bold", "Palatino-BoldItalic", "Palatino-Italic", "Palatino-Roman", "Symbol",
        "Times-Bold", "Times-BoldItalic", "Times-Italic", "Times-Roman", "ZapfChancery-MediumItalic", "ZapfDingbats",
    ].map { $0.lowercased() })

    /// One pango context, made on first use and kept: its font sets are most of the cost of measuring.
    private final class Lane: @unchecked Sendable {
        private let lock = NSLock()
        private var lane: OpaquePointer?

        func measure(_ work: [(font: FontKey, texts: [String])]) -> (sizes: LineSizes, left: [FontKey: [String]]) {
            lock.lock()
            defer { lock.unlock() }
            if lane == nil { lane = cgraphviz_text_lane_create() }
            guard let lane else { return ([:], Dictionary(work, uniquingKeysWith: +)) }
            var sizes: LineSizes = [:]
            var left: [FontKey: [String]] = [:]
            for (font, texts) in work {
                for text in texts {
                    var width = 0.0, height = 0.0
                    if cgraphviz_text_lane_measure(lane, font.name, font.size, text, &width, &height) == 1 {
                        sizes[font, default: [:]][text] = (width, height)
                    } else {
                        left[font, default: []].append(text)
                    }
                }
            }
            return (sizes, left)
        }
    }

    /// What each lane measured, written from the lanes' threads.
    private final class LaneResults: @unchecked Sendable {
        // `@unchecked Sendable`: `results` is only touched with `lock` held.
        private let lock = NSLock()
        private var results: [(sizes: LineSizes, left: [FontKey: [String]])?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ lane: Int, _ result: (sizes: LineSizes, left: [FontKey: [String]])) {
            lock.withLock { results[lane] = result }
        }

        var all: [(sizes: LineSizes, left: [FontKey: [String]])] { lock.withLock { results.compactMap { $0 } } }
    }
}
