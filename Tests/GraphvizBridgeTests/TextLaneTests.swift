import Foundation
@testable import GraphvizBridge
import Testing

/// The lanes measure text side by side in pango contexts of their own; every size must be the one
/// Graphviz's pango plugin gives the same line in its context, or an SVG written from the lanes'
/// sizes would differ from the one Graphviz draws.
@Suite struct TextLaneTests {
    static let fonts = ["Noto Sans CJK SC", "Noto Sans CJK SC Bold", "Noto Sans CJK TC", "DejaVu Sans", "No Such Family"]
    static let sizes = [7.5, 8, 9, 10, 11, 12, 20]

    /// Every word and line of the examples, and text that tries pango's itemizing: marks, CJK
    /// punctuation, right-to-left scripts, combining marks, emoji, tabs and spaces alone.
    static func texts() throws -> [String] {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../blueprints")
        var texts: Set<String> = ["★ Moment of truth", "⚠ 3", "◑", "▲▼●", "x&y", "<b>", "a\tb", "😀", "e\u{301}", "שלום",
                                  "مرحبا", "ﬁ", "AVAV", "1.5×", "—", "…", "，。", "“引号”", " ", "  a", "a  "]
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path) where file.hasSuffix(".blueprint") {
            let source = try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8)
            for line in source.split(separator: "\n") {
                texts.insert(line.trimmingCharacters(in: .whitespaces))
                for word in line.split(separator: " ") { texts.insert(String(word)) }
            }
        }
        return texts.filter { !$0.isEmpty }.sorted()
    }

    @Test func lanesMeasureAsGraphvizsPlugin() throws {
        let texts = try Self.texts()
        var lines: [FontKey: [String]] = [:]
        for font in Self.fonts {
            for size in Self.sizes { lines[FontKey(name: font, size: size)] = texts }
        }
        var fromLanes: LineSizes = [:]
        let left = TextLanes.shared.measure(lines, into: &fromLanes)
        #expect(left.isEmpty)
        var fromGraphviz: LineSizes = [:]
        try GraphvizGate.shared.run { job in
            for (font, texts) in lines { job.measure(texts, in: font, into: &fromGraphviz) }
        }
        var differing: [String] = []
        for (font, texts) in lines {
            for text in texts {
                let lane = fromLanes[font]?[text], graphviz = fromGraphviz[font]?[text]
                if lane?.width != graphviz?.width || lane?.height != graphviz?.height {
                    differing.append("\(font.name) \(font.size) '\(text)': lane \(String(describing: lane)), Graphviz \(String(describing: graphviz))")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(texts.count * lines.count) differ: \(differing.prefix(5))")
    }

    /// Graphviz sets the standard PostScript fonts in fonts of its own choosing, and estimates a line
    /// pango gives no width: both are left to it.
    @Test func leavesToGraphvizWhatItMeasuresItsOwnWay() {
        var sizes: LineSizes = [:]
        let left = TextLanes.shared.measure([FontKey(name: "times-roman", size: 10): ["Times"],
                                             FontKey(name: "Noto Sans CJK SC", size: 10): ["", "words"]], into: &sizes)
        #expect(left == [FontKey(name: "times-roman", size: 10): ["Times"], FontKey(name: "Noto Sans CJK SC", size: 10): [""]])
        #expect(sizes[FontKey(name: "Noto Sans CJK SC", size: 10)]?["words"] != nil)
    }

    /// Lanes measure from many threads at once without a crash or a changed size.
    @Test func measuresFromManyThreads() throws {
        let texts = Array(try Self.texts().prefix(200))
        let font = FontKey(name: "Noto Sans CJK SC", size: 10)
        var expected: LineSizes = [:]
        _ = TextLanes.shared.measure([font: texts], into: &expected)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            var sizes: LineSizes = [:]
            let bold = FontKey(name: "Noto Sans CJK SC Bold", size: Double(8 + index))
            _ = TextLanes.shared.measure([font: texts, bold: texts], into: &sizes)
            results.add(texts.map { sizes[font]?[$0]?.width ?? -1 })
        }
        let widths = texts.map { expected[font]?[$0]?.width ?? -1 }
        #expect(results.all.allSatisfy { $0 == widths })
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var widths: [[Double]] = []
        func add(_ measured: [Double]) { lock.withLock { widths.append(measured) } }
        var all: [[Double]] { lock.withLock { widths } }
    }
}
