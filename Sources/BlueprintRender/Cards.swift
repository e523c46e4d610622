import GraphvizBridge

/// Type sizes of the diagram, in one place. Whole points: Graphviz 2.42 drops the fraction of an
/// HTML label's `POINT-SIZE`.
enum TextStyles {
    static let stepLabel = TextStyle(size: 10)
    static let caption = TextStyle(size: 8)
    static let badge = TextStyle(size: 8)
    static let evidenceLabel = TextStyle(size: 9)
    static let laneTitle = TextStyle(size: 10, bold: true)
    static let lineTitle = TextStyle(size: 8)
    static let phaseTitle = TextStyle(size: 11, bold: true)
    static let title = TextStyle(size: 20, bold: true)
    static let meta = TextStyle(size: 10)
    static let metaField = TextStyle(size: 10, bold: true)
    static let legend = TextStyle(size: 8)
    static let legendTitle = TextStyle(size: 8, bold: true)
    static let edgeLabel = TextStyle(size: 8)
}

/// Pieces of HTML-like label markup. All user text goes through `lines(_:)` or `text(_:)`, which escape it.
enum HTML {
    static func text(_ text: String) -> String { GraphvizValue.htmlLabelText(text) }

    /// Lines joined by left-aligned breaks.
    static func lines(_ lines: [String]) -> String {
        lines.map(text).joined(separator: "<BR ALIGN=\"LEFT\"/>")
    }

    static func font(_ content: String, _ style: TextStyle, colour: String) -> String {
        let inner = style.bold ? "<B>\(content)</B>" : content
        return "<FONT POINT-SIZE=\"\(number(style.size))\" COLOR=\"\(colour)\">\(inner)</FONT>"
    }

    /// A table without borders or spacing, for arranging cells.
    static func grid(_ rows: [String], extra: String = "") -> String {
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"\(extra)>" + rows.joined() + "</TABLE>"
    }

    static func row(_ cells: [String]) -> String { "<TR>" + cells.joined() + "</TR>" }

    static func cell(_ content: String, align: String = "LEFT", extra: String = "") -> String {
        "<TD ALIGN=\"\(align)\" BALIGN=\"\(align)\"\(extra)>\(content)</TD>"
    }

    static func spacer(width: Double) -> String { "<TD WIDTH=\"\(number(width))\"></TD>" }
    static func spacer(height: Double) -> String { "<TD HEIGHT=\"\(number(height))\"></TD>" }

    /// Cells in a row that keep their width inside a wider cell. Graphviz stretches a nested table to
    /// fill its cell, spreading the extra width over all its columns, so a spacer column takes up
    /// (nearly) all of it; the 2pt left over absorbs rounding of measured widths.
    static func leftAligned(_ cells: [String], width: Double, in available: Double) -> String {
        let filler = (available - width - 2).rounded(.down)
        return grid([row(filler >= 1 ? cells + [spacer(width: filler)] : cells)])
    }
}

/// A small rounded marker with text: moment of truth, fail point, wait, time standard, emotion.
struct Badge {
    var text: String
    var colours: RenderTheme.Badge

    static let padding = 4.0
    static let spacing = 3.0

    /// The badge with its text wrapped to fit `maxWidth`, and what follows from the lines.
    struct Wrapped {
        var badge: Badge
        var lines: [String]
        /// Drawn width, padding included.
        var width: Double

        /// Padding cells left and right of the text (the text cell adds 1pt of its own on each side).
        var markup: String {
            let content = HTML.font(HTML.lines(lines), TextStyles.badge, colour: badge.colours.text)
            let side = HTML.spacer(width: Badge.padding - 1)
            return HTML.grid(
                [HTML.row([side, HTML.cell(content, extra: " CELLPADDING=\"1\""), side])],
                extra: " STYLE=\"rounded\" BGCOLOR=\"\(badge.colours.fill)\"")
        }
    }

    func wrapped(_ wrapper: TextWrapper, maxWidth: Double) -> Wrapped {
        let lines = wrapper.lines(of: text, style: TextStyles.badge, maxWidth: maxWidth - 2 * Self.padding)
        return Wrapped(badge: self, lines: lines, width: wrapper.width(of: lines, style: TextStyles.badge) + 2 * Self.padding)
    }

    func addTexts(to request: inout TextMetrics.Request, maxWidth: Double) {
        request.add(text, style: TextStyles.badge, maxWidth: maxWidth - 2 * Self.padding)
    }

    /// Rows of badges as `packed` gives them, each row left-aligned in `maxWidth`.
    static func markup(rows: [[Wrapped]], maxWidth: Double) -> String {
        let rowMarkup = rows.map { row in
            let cells = row.map { "<TD>" + $0.markup + "</TD>" }
            let width = row.map(\.width).reduce(0, +) + Double(row.count - 1) * spacing
            return HTML.row([HTML.cell(HTML.leftAligned(cells.interspersed(with: HTML.spacer(width: spacing)),
                                                        width: width, in: maxWidth))])
        }
        return HTML.grid(rowMarkup.interspersed(with: HTML.row([HTML.spacer(height: spacing)])))
    }

