import BlueprintDiagnostics
import BlueprintLanguage

/// Why a file was not formatted: it has syntax errors, and the lines the parser rejected would be lost.
public struct FormatError: Error, Sendable {
    /// The `syntax` diagnostics, one per bad line.
    public var diagnostics: [Diagnostic]
}

/// Writes a blueprint in its one canonical layout, losing nothing: the formatted file parses to the
/// same blueprint with the same comments, and formatting it again changes nothing.
///
/// The layout, section by section, one blank line apart (docs/FORMAT.md shows an example):
///
/// 1. The header, then `persona`, `scenario`, `owner`, `locale`, `lane` titles, `line` titles and
///    promises, in that order (lanes and lines top to bottom).
/// 2. The steps and evidence items written before any phase, then each `phase` line with its steps
///    and evidence items indented two spaces, all in the order written. Within each phase the lane
///    keywords, ids and labels start in the same columns; widths are terminal cells, a CJK character
///    counting two, so a Chinese id lines up where a terminal or an editor shows it. Attributes follow
///    in the order of `StatementPrinter.attributeOrder`.
/// 3. The flows, one chain per line as written.
///
/// The file's first statement stays first (the header, normally). Statements of one kind keep their
/// order. An own-line comment moves with the statement below it; a trailing comment stays on its
/// statement's line, so a `# lint: ignore` keeps applying to the same statement; comments above the
/// first statement stay there and comments after the last stay at the end. A blank line above a
/// statement or its comments is kept as one, except at the start of a section. The output has no
/// trailing whitespace and ends with one line end, CRLF when the source's first line ends so; a
/// byte-order mark is kept.
package enum BlueprintFormatter {
    /// The canonical text of `source`, which `tree` was parsed from.
    package static func format(_ tree: SyntaxTree, source: SourceText) throws(FormatError) -> String {
        guard !tree.hasSyntaxErrors else { throw FormatError(diagnostics: tree.diagnostics) }
        var writer = LayoutWriter(tree: tree, source: source)
        writer.write(CanonicalOrder.placements(of: tree.statements))
        return writer.text
    }

    /// Parses `source` and returns its canonical text.
    package static func format(_ source: SourceText) throws(FormatError) -> String {
        try format(Parser.parse(source), source: source)
    }
}

/// Lays placed statements out line by line: sections, blank lines, indentation and comments.
struct LayoutWriter {
    private let statements: [Statement]
    private let comments: AttachedComments
    private let printer: StatementPrinter
    private let lineEnd: String
    private var output: TextBuffer

    init(tree: SyntaxTree, source: SourceText) {
        statements = tree.statements
        comments = AttachedComments(tree)
        printer = StatementPrinter(source: source)
        lineEnd = source.usesCRLF ? "\r\n" : "\n"
        output = TextBuffer(capacity: source.bytes.count + source.bytes.count / 4)
        if source.hasByteOrderMark { output.write("\u{FEFF}") }
    }

    var text: String { String(decoding: output.bytes, as: UTF8.self) }

    mutating func write(_ placements: [Placement]) {
        let columns = stepColumns(of: placements)
        var previousSection: Section?
        for placement in placements {
            let startsSection = placement.section != previousSection
            if startsSection && previousSection != nil { output.write(lineEnd) }
            let indent = isIndented(placement) ? "  " : ""
            // The blank line that separates sections stands for a blank line written above the first statement.
            let leadingLines = comments.leadingLines(ofStatement: placement.statement).drop { startsSection && $0 == .blank }
            write(leadingLines, indent: indent)
            output.write(indent)
            printer.write(statements[placement.statement].kind, columns: columns[placement.section, default: StepColumns()], to: &output)
            if let comment = comments.trailingComments[placement.statement] {
                output.write(" #")
                output.write(comment)
            }
            output.write(lineEnd)
            previousSection = placement.section
        }
        write(comments.closingLines.drop { placements.isEmpty && $0 == .blank }, indent: "")
    }

    private mutating func write(_ lines: ArraySlice<LeadingLine>, indent: String) {
        for line in lines {
            switch line {
            case .blank:
                output.write(lineEnd)
            case .comment(let comment):
                output.write(indent)
                output.write("#")
                output.write(comment)
                output.write(lineEnd)
            }
        }
    }

    /// Steps and evidence items under a `phase` line are indented; the line itself and the steps
    /// before any phase are not.
    private func isIndented(_ placement: Placement) -> Bool {
        guard case .phase(let number) = placement.section, number > 0, case .step = statements[placement.statement].kind else {
            return false
        }
        return true
    }

    /// The step columns of each phase.
    private func stepColumns(of placements: [Placement]) -> [Section: StepColumns] {
        var columns: [Section: StepColumns] = [:]
        for placement in placements {
            guard case .step(let step) = statements[placement.statement].kind else { continue }
            columns[placement.section, default: StepColumns()].include(step)
        }
        return columns
    }
}
