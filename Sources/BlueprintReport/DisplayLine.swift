import BlueprintLanguage

/// A source line as the text reporter prints it, with the terminal cell where each column starts,
/// so a caret printed under it lands under the right character.
///
/// TABs are expanded to the next multiple of `tabWidth` cells here rather than left to the
/// terminal, because the gutter in front of the line would shift the terminal's tab stops.
/// Characters that would move the cursor or reorder the line (controls, bidirectional
/// overrides) are shown by code point instead, like clang does.
struct DisplayLine {
    static let tabWidth = 8

    private(set) var text = ""
    /// `cellOffsets[i]` is the cell where column `i + 1` starts; the last entry is the line's width.
    private var cellOffsets: [Int] = [0]

    init(_ line: String) {
        var width = 0
        for scalar in line.unicodeScalars {
            if scalar == "\t" {
                let spaces = Self.tabWidth - width % Self.tabWidth
                text += String(repeating: " ", count: spaces)
                width += spaces
            } else if Self.isShownByCodePoint(scalar) {
                let name = "<U+\(Self.hex(scalar.value))>"
                text += name
                width += name.count
            } else {
                text.unicodeScalars.append(scalar)
                width += TerminalWidth.cells(of: scalar)
            }
            cellOffsets.append(width)
        }
    }

    var isEmpty: Bool { text.isEmpty }

    /// The cell where a 1-based column starts; columns past the end continue one cell each.
    func cell(atColumn column: Int) -> Int {
        let index = max(column - 1, 0)
        guard index >= cellOffsets.count else { return cellOffsets[index] }
        return cellOffsets[cellOffsets.count - 1] + index - (cellOffsets.count - 1)
    }

    /// The width of the whole line in cells.
    var width: Int { cellOffsets[cellOffsets.count - 1] }

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
