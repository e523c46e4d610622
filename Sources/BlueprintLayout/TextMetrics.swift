import BlueprintEncoding

/// Type sizes of the diagram, in one place.
package enum TextStyles {
    package static let stepLabel = TextStyle(size: 10)
    package static let caption = TextStyle(size: 8)
    package static let badge = TextStyle(size: 8)
    package static let evidenceLabel = TextStyle(size: 9)
    package static let laneTitle = TextStyle(size: 10, bold: true)
    package static let lineTitle = TextStyle(size: 8)
    package static let phaseTitle = TextStyle(size: 11, bold: true)
    package static let title = TextStyle(size: 20, bold: true)
    package static let meta = TextStyle(size: 10)
    package static let metaField = TextStyle(size: 10, bold: true)
    package static let legend = TextStyle(size: 8)
    package static let legendTitle = TextStyle(size: 8, bold: true)
    package static let edgeLabel = TextStyle(size: 8)

    /// The sizes and weights of text every drawing has (steps, lanes, lines, the title, the legend),
    /// each once, the most used first.
    package static let inEveryDrawing = [stepLabel, caption, laneTitle, title, legendTitle]
}

/// A font size and weight: the font itself is the renderer's business.
package struct TextStyle: Hashable, Sendable {
    package var size: Double
    package var bold = false

    package init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    /// How far apart Graphviz sets the lines of a plain label: 1.1 font sizes, rounded (pango's
    /// line height, whatever the font).
    package var lineHeight: Double { (size * 1.1).rounded() }
    /// The height of an empty line of a plain label: 1.2 font sizes, rounded down.
    package var emptyLineHeight: Double { (size * 1.2).rounded(.down) }
}

/// Measures words: the renderer measures them with the real font, tests and estimates with
/// `EstimatedTextMeasurer`, so the layout needs neither a font nor Graphviz.
package protocol TextMeasuring {
    associatedtype Failure: Error
    /// The width in points of each word of each request, set in its style: a drawing's styles all at
    /// once, for a measurer to measure them side by side.
    func widths(of requests: [(style: TextStyle, words: [String])]) throws(Failure) -> [[Double]]
}

/// Widths from a rough rule (CJK one em, anything else 0.6 em): for tests and for laying out without
/// a font.
package struct EstimatedTextMeasurer: TextMeasuring {
    package init() {}

    package func widths(of requests: [(style: TextStyle, words: [String])]) -> [[Double]] {
        requests.map { style, words in words.map { TextMetrics.estimatedWidth(of: Substring($0), size: style.size) } }
    }
}

/// Widths of words, measured once for a whole diagram (see `TextMeasuring`).
package struct TextMetrics: Sendable {
    private var widths: [TextStyle: [String: Double]] = [:]

    package init() {}

    package func width(of word: Substring, in style: TextStyle) -> Double {
        widths[style]?[String(word)] ?? TextMetrics.estimatedWidth(of: word, size: style.size)
    }

    package func spaceWidth(in style: TextStyle) -> Double {
        widths[style]?[" "] ?? style.size * 0.26
    }

    /// Width of one line of words as Graphviz will draw it.
    package func width(ofLine words: [Word], in style: TextStyle) -> Double {
        var total = 0.0
        for (index, word) in words.enumerated() {
            if index > 0, word.spaceBefore { total += spaceWidth(in: style) }
            total += width(of: word.text, in: style)
        }
        return total
    }

    /// A rough width used only to decide which over-long words need measuring letter by letter.
    package static func estimatedWidth(of text: Substring, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (WordBreaker.isWide($1) ? 1.0 : 0.6) } * size
    }

    /// Words to measure, collected from every text that will be wrapped.
    package struct Request {
        /// The words asked for, by style.
        package private(set) var words: [TextStyle: Set<String>] = [:]

        package init() {}

        /// Asks for the words of `text`, and for the letters of any word that may need breaking inside.
        package mutating func add(_ text: String, style: TextStyle, maxWidth: Double = .infinity) {
            Self.addWords(of: text, style: style, maxWidth: maxWidth, to: &words[style, default: [" "]])
        }

        /// Inserts into the dictionary's own set, in place: a copy taken out and put back would copy
        /// the whole set on every text.
        private static func addWords(of text: String, style: TextStyle, maxWidth: Double, to set: inout Set<String>) {
            for paragraph in WordBreaker.paragraphs(of: text) {
                for word in WordBreaker.words(in: paragraph) {
                    set.insert(String(word.text))
                    if TextMetrics.estimatedWidth(of: word.text, size: style.size) > maxWidth * 0.7 {
                        for character in word.text { set.insert(String(character)) }
                    }
                }
            }
        }
    }

    /// Measures every requested word with `measurer`.
    package static func measure<Measurer: TextMeasuring>(
        _ request: Request, with measurer: Measurer
    ) throws(Measurer.Failure) -> TextMetrics {
        let requests = request.words.map { style, words in (style: style, words: Array(words)) }
        var metrics = TextMetrics()
        for (request, widths) in zip(requests, try measurer.widths(of: requests)) {
            metrics.remember(Dictionary(uniqueKeysWithValues: zip(request.words, widths)), in: request.style)
        }
        return metrics
    }

    /// Takes `widths` as the widths of their words in `style`.
    package mutating func remember(_ widths: [String: Double], in style: TextStyle) {
        self.widths[style, default: [:]].merge(widths) { _, new in new }
    }
}

