import BlueprintLayout
import GraphvizBridge

/// Lines of text in one style and colour: what one plain Graphviz label draws.
///
/// All text of the diagram is drawn as plain labels placed by blueprint. Graphviz 2.43 never frees
/// part of every line of an HTML-like label, and pango never frees the markup of its bold text, so
/// with HTML-like labels a long-lived process grew with every render.
struct TextBlock {
    var lines: [String]
    var style: TextStyle
    var colour: String
    /// The widest line, as measured.
    var width: Double

    init(_ lines: [String], style: TextStyle, colour: String, wrapper: TextWrapper) {
        self.init(lines, width: wrapper.width(of: lines, style: style), style: style, colour: colour)
    }

    /// `text` wrapped to `maxWidth`.
    init(wrapping text: String, maxWidth: Double, style: TextStyle, colour: String, wrapper: TextWrapper) {
        let (lines, width) = wrapper.wrap(text, style: style, maxWidth: maxWidth)
        self.init(lines, width: width, style: style, colour: colour)
    }

    private init(_ lines: [String], width: Double, style: TextStyle, colour: String) {
        self.lines = lines
        self.style = style
        self.colour = colour
        self.width = width
    }

    var height: Double { Double(lines.count) * style.lineHeight }
    /// Graphviz rounds node sizes to whole points; the node is a little wider than the text so that
    /// a line Graphviz measures wider than the sum of its words still starts at the node's left edge.
    var nodeWidth: Double { (width + 2).rounded(.up) }

    /// A borderless node of the block's size centred at `pos`, its lines left-aligned from its left edge.
    func nodeAttributes(pos: GraphvizValue, typeface: Typeface) -> GraphvizAttributes {
        [
            "shape": "plaintext", "fixedsize": "true", "margin": "0",
            "width": inches(nodeWidth), "height": inches(height),
            "label": .plainLabel(lines, alignment: .left),
            "fontname": .raw(typeface.fontName(of: style)), "fontsize": .raw(number(style.size)), "fontcolor": .raw(colour),
            "pos": pos,
        ]
    }
}

/// A length in points as a Graphviz size in inches.
func inches(_ points: Double) -> GraphvizValue {
    .raw(number(points / 72, precision: 4))
}

/// Something drawn inside a part of the diagram (a card, the title block, the legend), placed by its
/// top-left corner relative to the part's own top-left corner.
enum Mark {
    case text(TextBlock, at: Point)
    case badge(Badge.Wrapped, at: Point)

    /// The mark moved right by `dx` and down by `dy`.
    func moved(_ dx: Double, _ dy: Double) -> Mark {
        switch self {
        case .text(let block, let at): .text(block, at: Point(x: at.x + dx, y: at.y + dy))
        case .badge(let badge, let at): .badge(badge, at: Point(x: at.x + dx, y: at.y + dy))
        }
    }
}

/// A small rounded marker with text: moment of truth, fail point, wait, time standard, emotion.
struct Badge {
    var text: String
    var colours: RenderTheme.Badge
    /// Larger for a badge that must be seen from afar, as a draft's mark.
    var style = TextStyles.badge
    /// Added to the SVG class `badge` of a badge a reader of the SVG looks for: `utilisation busy`.
    var role: String?

    static let padding = 4.0
    static let verticalPadding = 2.0
    static let spacing = 3.0

    /// The badge with its text wrapped to fit `maxWidth`, and what follows from the lines.
    struct Wrapped {
        var badge: Badge
        var lines: [String]
        /// Drawn size in whole points, padding included.
        var width: Double
        var height: Double { Double(lines.count) * badge.style.lineHeight + 2 * Badge.verticalPadding }

        /// A rounded, filled box centred at `pos` with its lines centred inside.
        func nodeAttributes(pos: GraphvizValue, typeface: Typeface) -> GraphvizAttributes {
            [
                "shape": "box", "style": "rounded,filled", "fixedsize": "true", "margin": "0",
                "fillcolor": .raw(badge.colours.fill), "color": .raw(badge.colours.border ?? badge.colours.fill), "penwidth": "0.5",
                "width": inches(width), "height": inches(height),
                "label": .plainLabel(lines, alignment: .centre),
                "fontname": .raw(typeface.fontName(of: badge.style)), "fontsize": .raw(number(badge.style.size)),
                "fontcolor": .raw(badge.colours.text), "pos": pos,
            ]
        }
    }

    /// A badge that would wrap is cut after its first line instead, with an ellipsis: it names
    /// something drawn elsewhere, and one line is enough to find it.
    var keepsToOneLine = false

    func wrapped(_ wrapper: TextWrapper, maxWidth: Double) -> Wrapped {
        var (lines, width) = wrapper.wrap(text, style: style, maxWidth: maxWidth - 2 * Self.padding)
        if keepsToOneLine, lines.count > 1 {
            lines = wrapper.lines(of: text, style: style, maxWidth: maxWidth - 2 * Self.padding, limit: 1)
            width = wrapper.width(of: lines, style: style)
        }
        return Wrapped(badge: self, lines: lines, width: (width + 2 * Self.padding).rounded(.up))
    }

    /// Where a badge of several parts (`wait 15m · max 25m`) may be split in two rather than wrapped
    /// inside its pill.
    static let partSeparator = " · "

    /// The badge as it is drawn: whole when it fits on one line, else split between its parts, each a
    /// badge of its own in the same colours.
    func parts(_ wrapper: TextWrapper, maxWidth: Double) -> [Wrapped] {
        let whole = wrapped(wrapper, maxWidth: maxWidth)
        guard whole.lines.count > 1, text.contains(Self.partSeparator) else { return [whole] }
        return text.components(separatedBy: Self.partSeparator).map { part in
            Badge(text: part, colours: colours, role: role).wrapped(wrapper, maxWidth: maxWidth)
        }
    }

