import BlueprintEncoding

/// A table of the analysis, written for a terminal (columns aligned in display cells, so Chinese
/// lines up) or as a GitHub Markdown table.
struct AnalysisTable {
    enum Alignment {
        case leading, trailing
    }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]]

    /// Two spaces between columns, numbers right-aligned, no trailing spaces.
    var text: String {
        let widths = columns.indices.map { column in
            ([columns[column].title] + rows.map { $0[column] }).map { TerminalWidth.cells(of: $0) }.max() ?? 0
        }
        return ([columns.map(\.title)] + rows).map { cells in
            var line = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - TerminalWidth.cells(of: cell))
                return columns[column].alignment == .leading ? cell + padding : padding + cell
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    var markdown: String {
        let header = "| " + columns.map { Self.escaped($0.title) }.joined(separator: " | ") + " |\n"
        let rule = "|" + columns.map { $0.alignment == .leading ? " --- |" : " ---: |" }.joined() + "\n"
        return header + rule + rows.map { "| " + $0.map(Self.escaped).joined(separator: " | ") + " |\n" }.joined()
    }

    /// A `|` would end the cell; a line feed cannot occur in a cell.
    private static func escaped(_ cell: String) -> String {
        cell.replacing("|", with: "\\|")
    }
}
