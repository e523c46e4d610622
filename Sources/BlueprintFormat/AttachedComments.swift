import BlueprintLanguage

/// A line above a statement that is not a statement itself.
enum LeadingLine: Hashable {
    /// One or more blank lines, kept as one.
    case blank
    /// An own-line comment: the text after `#`.
    case comment(String)
}

/// The comments of a well-formed file, each attached to its statement: the own-line comments (and
/// blank lines) since the previous statement belong to the statement below them, a trailing comment
/// to the statement on its line, and the comments after the last statement to the end of the file.
///
/// A file without syntax errors has only statement lines, comment lines and blank lines, so the line
/// numbers of the statements and comments tell where the blank lines are.
struct AttachedComments {
    /// Own-line comments and blank lines in source order; each statement owns a slice.
    private var lines: [LeadingLine] = []
    private var leadingLineRanges: [Range<Int>] = []
    private(set) var trailingComments: [String?] = []
    /// Comments after the last statement: they stay at the end of the file.
    private(set) var closingLines: ArraySlice<LeadingLine> = []

    init(_ tree: SyntaxTree) {
        leadingLineRanges.reserveCapacity(tree.statements.count)
        trailingComments.reserveCapacity(tree.statements.count)
        let comments = tree.comments
        var nextComment = 0
        var lastOccupiedLine = 0

        /// Collects the own-line comments and blank lines above `line`; returns their range in `lines`.
        func collectLines(above line: Int) -> Range<Int> {
            let start = lines.count
            while nextComment < comments.count, comments[nextComment].range.start.line < line {
                let comment = comments[nextComment]
                if comment.range.start.line > lastOccupiedLine + 1 { lines.append(.blank) }
                lines.append(.comment(Self.trimmingTrailingWhitespace(comment.text)))
                lastOccupiedLine = comment.range.start.line
                nextComment += 1
            }
            if line > lastOccupiedLine + 1 { lines.append(.blank) }
            return start..<lines.count
        }

        // By index: copying whole statements out of the array is what a 10 MB file would notice.
        for index in tree.statements.indices {
            let line = tree.statements[index].line
            leadingLineRanges.append(collectLines(above: line))
            var trailingComment: String?
            if nextComment < comments.count, comments[nextComment].range.start.line == line {
                trailingComment = Self.trimmingTrailingWhitespace(comments[nextComment].text)
                nextComment += 1
            }
            trailingComments.append(trailingComment)
            lastOccupiedLine = line
        }
        closingLines = lines[collectLines(above: .max)]
        // Blank lines at the end of the file are not kept.
        if closingLines.last == .blank { closingLines.removeLast() }
    }

    /// The own-line comments and blank lines between the previous statement and this one.
    func leadingLines(ofStatement index: Int) -> ArraySlice<LeadingLine> {
        lines[leadingLineRanges[index]]
    }

    /// A comment's trailing spaces are invisible and would leave trailing whitespace in the file.
    private static func trimmingTrailingWhitespace(_ text: String) -> String {
        guard let last = text.unicodeScalars.last, isWhitespace(last) else { return text }
        var scalars = text.unicodeScalars[...]
        while let last = scalars.last, isWhitespace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Whitespace as the language defines it: TAB and the space separators (spec section 8).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
}
