import BlueprintLanguage

/// The human format: clang-style diagnostics, each with its source line and a caret, then a summary.
///
///     flows.blueprint:12:5: error: flow refers to unknown step 'aproval' (did you mean 'approval'?) [undefined-reference]
///      12 | log -> aproval
///         |        ^~~~~~~
///
///     1 error in 1 of 3 files
public struct TextReporter: DiagnosticReporter {
    /// Whether to use ANSI colours; the CLI asks for them only on a terminal without `NO_COLOR`.
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var output = ""
        for report in ReportOrder.sorted(reports) {
            for diagnostic in report.diagnostics {
                output += headline(of: diagnostic, in: report.path) + "\n"
                output += snippet(of: diagnostic, in: report.source)
            }
        }
        if !output.isEmpty { output += "\n" }
        let summary = RunSummary(reports, filesLinted: filesLinted)
        output += style(summary.sentence, summaryStyle(summary)) + "\n"
        return output
    }

    /// `path:line:col: severity: message [rule]`, the spec's text form.
    private func headline(of diagnostic: Diagnostic, in path: String) -> String {
        let position = diagnostic.position
        let severityStyle: ANSIStyle = diagnostic.severity == .error ? .boldRed : .boldMagenta
        return style("\(path):\(position.line):\(position.column):", .bold)
            + " " + style("\(diagnostic.severity.rawValue):", severityStyle)
            + " " + style(diagnostic.message, .bold)
            + " [\(diagnostic.rule)]"
    }

    /// The source line and a caret under the column, with tildes under the rest of the range when
    /// it covers more of the line. Nothing for an empty line (a diagnostic about an empty file).
    private func snippet(of diagnostic: Diagnostic, in source: SourceText) -> String {
        let start = diagnostic.range.start
        guard start.line <= source.lineCount else { return "" }
        let line = DisplayLine(source.lineText(start.line))
        guard !line.isEmpty else { return "" }

        let end = diagnostic.range.end
        let startCell = line.cell(atColumn: start.column)
        let endCell: Int
        if end.line > start.line {
            endCell = line.width
        } else if end.line == start.line && end.column > start.column {
            endCell = line.cell(atColumn: end.column)
        } else {
            endCell = startCell
        }
        let marker = "^" + String(repeating: "~", count: max(0, endCell - startCell - 1))

        let lineNumber = String(start.line)
        let gutter = String(repeating: " ", count: lineNumber.count + 1) + " | "
        return " \(lineNumber) | \(line.text)\n"
            + gutter + String(repeating: " ", count: startCell) + style(marker, .boldGreen) + "\n"
    }

    private func summaryStyle(_ summary: RunSummary) -> ANSIStyle {
        if summary.errors > 0 { return .boldRed }
        return summary.warnings > 0 ? .boldMagenta : .boldGreen
    }

    private func style(_ text: String, _ style: ANSIStyle) -> String {
        colour ? style.rawValue + text + ANSIStyle.reset : text
    }
}

/// Select Graphic Rendition sequences. Warnings are magenta, as in clang and GCC: yellow is
/// unreadable on the light backgrounds many terminals use.
enum ANSIStyle: String {
    case bold = "\u{1B}[1m"
    case boldRed = "\u{1B}[1;31m"
    case boldGreen = "\u{1B}[1;32m"
    case boldMagenta = "\u{1B}[1;35m"

    static let reset = "\u{1B}[0m"
}
