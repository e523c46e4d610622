import BlueprintLanguage

extension FeatureContext {
    /// Each phase, from its `phase` line to its last step, and each block of two or more comment lines.
    func foldingRanges() -> [LSP.FoldingRange] {
        let blueprint = document.blueprint
        var ranges: [LSP.FoldingRange] = []
        for phase in blueprint.phases {
            guard let keyword = phase.keywordRange else { continue }
            let itemLines = phase.steps.map { blueprint.steps[$0].idRange.start.line } + phase.evidence.map { blueprint.evidence[$0].idRange.start.line }
            if let last = itemLines.max(), last > keyword.start.line {
                ranges.append(LSP.FoldingRange(startLine: keyword.start.line - 1, endLine: last - 1, kind: "region"))
            }
        }
        var blockStart: Int?
        var previousLine = -1
        for comment in document.syntax.comments where !comment.isTrailing {
            let line = comment.range.start.line
            if line != previousLine + 1 {
                if let start = blockStart, previousLine > start { ranges.append(LSP.FoldingRange(startLine: start - 1, endLine: previousLine - 1, kind: "comment")) }
                blockStart = line
            }
            previousLine = line
        }
        if let start = blockStart, previousLine > start { ranges.append(LSP.FoldingRange(startLine: start - 1, endLine: previousLine - 1, kind: "comment")) }
        return ranges
    }
}
