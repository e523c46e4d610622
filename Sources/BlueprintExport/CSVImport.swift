import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import CSV
import Foundation

/// A sheet with `CSVColumn`'s headers (in any order, any case) read back into a blueprint: each row
/// becomes a step or evidence line and its `flows` cell flow lines, and the file is then read by the
/// language itself, so a bad cell is reported with the language's own message at its row and column.
package enum CSVImport {
    /// A cell the importer or the language could not read; rows and columns count from 1, the header
    /// being row 1.
    package struct Problem: Error, Hashable, Sendable {
        package var row: Int
        package var column: Int
        package var message: Message
    }

    /// Every problem of a sheet that could not be imported, in row and column order.
    package struct Failure: Error, Sendable {
        package var problems: [Problem]
    }

    /// The canonical text (`blueprint fmt`) of the blueprint titled `title` that the CSV bytes
    /// describe, or every problem found. `path` names the blueprint for the configuration that applies.
    package static func blueprint(from data: Data, title: String, path: String) -> Result<String, Failure> {
        let table: [[String]]
        do {
            table = try rows(of: data)
        } catch {
            return .failure(Failure(problems: [Problem(row: 1, column: 1, message: Message(ExportMessage.notUTF8))]))
        }
        guard let header = table.first, header.contains(where: { !$0.isEmpty }) else {
            return .failure(Failure(problems: [Problem(row: 1, column: 1, message: Message(ExportMessage.noHeader))]))
        }
        var columns: [CSVColumn: Int] = [:]
        var problems: [Problem] = []
        for (index, name) in header.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let column = CSVColumn(rawValue: trimmed.lowercased()) else {
                problems.append(Problem(row: 1, column: index + 1, message: Message(ExportMessage.unknownColumn, [
                    "name": .text(trimmed), "columns": .text(CSVColumn.allCases.map(\.rawValue).joined(separator: ", ")),
                ])))
                continue
            }
            if columns[column] != nil {
                problems.append(Problem(row: 1, column: index + 1, message: Message(ExportMessage.repeatedColumn, ["name": .text(trimmed)])))
            }
            columns[column] = index
        }
        for required in [CSVColumn.lane, .id] where columns[required] == nil {
            problems.append(Problem(row: 1, column: header.count + 1, message: Message(ExportMessage.missingColumn, ["name": .text(required.rawValue)])))
        }
        guard problems.isEmpty else { return .failure(Failure(problems: problems)) }

        var source = SourceBuilder()
        source.line("blueprint " + BlueprintSource.quoted(title))
        let sheetRows = table.enumerated().dropFirst().map { SheetRow(number: $0.offset + 1, cells: $0.element, columns: columns) }
            .filter { !$0.isBlank }
        // Rows without a phase open the file; the others go under their phase, in the order phases first appear.
        let rowsByPhase = Dictionary(grouping: sheetRows, by: \.phase)
        var seen = Set<String>()
        let phases = sheetRows.map(\.phase).filter { !$0.isEmpty && seen.insert($0).inserted }
        for phase in [""] + phases {
            if !phase.isEmpty { source.line("phase " + BlueprintSource.quoted(phase)) }
            for row in rowsByPhase[phase] ?? [] { row.writeDeclaration(to: &source) }
        }
        for row in sheetRows { row.writeFlows(to: &source) }

        let document = Document(path: path, text: source.text)
        problems = source.cellsStartingComments.map { Problem(row: $0.row, column: $0.column, message: Message(ExportMessage.commentInCell)) }
        problems += document.diagnostics.compactMap { diagnostic in
            guard diagnostic.severity == .error, let cell = source.cell(at: diagnostic.position) else { return nil }
            return Problem(row: cell.row, column: cell.column, message: diagnostic.text)
        }
        guard problems.isEmpty else { return .failure(Failure(problems: problems.sorted { ($0.row, $0.column) < ($1.row, $1.column) })) }
        // Every line but the header and the phases comes from a cell, and those two are quoted here,
        // so a text that does not format had an error reported above; this is a last guard.
        guard let text = try? document.formatted() else {
            return .failure(Failure(problems: [Problem(row: 1, column: 1, message: Message(ExportMessage.notABlueprint))]))
        }
        return .success(text)
    }

    /// Every record, a UTF-8 byte-order mark skipped.
    private static func rows(of data: Data) throws -> [[String]] {
        let reader = try CSVReader(stream: InputStream(data: data))
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let error = reader.error { throw error }
        return rows
    }
}

/// One row of the sheet, read through its header.
private struct SheetRow {
    let number: Int
    let cells: [String]
    let columns: [CSVColumn: Int]

    /// The cell's text, trimmed; a line break inside a cell that is not free text would end the
    /// blueprint line early, so it becomes a space (the language then reports what is left).
    func value(_ column: CSVColumn) -> String {
        guard let index = columns[column], cells.indices.contains(index) else { return "" }
        let text = cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return column.isFreeText ? text : String(text.map { $0.isNewline ? " " : $0 })
    }

