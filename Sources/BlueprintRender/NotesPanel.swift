import BlueprintLayout

/// Where the notes of steps and evidence items go.
public enum NotesPlacement: String, Sendable, Hashable, CaseIterable {
    /// A numbered marker on the box and a panel under the legend that lists every note: what prints.
    case panel
    /// Only in the box's tooltip, which an SVG shows on hover and a PNG or PDF loses.
    case tooltip
    /// Nowhere.
    case off
}

/// The notes of a diagram, each after the marker its box carries, in columns under the legend.
struct NotesPanel {
    struct Entry {
        var marker: Badge
        var text: String
    }

    var title: String
    var entries: [Entry]
    var textColour: String
    var mutedColour: String

    /// Each note wraps to this width, so a panel of many notes stays a few lines tall per note.
    static let noteWidth = 280.0
    private static let markerGap = 5.0
    private static let columnGap = 24.0
    private static let rowGap = 8.0
    private static let titleGap = 18.0

    /// The marker a box with note `number` carries (counted from 1), and the panel repeats.
    static func marker(_ number: Int, theme: RenderTheme) -> Badge {
        Badge(text: "※\(number)", colours: .init(fill: theme.mutedText, text: theme.background))
    }

    func addTexts(to request: inout TextMetrics.Request) {
        request.add(title, style: TextStyles.legendTitle)
        for entry in entries {
            entry.marker.addTexts(to: &request, maxWidth: .infinity)
            request.add(entry.text, style: TextStyles.legend, maxWidth: Self.noteWidth)
        }
    }

    /// The title, then the notes in as many columns as `width` holds, filled row by row, so they
    /// read in the order of their numbers.
    func arranged(_ wrapper: TextWrapper, width: Double) -> Arrangement {
        var arrangement = Arrangement()
        let title = TextBlock([title], style: TextStyles.legendTitle, colour: textColour, wrapper: wrapper)
        arrangement.marks.append(.text(title, at: Point(x: 0, y: 0)))
        let indent = title.nodeWidth + Self.titleGap
        let markers = entries.map { $0.marker.wrapped(wrapper, maxWidth: .infinity) }
        let markerWidth = markers.map(\.width).max() ?? 0
        let columnWidth = markerWidth + Self.markerGap + Self.noteWidth
        let columnCount = max(1, Int((width - indent + Self.columnGap) / (columnWidth + Self.columnGap)))
        var y = 0.0
        for rowStart in stride(from: 0, to: entries.count, by: columnCount) {
            var rowHeight = 0.0
            for index in rowStart..<min(rowStart + columnCount, entries.count) {
                let x = indent + Double(index - rowStart) * (columnWidth + Self.columnGap)
                let text = TextBlock(wrapping: entries[index].text, maxWidth: Self.noteWidth, style: TextStyles.legend,
                                     colour: mutedColour, wrapper: wrapper)
                arrangement.marks.append(.badge(markers[index], at: Point(x: x, y: y)))
                // The note's first line sits level with the marker's text.
                let textOffset = max(0, (markers[index].height - TextStyles.legend.lineHeight) / 2)
                arrangement.marks.append(.text(text, at: Point(x: x + markerWidth + Self.markerGap, y: y + textOffset)))
                arrangement.size.width = max(arrangement.size.width, x + markerWidth + Self.markerGap + text.nodeWidth)
                rowHeight = max(rowHeight, markers[index].height, textOffset + text.height)
            }
            y += rowHeight + Self.rowGap
        }
        arrangement.size.height = max(title.height, y - Self.rowGap)
        return arrangement
    }
}