/// A word of a label and whether a space comes before it.
package struct Word: Equatable {
    package var text: Substring
    package var spaceBefore: Bool
}

/// Splits text into the words a line may break between: at spaces, and between CJK characters (which
/// are written without spaces), keeping closing punctuation with the character before it and opening
/// punctuation with the character after it.
package enum WordBreaker {
    /// Explicit line breaks (`\n` in a blueprint string) always break.
    package static func paragraphs(of text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    package static func words(in paragraph: Substring) -> [Word] {
        if paragraph.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(in: paragraph) }
        var words: [Word] = []
        var pendingSpace = false
        var runStart: Substring.Index?
        func append(_ text: Substring) {
            words.append(Word(text: text, spaceBefore: pendingSpace && !words.isEmpty))
            pendingSpace = false
        }
        func finishRun(at end: Substring.Index) {
            if let start = runStart { append(paragraph[start..<end]) }
            runStart = nil
        }
        var index = paragraph.startIndex
        while index < paragraph.endIndex {
            let character = paragraph[index]
            let next = paragraph.index(after: index)
            // ASCII first: Unicode property lookups are slow, and labels are mostly ASCII or CJK.
            let isSpace = character.asciiValue.map { $0 == 0x20 || (0x09...0x0D).contains($0) } ?? character.isWhitespace
            if isSpace {
                finishRun(at: index)
                pendingSpace = true
            } else if isWide(character.unicodeScalars.first!) {
                finishRun(at: index)
                append(paragraph[index..<next])
            } else if runStart == nil {
                runStart = index
            }
            index = next
        }
        finishRun(at: paragraph.endIndex)

        var joined: [Word] = []
        for word in words {
            if let last = joined.last, !word.spaceBefore,
               closingPunctuation.contains(word.text.unicodeScalars.first!)
                || (last.text.count == 1 && openingPunctuation.contains(last.text.unicodeScalars.first!)) {
                joined[joined.count - 1].text = paragraph[last.text.startIndex..<word.text.endIndex]
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// `words(in:)` for ASCII text, byte by byte: only spaces separate its words.
    private static func asciiWords(in paragraph: Substring) -> [Word] {
        var words: [Word] = []
        var pendingSpace = false
        var runStart: Substring.Index?
        let bytes = paragraph.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if let start = runStart {
                    words.append(Word(text: paragraph[start..<index], spaceBefore: pendingSpace && !words.isEmpty))
                    runStart = nil
                }
                pendingSpace = true
            } else if runStart == nil {
                runStart = index
            }
            bytes.formIndex(after: &index)
        }
        if let start = runStart {
            words.append(Word(text: paragraph[start...], spaceBefore: pendingSpace && !words.isEmpty))
        }
        return words
    }

    /// CJK ideographs, kana, hangul, CJK punctuation and full-width forms: about one em wide, and a line
    /// may break between any two of them.
    package static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        TerminalWidth.isWide(scalar)
    }

    /// Marks no line may start with (CLREQ 3.1.7, and Japanese small kana and the prolonged sound mark).
    private static let closingPunctuation: Set<Unicode.Scalar> = [
        "、", "。", "，", "．", "：", "；", "？", "！", "）", "」", "』", "】", "〉", "》", "〕", "〗", "］", "｝",
        "”", "’", "ー", "…", "‥", "・", "〜", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ゎ",
        "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ", "ヵ", "ヶ",
    ]
    /// Marks no line may end with.
    private static let openingPunctuation: Set<Unicode.Scalar> = ["（", "「", "『", "【", "〈", "《", "〔", "〖", "［", "｛", "“", "‘"]
    /// Marks a line reads best ending with: the end of a phrase or a sentence.
    private static let breakingPunctuation: Set<Unicode.Scalar> = ["、", "。", "，", "：", "；", "？", "！", "）", "」", "』"]

    /// Whether `word` ends a phrase, so that a line may end after it in preference to elsewhere.
    package static func endsWithBreakingPunctuation(_ word: Substring) -> Bool {
        word.unicodeScalars.last.map(breakingPunctuation.contains) ?? false
    }

    /// Whether a last line of `words` is a single CJK character, punctuation aside: CLREQ's orphan.
    package static func isOrphan(_ words: [Word]) -> Bool {
        let letters = words.lazy.flatMap(\.text.unicodeScalars).filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        var iterator = letters.makeIterator()
        guard let only = iterator.next(), iterator.next() == nil else { return false }
        return isWide(only)
    }
}

