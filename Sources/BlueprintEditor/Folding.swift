import BlueprintLanguage

/// Lines an editor may fold, 1-based.
package struct FoldingRange: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// A phase, from its `phase` line to its last item.
        case region
        /// A block of two or more comment lines.
        case comment
    }

    package var lines: ClosedRange<Int>
    package var kind: Kind
}

extension EditorDocument {
    /// Each phase, from its `phase` line to its last step, and each block of two or more comment lines.
    package func foldingRanges() -> [FoldingRange] {
        var ranges: [FoldingRange] = []
        for phase in document.blueprint.phases {
            guard let keyword = phase.keywordRange else { continue }
            if let last = itemLines(of: phase).max(), last > keyword.start.line {
                ranges.append(FoldingRange(lines: keyword.start.line...last, kind: .region))
            }
        }
        var blockStart: Int?
        var previousLine = -1
        for comment in document.syntax.comments where !comment.isTrailing {
            let line = comment.range.start.line
            if line != previousLine + 1 {
                if let start = blockStart, previousLine > start { ranges.append(FoldingRange(lines: start...previousLine, kind: .comment)) }
                blockStart = line
            }
            previousLine = line
        }
        if let start = blockStart, previousLine > start { ranges.append(FoldingRange(lines: start...previousLine, kind: .comment)) }
        return ranges
    }
}