    /// The spreadsheet column of `column`, from 1.
    func position(_ column: CSVColumn) -> SheetCell {
        SheetCell(row: number, column: (columns[column] ?? 0) + 1)
    }

    var phase: String { value(.phase) }

    /// The lane as a keyword; a sheet may name it by its title in any locale ("Customer actions", 顾客行为).
    var laneKeyword: String {
        let written = value(.lane)
        let lane = Lane.allCases.first { lane in
            BlueprintLocale.allCases.contains { LocaleTitles.laneTitle(lane, locale: $0).caseInsensitiveCompare(written) == .orderedSame }
        }
        return lane?.rawValue ?? written.lowercased()
    }

    var isBlank: Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }

    /// `LANE ID "LABEL", attributes…`, each piece marked with the cell it came from.
    func writeDeclaration(to source: inout SourceBuilder) {
        source.startLine()
        source.append(laneKeyword, from: position(.lane))
        source.append(" ", from: position(.lane))
        source.append(value(.id), from: position(.id))
        source.append(" " + BlueprintSource.quoted(value(.label)), from: position(.label))
        if ["yes", "y", "x", "true", "1", "✓", "是"].contains(value(.moment).lowercased()) {
            source.append(", moment", from: position(.moment))
        } else if !value(.moment).isEmpty && !["no", "n", "false", "0", "否"].contains(value(.moment).lowercased()) {
            // Anything else is an attribute the language reports as such.
            source.append(", moment " + value(.moment), from: position(.moment))
        }
        for (column, keyword) in [(CSVColumn.emotion, "emotion"), (.takes, "takes"), (.wait, "wait"), (.tolerance, "tolerance"), (.servers, "servers")]
        where !value(column).isEmpty {
            source.append(", \(keyword) " + value(column), from: position(column))
        }
        for (column, keyword) in [(CSVColumn.actor, "actor"), (.channel, "channel"), (.note, "note")] where !value(column).isEmpty {
            source.append(", \(keyword) " + BlueprintSource.quoted(value(column)), from: position(column))
        }
        for failPoint in value(.fail).split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !failPoint.isEmpty {
            if let separator = failPoint.range(of: CSVColumn.recoverySeparator, options: .backwards) {
                let recovery = failPoint[separator.upperBound...].trimmingCharacters(in: .whitespaces)
                source.append(", fail " + BlueprintSource.quoted(String(failPoint[..<separator.lowerBound])) + " recover " + recovery, from: position(.fail))
            } else {
                source.append(", fail " + BlueprintSource.quoted(failPoint), from: position(.fail))
            }
        }
        for item in Self.list(value(.evidence)) {
            source.append(", evidence " + item, from: position(.evidence))
        }
        source.endLine()
    }

    /// One flow line per entry of `flows`: `ID …` after an implied `->`, or the arrow written.
    func writeFlows(to source: inout SourceBuilder) {
        for entry in Self.list(value(.flows)) {
            source.startLine()
            source.append(value(.id) + (entry.hasPrefix("->") || entry.hasPrefix("..>") ? " " : " -> ") + entry, from: position(.flows))
            source.endLine()
        }
    }

    /// Entries separated by `;` or line breaks outside a quoted label.
    static func list(_ cell: String) -> [String] {
        var entries: [String] = [], current = ""
        BlueprintSource.scan(cell) { character, inString in
            if !inString && (character == ";" || character.isNewline) {
                entries.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        entries.append(current)
        return entries.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A cell of the sheet, from 1.
private struct SheetCell: Hashable {
    var row: Int
    var column: Int
}

/// Blueprint text written line by line, remembering which cell each stretch of each line came from.
private struct SourceBuilder {
    private(set) var text = ""
    /// Per line (from 1), the column (in scalars, from 1) where each cell's text starts.
    private var cells: [Int: [(start: Int, cell: SheetCell)]] = [:]
    private var line = 0
    private var column = 1
    /// Cells whose text holds a `#` outside a string: it would silently drop the rest of the line.
    private(set) var cellsStartingComments: [SheetCell] = []

    mutating func line(_ content: String) {
        startLine()
        text += content
        endLine()
    }

    mutating func startLine() {
        line += 1
        column = 1
    }

    mutating func append(_ piece: String, from cell: SheetCell) {
        cells[line, default: []].append((column, cell))
        if Self.hasCommentOutsideStrings(piece) { cellsStartingComments.append(cell) }
        text += piece
        column += piece.unicodeScalars.count
    }

    mutating func endLine() {
        text += "\n"
    }

    private static func hasCommentOutsideStrings(_ piece: String) -> Bool {
        var found = false
        BlueprintSource.scan(piece) { character, inString in found = found || (!inString && character == "#") }
        return found
    }

    /// The cell that wrote the text at `position`.
    func cell(at position: SourcePosition) -> SheetCell? {
        cells[position.line]?.last { $0.start <= position.column }?.cell ?? cells[position.line]?.first?.cell
    }
}
