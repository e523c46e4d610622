import BlueprintDiagnostics

extension Document {
    /// The document with every safe fix applied (`lint --fix`), and how many were. A fix can make
    /// room for another (a comma inserted lets the next attribute parse), so fixing goes on until
    /// none is left, at most `rounds` times. Of fixes that touch the same text, the first wins.
    /// Fixing sees every diagnostic, not only the first `Linter.diagnosticLimit`: a large file's
    /// slips are all fixed in one run.
    public func applyingSafeFixes(rounds: Int = 8) -> (document: Document, applied: Int) {
        var document = keepingDiagnostics(.max)
        var applied = 0
        for _ in 0..<rounds {
            var edits: [TextEdit] = []
            var taken: [Range<Int>] = []
            var count = 0
            for diagnostic in document.diagnostics {
                for fix in diagnostic.fixes where fix.isSafe {
                    let spans = fix.edits.map { $0.range.start.offset..<max($0.range.end.offset, $0.range.start.offset) }
                    guard !spans.contains(where: { span in taken.contains { Self.conflict($0, span) } }) else { continue }
                    taken += spans
                    edits += fix.edits
                    count += 1
                    break
                }
            }
            guard !edits.isEmpty, let next = try? document.applying(edits) else { break }
            document = next
            applied += count
        }
        return (document.keepingDiagnostics(diagnosticLimit), applied)
    }

    /// Whether two edits' byte spans touch the same text; two insertions at one place conflict too.
    private static func conflict(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.lowerBound == b.lowerBound || (a.lowerBound < b.upperBound && b.lowerBound < a.upperBound)
    }
}
