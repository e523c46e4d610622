import BlueprintFormat
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintTestSupport
import Foundation
import Testing

/// Formatting keeps the meaning and the comments of every file, and formatting twice changes nothing:
/// over the examples in `blueprints/` and over a generated corpus.
@Suite struct LosslessTests {
    static let corpusSeeds: [UInt64] = Array(1...300)

    @Test(arguments: exampleFiles())
    func exampleKeepsItsMeaning(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path))
        try expectLosslessAndIdempotent(SourceText(bytes: bytes), name: path)
    }

    @Test(arguments: corpusSeeds)
    func generatedFileKeepsItsMeaning(_ seed: UInt64) throws {
        var generator = BlueprintGenerator.Corners(seed: seed)
        let text = generator.file()
        try expectLosslessAndIdempotent(SourceText(text), name: "seed \(seed):\n\(text)")
    }

    private func expectLosslessAndIdempotent(_ source: SourceText, name: String) throws {
        let tree = Parser.parse(source)
        try #require(!tree.hasSyntaxErrors, "\(name) has syntax errors: \(tree.diagnostics.map(\.message))")
        let once = try BlueprintFormatter.format(tree, source: source)
        let formattedSource = SourceText(once)
        let formattedTree = Parser.parse(formattedSource)
        try #require(!formattedTree.hasSyntaxErrors, "formatting \(name) gave syntax errors: \(formattedTree.diagnostics.map(\.message))\n\(once)")

        let difference = Meaning(formattedTree).firstDifference(from: Meaning(tree))
        #expect(difference == nil, "formatting \(name) changed: \(difference ?? "")\n\(once)")
        #expect(try BlueprintFormatter.format(formattedTree, source: formattedSource) == once, "not idempotent: \(name)")
        expectCanonicalLines(once, name: name)
    }

    /// No trailing whitespace, no blank line first or twice, one line end at the end, and the
    /// source's line ends and byte-order mark.
    private func expectCanonicalLines(_ text: String, name: String) {
        guard !text.isEmpty else { return }
        let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        #expect(body.hasSuffix(lineEnd) && !body.hasSuffix(lineEnd + lineEnd), "\(name): not one line end at the end")
        // "\r\n" is one Character, so dropping the last one drops the line end either way.
        let lines = body.dropLast().components(separatedBy: lineEnd)
        #expect(lines.first?.isEmpty == false, "\(name): starts with a blank line")
        for (index, line) in lines.enumerated() {
            #expect(line.last.map { !$0.isWhitespace } ?? true, "\(name): trailing whitespace on line \(index + 1)")
            #expect(!(line.isEmpty && index > 0 && lines[index - 1].isEmpty), "\(name): two blank lines at line \(index + 1)")
            #expect(!line.contains("\n") && !line.contains("\r"), "\(name): mixed line ends on line \(index + 1)")
        }
    }
}

/// The package's folder, found from this file's path.
func packageRoot() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// The `.blueprint` files under the package's `blueprints/` folder.
func exampleFiles() -> [String] {
    let folder = packageRoot().appendingPathComponent("blueprints")
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    return enumerator.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".blueprint") }.sorted()
}
