import BlueprintLanguage
import BlueprintLayout
import GraphvizBridge

/// The font family a diagram is set in. Each Noto Sans CJK face draws the forms its readers expect
/// (Traditional Chinese centres `，` and `。`, Simplified sets them low on the left); their Latin
/// glyphs are the same in every face. Each covers the marker glyphs (★ ⚠ ◑ ▲ ▼ ●), checked with
/// `fc-list ':charset=…'`. Pinned, so that sizes do not depend on fontconfig's fallback.
struct Typeface: Hashable, Sendable {
    var family: String

    /// The face of `locale`: English takes the Simplified face's Latin, as it always has.
    static func forLocale(_ locale: BlueprintLocale) -> Typeface {
        switch locale {
        case .en, .zhHans: Typeface(family: "Noto Sans CJK SC")
        case .zhHant: Typeface(family: "Noto Sans CJK TC")
        }
    }

    /// The family `options` names, else the blueprint's own.
    static func of(_ options: RenderOptions, locale: BlueprintLocale) -> Typeface {
        of(fontFamily: options.fontFamily, locale: locale)
    }

    static func of(fontFamily: String?, locale: BlueprintLocale) -> Typeface {
        fontFamily.map { Typeface(family: $0) } ?? forLocale(locale)
    }

    /// Bold is a face of the family, named in the font name: a plain label has no bold markup.
    func fontName(of style: TextStyle) -> String { style.bold ? "\(family) Bold" : family }
}

/// Measures words as Graphviz measures text, with the real font (pango), the styles side by side:
/// Graphviz's built-in estimate under-sizes CJK and over-sizes Latin. Words the session already knows
/// are not measured again.
struct GraphvizTextMeasurer: TextMeasuring {
    var typeface: Typeface
    var session: RenderSession?

    func widths(of requests: [(style: TextStyle, words: [String])]) throws(GraphvizError) -> [[Double]] {
        let fontNames = requests.map { typeface.fontName(of: $0.style) }
        var widths = requests.indices.map { request in
            requests[request].words.map { session?.wordWidth($0, in: requests[request].style, fontName: fontNames[request]) }
        }
        let unknown = widths.map { known in known.indices.filter { known[$0] == nil } }
        let unknownWords = requests.indices.map { request in unknown[request].map { requests[request].words[$0] } }
        let measured = try Graphviz.textWidths(requests.indices.map { (fontNames[$0], requests[$0].style.size, unknownWords[$0]) })
        for request in requests.indices where !unknown[request].isEmpty {
            for (index, width) in zip(unknown[request], measured[request]) { widths[request][index] = width }
            session?.remember(Dictionary(uniqueKeysWithValues: zip(unknownWords[request], measured[request])),
                              in: requests[request].style, fontName: fontNames[request])
        }
        return widths.map { $0.map { $0! } }
    }
}

extension TextMetrics {
    /// Measures every requested word with the real font, but for words the session already knows.
    static func measure(_ request: Request, in typeface: Typeface, session: RenderSession? = nil) throws(GraphvizError) -> TextMetrics {
        try measure(request, with: GraphvizTextMeasurer(typeface: typeface, session: session))
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