/// Breaks text into lines no wider than a width, by measured word widths.
package struct TextWrapper {
    package let metrics: TextMetrics
    /// What `wrap` gave so far: a drawing is laid out up to four times over, wrapping the same texts.
    private let wrapped = WrappedTexts()

    package init(metrics: TextMetrics) {
        self.metrics = metrics
    }

    private final class WrappedTexts {
        var byRequest: [Request: (lines: [String], width: Double)] = [:]
        /// Every line `wrap` gave or `width(of:style:)` measured, by style.
        var lines: [TextStyle: Set<String>] = [:]

        struct Request: Hashable {
            var text: String
            var style: TextStyle
            var maxWidth: Double
        }

        func add(_ lines: [String], style: TextStyle) {
            self.lines[style, default: []].formUnion(lines.lazy.filter { !$0.isEmpty })
        }
    }

    /// Every line, empty ones aside, that this wrapper broke text into or measured, by style: nearly
    /// every label line of a drawing, once its first layout is made.
    package var linesSoFar: [TextStyle: Set<String>] { wrapped.lines }

    /// The lines of `text`, each at most `maxWidth` wide unless a single letter is wider.
    package func lines(of text: String, style: TextStyle, maxWidth: Double) -> [String] {
        wrap(text, style: style, maxWidth: maxWidth).lines
    }

    /// The lines of `text` as `lines(of:style:maxWidth:)` gives them, but no more than `limit`: text
    /// that needs more is wrapped again with room for an ellipsis, which ends the last line kept.
    /// The caller asks for `…` to be measured.
    package func lines(of text: String, style: TextStyle, maxWidth: Double, limit: Int) -> [String] {
        let lines = self.lines(of: text, style: style, maxWidth: maxWidth)
        guard lines.count > limit else { return lines }
        let ellipsis = width(of: ["…"], style: style)
        var kept = Array(self.lines(of: text, style: style, maxWidth: maxWidth - ellipsis).prefix(limit))
        kept[kept.count - 1] += "…"
        return kept
    }

    /// The lines of `text`, as `lines(of:style:maxWidth:)` gives them, and the width of the widest.
    ///
    /// Lines break as the Chinese layout requirements (W3C CLREQ) ask: never before closing or after
    /// opening punctuation (`WordBreaker` keeps them with their neighbour), after a comma or a full
    /// stop rather than in the middle of a phrase when that costs little room, and never with one
    /// character alone on the last line when the lines can share the text out more evenly.
    package func wrap(_ text: String, style: TextStyle, maxWidth: Double) -> (lines: [String], width: Double) {
        let request = WrappedTexts.Request(text: text, style: style, maxWidth: maxWidth)
        if let known = wrapped.byRequest[request] { return known }
        let result = wrapAnew(text, style: style, maxWidth: maxWidth)
        wrapped.byRequest[request] = result
        wrapped.add(result.lines, style: style)
        return result
    }

    private func wrapAnew(_ text: String, style: TextStyle, maxWidth: Double) -> (lines: [String], width: Double) {
        var lines: [String] = []
        var widest = 0.0
        for paragraph in WordBreaker.paragraphs(of: text) {
            let pieces = WordBreaker.words(in: paragraph).flatMap { self.pieces(of: $0, style: style, maxWidth: maxWidth) }
            var broken = greedyLines(pieces, style: style, maxWidth: maxWidth)
            if broken.count > 1, WordBreaker.isOrphan(broken[broken.count - 1].words) {
                broken = balancedLines(pieces, style: style, maxWidth: maxWidth, count: broken.count) ?? broken
            }
            for line in broken {
                lines.append(joined(line.words))
                widest = max(widest, line.width)
            }
        }
        return (lines, widest)
    }

    private typealias Line = (words: [Word], width: Double)

    /// The pieces of a paragraph set line by line, each line as full as `maxWidth` allows, except
    /// that a line ends after punctuation when that leaves it at least `punctuationBreakFill` full.
    private func greedyLines(_ pieces: [Word], style: TextStyle, maxWidth: Double) -> [Line] {
        var lines: [Line] = []
        let space = metrics.spaceWidth(in: style)
        var line: [Word] = []
        // The line's width as `TextMetrics.width(ofLine:in:)` gives it, kept as words are added.
        var lineWidth = 0.0
        for piece in pieces {
            let pieceWidth = metrics.width(of: piece.text, in: style)
            let widened = lineWidth + (piece.spaceBefore ? space : 0) + pieceWidth
            guard !line.isEmpty, widened > maxWidth else {
                lineWidth = line.isEmpty ? pieceWidth : widened
                line.append(piece)
                continue
            }
            if let end = line.indices.dropLast().last(where: { WordBreaker.endsWithBreakingPunctuation(line[$0].text) }) {
                let kept = Array(line[...end])
                let keptWidth = metrics.width(ofLine: kept, in: style)
                var carried = Array(line[(end + 1)...])
                carried[0].spaceBefore = false
                carried.append(piece)
                let carriedWidth = metrics.width(ofLine: carried, in: style)
                if keptWidth >= maxWidth * Self.punctuationBreakFill, carriedWidth <= maxWidth {
                    lines.append((kept, keptWidth))
                    (line, lineWidth) = (carried, carriedWidth)
                    continue
                }
            }
            lines.append((line, lineWidth))
            line = [Word(text: piece.text, spaceBefore: false)]
            lineWidth = pieceWidth
        }
        lines.append((line, lineWidth))
        return lines
    }

    /// How full a line must be to end early after punctuation.
    private static let punctuationBreakFill = 0.6

    /// The pieces set on `count` lines as evenly as they go: greedily, at the narrowest width that
    /// still takes `count` lines. Nil when none leaves the last line more than one character.
    private func balancedLines(_ pieces: [Word], style: TextStyle, maxWidth: Double, count: Int) -> [Line]? {
        var narrowest = maxWidth
        var low = 0.0
        var high = maxWidth
        // Half a point is finer than any glyph: twelve halvings of a label's width reach it.
        for _ in 0..<12 where high - low > 0.5 {
            let middle = (low + high) / 2
            if greedyLines(pieces, style: style, maxWidth: middle).count <= count {
                high = middle
                narrowest = middle
            } else {
                low = middle
            }
        }
        let balanced = greedyLines(pieces, style: style, maxWidth: narrowest)
        guard balanced.count == count, !WordBreaker.isOrphan(balanced[count - 1].words) else { return nil }
        return balanced
    }

    /// The widest of `lines`.
    package func width(of lines: [String], style: TextStyle) -> Double {
        wrapped.add(lines, style: style)
        return lines.map { line in
            metrics.width(ofLine: WordBreaker.words(in: Substring(line)), in: style)
        }.max() ?? 0
    }

    /// A word too wide for a line, cut into pieces that fit, letter by letter.
    private func pieces(of word: Word, style: TextStyle, maxWidth: Double) -> [Word] {
        guard metrics.width(of: word.text, in: style) > maxWidth else { return [word] }
        var pieces: [Word] = []
        var pieceStart = word.text.startIndex
        var pieceWidth = 0.0
        var index = word.text.startIndex
        while index < word.text.endIndex {
            let next = word.text.index(after: index)
            let letterWidth = metrics.width(of: word.text[index..<next], in: style)
            if pieceWidth + letterWidth > maxWidth, index > pieceStart {
                pieces.append(Word(text: word.text[pieceStart..<index], spaceBefore: pieces.isEmpty && word.spaceBefore))
                pieceStart = index
                pieceWidth = 0
            }
            pieceWidth += letterWidth
            index = next
        }
        pieces.append(Word(text: word.text[pieceStart...], spaceBefore: pieces.isEmpty && word.spaceBefore))
        return pieces
    }

    private func joined(_ words: [Word]) -> String {
        var text = ""
        for (index, word) in words.enumerated() {
            if index > 0, word.spaceBefore { text += " " }
            text += word.text
        }
        return text
    }
}

