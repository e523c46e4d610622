import BlueprintDiagnostics
import BlueprintEncoding

/// A source line as the text reporter prints it, with the terminal cell where each column starts,
/// so a caret printed under it lands under the right character.
///
/// TABs are expanded to the next multiple of `tabWidth` cells here rather than left to the
/// terminal, because the gutter in front of the line would shift the terminal's tab stops.
/// Characters that would move the cursor or reorder the line (controls, bidirectional
/// overrides) are shown by code point instead, like clang does.
struct DisplayLine {
    static let tabWidth = 8
    /// A longer line is shown as a window of about this many cells around the column.
    static let windowWidth = 150

    /// What is printed, scalar by scalar.
    private var scalars: [Unicode.Scalar] = []
    /// `scalarStarts[i]` is where column `i + 1`'s display starts in `scalars`; the last entry is the count.
    /// In 32 bits, like source positions: a 10 MB line of junk then needs 12 bytes a character, not 20.
    private var scalarStarts: [UInt32] = [0]
    /// `cellOffsets[i]` is the cell where column `i + 1` starts; the last entry is the line's width.
    private var cellOffsets: [UInt32] = [0]

    init(_ line: String) {
        // Sized once: growing by doubling would briefly hold each array one and a half times over.
        let most = line.utf8.count + 1
        scalars.reserveCapacity(most)
        scalarStarts.reserveCapacity(most)
        cellOffsets.reserveCapacity(most)
        var width = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                let spaces = Self.tabWidth - width % Self.tabWidth
                scalars += repeatElement(" ", count: spaces)
                width += spaces
            } else if Self.isShownByCodePoint(scalar) {
                let name = "<U+\(Self.hex(scalar.value))>"
                scalars += name.unicodeScalars
                width += name.unicodeScalars.count
            } else {
                scalars.append(scalar)
                width += TerminalWidth.cells(of: scalar)
            }
            scalarStarts.append(UInt32(scalars.count))
            cellOffsets.append(UInt32(width))
        }
    }

    var isEmpty: Bool { scalars.isEmpty }

    var text: String { Self.string(scalars[...]) }

    /// The cell where a 1-based column starts; columns past the end continue one cell each.
    func cell(atColumn column: Int) -> Int {
        let index = max(column - 1, 0)
        guard index >= cellOffsets.count else { return Int(cellOffsets[index]) }
        return Int(cellOffsets[cellOffsets.count - 1]) + index - (cellOffsets.count - 1)
    }

    /// The width of the whole line in cells.
    var width: Int { Int(cellOffsets[cellOffsets.count - 1]) }

    /// What to print of the line for a caret at `cell`: all of it when it is short, else about
    /// `windowWidth` cells around the caret with `…` where it is cut.
    func window(around cell: Int) -> Window {
        guard width > Self.windowWidth else { return Window(text: text, startCell: 0, endCell: width, leadingMarkWidth: 0) }
        let first = columnIndex(atOrAfterCell: max(0, min(cell, width) - Self.windowWidth / 3))
        let last = max(first, columnIndex(atOrAfterCell: Int(cellOffsets[first]) + Self.windowWidth + 1) - 1)
        let startCell = Int(cellOffsets[first]), endCell = Int(cellOffsets[last])
        var shown = startCell > 0 ? "…" : ""
        shown += Self.string(scalars[Int(scalarStarts[first])..<Int(scalarStarts[last])])
        if endCell < width { shown += "…" }
        return Window(text: shown, startCell: startCell, endCell: endCell, leadingMarkWidth: startCell > 0 ? 1 : 0)
    }

    /// A part of a line ready to print, and where its cells sit.
    struct Window {
        var text: String
        var startCell: Int
        var endCell: Int
        /// The `…` in front when the window does not start at the line's start.
        var leadingMarkWidth: Int

        /// Where a cell of the line is printed within the window.
        func offset(ofCell cell: Int) -> Int { cell - startCell + leadingMarkWidth }
    }

    /// The first column index whose cell is at or after `cell` (the last index when none is).
    private func columnIndex(atOrAfterCell cell: Int) -> Int {
        min(cellOffsets.partitioningIndex { Int($0) >= cell }, cellOffsets.count - 1)
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private static func isShownByCodePoint(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
