import BlueprintLayout
import GraphvizBridge

extension TextStyle {
    /// Bold is a face of the pinned family, named in the font name: a plain label has no bold markup.
    var fontName: String { bold ? "\(pinnedFontFamily) Bold" : pinnedFontFamily }
}

/// The font every label uses. Pinned so that sizes do not depend on fontconfig's fallback; it covers
/// Latin, CJK and the marker glyphs (★ ⚠ ◑ ▲ ▼ ●), checked with `fc-list ':charset=…'`.
let pinnedFontFamily = "Noto Sans CJK SC"

/// Measures words with Graphviz's own text measurement, with the real font (pango) in one layout
/// pass: Graphviz's built-in estimate under-sizes CJK and over-sizes Latin. Words the session already
/// knows are not measured again.
struct GraphvizTextMeasurer: TextMeasuring {
    var session: RenderSession?

    func widths(of words: [String], in style: TextStyle) throws(GraphvizError) -> [Double] {
        var widths = words.map { session?.wordWidth($0, in: style) }
        let unknown = words.indices.filter { widths[$0] == nil }
        guard !unknown.isEmpty else { return widths.map { $0! } }
        let measured = try Graphviz.textWidths(unknown.map { words[$0] }, fontName: style.fontName, size: style.size)
        for (index, width) in zip(unknown, measured) { widths[index] = width }
        session?.remember(Dictionary(uniqueKeysWithValues: zip(unknown.map { words[$0] }, measured)), in: style)
        return widths.map { $0! }
    }
}

extension TextMetrics {
    /// Measures every requested word with the real font, but for words the session already knows.
    static func measure(_ request: Request, session: RenderSession? = nil) throws(GraphvizError) -> TextMetrics {
        try measure(request, with: GraphvizTextMeasurer(session: session))
    }
}

/// Graphviz attribute numbers: at most `precision` decimals, no trailing zeros, so DOT text stays
/// short and the same from run to run.
func number(_ value: Double, precision: Int = 2) -> String {
    var scale = 1
    for _ in 0..<precision { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    var fraction = scaled.magnitude % UInt(scale)
    var decimals = precision
    while decimals > 0, fraction % 10 == 0 {
        fraction /= 10
        decimals -= 1
    }
    // Digits written straight into the string's storage: DOT text has several numbers per node.
    return String(unsafeUninitializedCapacity: 24) { buffer in
        var count = 0
        func put(_ byte: UInt8) {
            buffer[count] = byte
            count += 1
        }
        // Lowest digit first, then turned around in place.
        func putDigits(_ value: UInt, atLeast minimum: Int) {
            let start = count
            var rest = value
            repeat {
                put(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0 || count - start < minimum
            buffer[start..<count].reverse()
        }
        if scaled < 0 { put(UInt8(ascii: "-")) }
        putDigits(scaled.magnitude / UInt(scale), atLeast: 1)
        if decimals > 0 {
            put(UInt8(ascii: "."))
            putDigits(fraction, atLeast: decimals)
        }
        return count
    }
}