    /// Badges packed left to right into rows no wider than `maxWidth`. A badge that wraps gets a row
    /// of its own, so no badge is stretched to the height of a taller neighbour.
    static func packed(_ badges: [Badge], _ wrapper: TextWrapper, maxWidth: Double) -> [[Wrapped]] {
        var rows: [[Wrapped]] = []
        var rowWidth = 0.0
        var lastRowIsSingleLine = false
        for badge in badges.map({ $0.wrapped(wrapper, maxWidth: maxWidth) }) {
            let isSingleLine = badge.lines.count == 1
            if lastRowIsSingleLine, isSingleLine, rowWidth + spacing + badge.width <= maxWidth {
                rows[rows.count - 1].append(badge)
                rowWidth += spacing + badge.width
            } else {
                rows.append([badge])
                rowWidth = badge.width
                lastRowIsSingleLine = isSingleLine
            }
        }
        return rows
    }
}

extension Array where Element == String {
    /// The elements with `separator` between each two.
    func interspersed(with separator: String) -> [String] {
        var result: [String] = []
        for (index, element) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(element)
        }
        return result
    }
}

/// A step or evidence item: a box of fixed width with an optional caption, the wrapped label and a
/// block of badges.
///
/// The box is the node's own shape, sized by the layout, and the label a borderless table at its top.
/// Boxes of a lane share one height, like notes on a wall; drawing the box as a table of that height
/// instead would make Graphviz spread the extra height over the rows inside and stretch the badges.
struct Card {
    var caption: String?
    var label: String
    var labelStyle: TextStyle
    var badges: [Badge]
    var fill: String
    var border: String
    var textColour: String
    var captionColour: String
    var rounded: Bool

    static let padding = 7.0
    /// Room for text inside the box's padding.
    static var innerWidth: Double { Spacing.boxWidth - 2 * padding }

    func addTexts(to request: inout TextMetrics.Request) {
        if let caption { request.add(caption, style: TextStyles.caption, maxWidth: Self.innerWidth) }
        request.add(label, style: labelStyle, maxWidth: Self.innerWidth)
        for badge in badges { badge.addTexts(to: &request, maxWidth: Self.innerWidth) }
    }

    /// The card with its text wrapped to the box, once: its markup and its shape both follow from it.
    struct Wrapped {
        var card: Card
        var caption: [String]?
        var label: [String]
        var badgeRows: [[Badge.Wrapped]]

        /// The label: as wide as the box, so its text starts at the box's left padding.
        var markup: String {
            var rows: [String] = []
            // The caption gets a row of its own: a smaller line in the label's own text block would
            // sit too close to the label's first line.
            if let caption {
                rows.append(HTML.row([HTML.cell(HTML.font(HTML.lines(caption), TextStyles.caption, colour: card.captionColour))]))
                rows.append(HTML.row([HTML.spacer(height: 1)]))
            }
            rows.append(HTML.row([HTML.cell(HTML.font(HTML.lines(label), card.labelStyle, colour: card.textColour))]))
            if !badgeRows.isEmpty {
                rows.append(HTML.row([HTML.spacer(height: 5)]))
                rows.append(HTML.row([HTML.cell(Badge.markup(rows: badgeRows, maxWidth: Card.innerWidth))]))
            }
            return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"\(number(Card.padding))\" "
                + "WIDTH=\"\(number(Spacing.boxWidth))\">" + HTML.row([HTML.cell(HTML.grid(rows))]) + "</TABLE>"
        }

        /// What the height of the card's label depends on. Cards of one shape are the same height, so
        /// the renderer measures one card of each shape with Graphviz instead of every card.
        var shape: CardShape {
            CardShape(
                caption: caption?.map(CardShape.fallbackCharacters),
                label: label.map(CardShape.fallbackCharacters),
                labelStyle: card.labelStyle,
                badgeRows: badgeRows.map { row in row.map { $0.lines.map(CardShape.fallbackCharacters) } })
        }
    }

    func wrapped(_ wrapper: TextWrapper) -> Wrapped {
        Wrapped(
            card: self,
            caption: caption.map { wrapper.lines(of: $0, style: TextStyles.caption, maxWidth: Self.innerWidth) },
            label: wrapper.lines(of: label, style: labelStyle, maxWidth: Self.innerWidth),
            badgeRows: Badge.packed(badges, wrapper, maxWidth: Self.innerWidth))
    }

    /// The node attributes that draw the box, `height` points tall, with the label at its top.
    func boxAttributes(height: Double) -> GraphvizAttributes {
        [
            "shape": "box",
            "style": rounded ? "rounded,filled" : "filled",
            "fillcolor": .raw(fill),
            "color": .raw(border),
            "penwidth": "1",
            "fixedsize": "true",
            "width": .raw(number(Spacing.boxWidth / 72, precision: 4)),
            "height": .raw(number(height / 72, precision: 4)),
            "margin": "0",
            "labelloc": "t",
        ]
    }
}

/// The lines of each text block of a card, each line given by the characters in it that the pinned
/// font may lack: the height of a line depends on the fonts that draw it, not on its words.
struct CardShape: Hashable {
    var caption: [String]?
    var label: [String]
    var labelStyle: TextStyle
    var badgeRows: [[[String]]]

    /// The characters of `line` outside the scripts the pinned font is known to draw: a fallback font
    /// can make a line taller. Usually empty.
    static func fallbackCharacters(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.filter { !drawnByPinnedFont($0) }))
    }

    private static func drawnByPinnedFont(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, // ASCII
             0x3000...0x303F, // CJK punctuation
             0x4E00...0x9FFF, // CJK ideographs
             0xFF01...0xFF60: // full-width forms
            return true
        default:
            return markerGlyphs.contains(scalar)
        }
    }

    /// The glyphs of the markers, which the pinned font draws (see `pinnedFontFamily`).
    private static let markerGlyphs: Set<Unicode.Scalar> = ["★", "⚠", "◑", "▲", "▼", "●", "•"]
}
