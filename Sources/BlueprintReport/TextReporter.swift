import BlueprintDiagnostics

/// The human format: clang-style diagnostics, each with its source line and a caret, the places
/// that explain it as notes, the fixes it offers, then a summary.
///
///     flows.blueprint:12:5: error: flow refers to unknown step 'aproval' (did you mean 'approval'?) [undefined-reference]
///      12 | log -> aproval
///         |        ^~~~~~~
///     flows.blueprint:12:5: fix: replace 'aproval' with 'approval'
///
///     1 error in 1 of 3 files
///
/// A long line is shown as a window around the column, and a line or a file with very many
/// diagnostics prints the first ones and says how many more there are, so the output grows in
/// step with the number of diagnostics, not with their number times the line's length.
package struct TextReporter: DiagnosticReporter {
    /// Whether to use ANSI colours; the CLI asks for them only on a terminal without `NO_COLOR`.
    package var colour: Bool
    /// Printed in full for each line and each file; the rest are counted.
    package var diagnosticsPerLine = 20
    package var diagnosticsPerFile = 1_000
    /// Whether the closing sentence ("1 error in 1 of 3 files") is printed.
    package var printsSummary: Bool

    /// The summary's language when the reports do not give one (no file was linted).
    package var summaryLanguage: MessageLanguage = .en

    package init(colour: Bool, printsSummary: Bool = true) {
        self.colour = colour
        self.printsSummary = printsSummary
    }

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var output = ""
        for report in ReportOrder.sorted(reports) {
            output += render(report)
        }
        guard printsSummary else { return output }
        if !output.isEmpty { output += "\n" }
        let summary = RunSummary(reports, filesLinted: filesLinted, fallback: summaryLanguage)
        output += style(summary.sentence, summaryStyle(summary)) + "\n"
        return output
    }

    private func render(_ report: FileReport) -> String {
        var output = ""
        var lines = LineCache(source: report.source)
        var printed = 0
        var index = 0
        let diagnostics = report.diagnostics
        // Past the library's limit diagnostics are only counted; they are not shown either.
        var unshown = report.omitted.total
        while index < diagnostics.count {
            guard printed < diagnosticsPerFile else {
                unshown += diagnostics.count - index
                break
            }
            let line = diagnostics[index].range.start.line
            var onLine = 0
            while index < diagnostics.count, diagnostics[index].range.start.line == line {
                if onLine < diagnosticsPerLine && printed < diagnosticsPerFile {
                    output += render(diagnostics[index], in: report, lines: &lines)
                    printed += 1
                }
                onLine += 1
                index += 1
            }
            if onLine > diagnosticsPerLine {
                output += style("\(report.path):\(line): note: and \(onLine - diagnosticsPerLine) more on this line", .bold) + "\n"
            }
        }
        if unshown > 0 {
            output += style("\(report.path): note: \(unshown) more diagnostics in this file are not shown", .bold) + "\n"
        }
        return output
    }

    private func render(_ diagnostic: Diagnostic, in report: FileReport, lines: inout LineCache) -> String {
        let language = report.language
        let severityStyle: ANSIStyle = diagnostic.severity == .error ? .boldRed : .boldMagenta
        var output = location(diagnostic.range.start, in: report.path)
            + " " + style("\(diagnostic.severity.rawValue):", severityStyle)
            + " " + style(diagnostic.message(in: language), .bold)
            + " [\(diagnostic.rule)]\n"
        output += snippet(of: diagnostic.range, lines: &lines)
        for related in diagnostic.related {
            output += location(related.range.start, in: report.path) + " " + style("note:", .boldCyan) + " " + related.message.text(in: language) + "\n"
            output += snippet(of: related.range, lines: &lines)
        }
        for fix in diagnostic.fixes where fix.kind == .correction {
            output += location(diagnostic.range.start, in: report.path) + " " + style("fix:", .boldGreen) + " " + fix.title.text(in: language) + "\n"
        }
        return output
    }

    private func location(_ position: SourcePosition, in path: String) -> String {
        style("\(path):\(position.line):\(position.column):", .bold)
    }

    /// The source line (or a window of it) and a caret under the range's start, with tildes under
    /// the rest of the range on that line. Nothing for an empty line (a diagnostic about an empty file).
    private func snippet(of range: SourceRange, lines: inout LineCache) -> String {
        let start = range.start
        guard let line = lines.line(start.line), !line.isEmpty else { return "" }
        let end = range.end
        let startCell = line.cell(atColumn: start.column)
        let endCell: Int
        if end.line > start.line {
            endCell = line.width
        } else if end.line == start.line && end.column > start.column {
            endCell = line.cell(atColumn: end.column)
        } else {
            endCell = startCell
        }
        let window = line.window(around: startCell)
        let caretCell = window.offset(ofCell: startCell)
        let marker = "^" + String(repeating: "~", count: max(0, min(endCell, window.endCell) - startCell - 1))

        let lineNumber = String(start.line)
        let gutter = String(repeating: " ", count: lineNumber.count + 1) + " | "
        return " \(lineNumber) | \(window.text)\n"
            + gutter + String(repeating: " ", count: caretCell) + style(marker, .boldGreen) + "\n"
    }

    private func summaryStyle(_ summary: RunSummary) -> ANSIStyle {
        if summary.errors > 0 { return .boldRed }
        return summary.warnings > 0 ? .boldMagenta : .boldGreen
    }

    private func style(_ text: String, _ style: ANSIStyle) -> String {
        colour ? style.rawValue + text + ANSIStyle.reset : text
    }
}

/// The display of the last source line asked for: diagnostics come sorted by line, so many on
/// one long line share one display of it.
private struct LineCache {
    let source: SourceText
    private var number = 0
    private var display: DisplayLine?

    init(source: SourceText) {
        self.source = source
    }

    mutating func line(_ line: Int) -> DisplayLine? {
        guard line >= 1, line <= source.lineCount else { return nil }
        if line != number {
            number = line
            display = DisplayLine(source.lineText(line))
        }
        return display
    }
}

/// Select Graphic Rendition sequences. Warnings are magenta, as in clang and GCC: yellow is
/// unreadable on the light backgrounds many terminals use.
enum ANSIStyle: String {
    case bold = "\u{1B}[1m"
    case boldRed = "\u{1B}[1;31m"
    case boldGreen = "\u{1B}[1;32m"
    case boldMagenta = "\u{1B}[1;35m"
    case boldCyan = "\u{1B}[1;36m"

    static let reset = "\u{1B}[0m"
}