    func addTexts(to request: inout TextMetrics.Request, maxWidth: Double) {
        request.add(text, style: style, maxWidth: maxWidth - 2 * Self.padding)
        if keepsToOneLine { request.add("…", style: style) }
    }

    /// Badges packed left to right into rows no wider than `maxWidth`, a badge too wide for one line
    /// split between its parts. A badge that still wraps gets a row of its own, so no badge stands
    /// beside a taller neighbour.
    static func packed(_ badges: [Badge], _ wrapper: TextWrapper, maxWidth: Double) -> [[Wrapped]] {
        var rows: [[Wrapped]] = []
        var rowWidth = 0.0
        var lastRowIsSingleLine = false
        for badge in badges.flatMap({ $0.parts(wrapper, maxWidth: maxWidth) }) {
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

    /// `rows` placed left to right and top to bottom from `origin`; the bottom of the last row.
    static func place(_ rows: [[Wrapped]], from origin: Point, into marks: inout [Mark]) -> Double {
        var y = origin.y
        for (index, row) in rows.enumerated() {
            if index > 0 { y += spacing }
            var x = origin.x
            for badge in row {
                marks.append(.badge(badge, at: Point(x: x, y: y)))
                x += badge.width + spacing
            }
            y += row.map(\.height).max() ?? 0
        }
        return y
    }
}

/// A step or evidence item: a box of fixed width with an optional caption, the wrapped label and a
/// block of badges.
///
/// The box is the node's own shape and draws the label; the caption and badges are nodes of their
/// own placed over it. Boxes of a lane share one height, like notes on a wall.
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
    /// An off-page chip: a dashed box standing for a step on another page.
    var isChip = false
    /// The border's width in points: thicker for a step a compare drawing marks.
    var borderWidth = "1"
    /// A step a compare drawing shows where it was before the change removed it: faint and dashed.
    var isGhost = false
    /// A step whose line has errors, in a draft: a thick dashed outline in the border colour.
    var hasErrors = false

    static let padding = 7.0
    /// Room for text inside the box's padding.
    static var innerWidth: Double { Spacing.boxWidth - 2 * padding }
    private static let captionGap = 2.0
    private static let badgeGap = 5.0

    func addTexts(to request: inout TextMetrics.Request) {
        if let caption { request.add(caption, style: TextStyles.caption, maxWidth: Self.innerWidth) }
        request.add(label, style: labelStyle, maxWidth: Self.innerWidth)
        for badge in badges { badge.addTexts(to: &request, maxWidth: Self.innerWidth) }
    }

    /// The card with its text wrapped to the box and laid out, once: the box's label, the caption and
    /// badges over it, and the height they need.
    struct Wrapped {
        var card: Card
        var label: [String]
        /// Empty lines the box's label starts with. Graphviz puts the first line of a top-aligned plain
        /// label against the box's top edge, whatever its margin; the empty lines make the padding,
        /// and room for the caption.
        var leadingEmptyLines: Int
        /// The caption and badges, relative to the box's top-left corner.
        var marks: [Mark]
        /// The least height, in whole points, that holds everything.
        var height: Double

        /// The node attributes that draw the box `height` points tall, centred at `pos`, with the label.
        func boxAttributes(height: Double, pos: GraphvizValue, typeface: Typeface) -> GraphvizAttributes {
            [
                "shape": "box",
                "style": .raw((card.rounded ? "rounded,filled" : "filled") + (card.isChip || card.isGhost || card.hasErrors ? ",dashed" : "")),
                "fillcolor": .raw(card.fill),
                "color": .raw(card.border),
                "penwidth": .raw(card.hasErrors ? "2" : card.borderWidth),
                "fixedsize": "true",
                "width": inches(Spacing.boxWidth),
                "height": inches(height),
                "margin": .raw(number(Card.padding / 72, precision: 4) + ",0"),
                "labelloc": "t",
                "label": .plainLabel(Array(repeating: "", count: leadingEmptyLines) + label, alignment: .left),
                "fontname": .raw(typeface.fontName(of: card.labelStyle)),
                "fontsize": .raw(number(card.labelStyle.size)),
                "fontcolor": .raw(card.textColour),
                "pos": pos,
            ]
        }
    }

    func wrapped(_ wrapper: TextWrapper) -> Wrapped {
        var marks: [Mark] = []
        let labelLines = wrapper.lines(of: label, style: labelStyle, maxWidth: Self.innerWidth)
        var captionBlock: TextBlock?
        if let caption {
            captionBlock = TextBlock(wrapping: caption, maxWidth: Self.innerWidth, style: TextStyles.caption,
                                     colour: captionColour, wrapper: wrapper)
        }
        let labelMinimumTop = Self.padding + (captionBlock.map { $0.height + Self.captionGap } ?? 0)
        let leadingEmptyLines = Int((labelMinimumTop / labelStyle.emptyLineHeight).rounded(.up))
        let labelTop = Double(leadingEmptyLines) * labelStyle.emptyLineHeight
        if let captionBlock {
            marks.append(.text(captionBlock, at: Point(x: Self.padding, y: labelTop - Self.captionGap - captionBlock.height)))
        }
        var bottom = labelTop + Double(labelLines.count) * labelStyle.lineHeight
        let badgeRows = Badge.packed(badges, wrapper, maxWidth: Self.innerWidth)
        if !badgeRows.isEmpty {
            bottom = Badge.place(badgeRows, from: Point(x: Self.padding, y: bottom + Self.badgeGap), into: &marks)
        }
        return Wrapped(card: self, label: labelLines, leadingEmptyLines: leadingEmptyLines, marks: marks,
                       height: (bottom + Self.padding).rounded(.up))
    }
}
