import BlueprintLayout

/// Marks laid out in a part of the diagram, and the size they take.
struct Arrangement {
    var marks: [Mark] = []
    var size = Size(width: 0, height: 0)
}

/// The block at the top left: title, persona, scenario and owner, and every promise with its status
/// and cost.
struct TitleBlock {
    struct Field {
        var name: String
        var value: String
    }

    struct PromiseLine {
        var status: Badge
        var description: String
        var cost: String
    }

    var title: String
    var fields: [Field]
    var promises: [PromiseLine]
    var textColour: String
    var mutedColour: String
    /// "Draft: 2 errors" under the title, for a drawing of a file with errors.
    var draftMark: Badge?

    private static let columnGap = 10.0
    private static let sectionGap = 8.0
    private static let rowGap = 3.0
    /// Long titles and scenarios wrap well before the full width of a wide diagram.
    private static let maxTextWidth = 900.0

    func addTexts(to request: inout TextMetrics.Request) {
        request.add(title, style: TextStyles.title, maxWidth: Self.maxTextWidth)
        for field in fields {
            request.add(field.name, style: TextStyles.metaField)
            request.add(field.value, style: TextStyles.meta, maxWidth: Self.maxTextWidth)
        }
        for promise in promises {
            promise.status.addTexts(to: &request, maxWidth: Self.maxTextWidth)
            request.add(promise.description, style: TextStyles.meta, maxWidth: Self.maxTextWidth)
            request.add(promise.cost, style: TextStyles.meta)
        }
        draftMark?.addTexts(to: &request, maxWidth: Self.maxTextWidth)
    }

    /// Field names and promise badges take a first column of one width, so values and promises line
    /// up; costs line up in a column after the widest description.
    func arranged(_ wrapper: TextWrapper, width: Double) -> Arrangement {
        let textWidth = min(width, Self.maxTextWidth)
        var arrangement = Arrangement()
        func add(_ block: TextBlock, x: Double, y: Double) {
            arrangement.marks.append(.text(block, at: Point(x: x, y: y)))
            arrangement.size.width = max(arrangement.size.width, x + block.nodeWidth)
        }
        let titleBlock = TextBlock(wrapping: title, maxWidth: textWidth, style: TextStyles.title, colour: textColour,
                                   wrapper: wrapper)
        add(titleBlock, x: 0, y: 0)
        var y = titleBlock.height
        // The draft mark is the last mark, so the other marks keep their ids (`Renderer.titleBlockIDs`),
        // but it sits right under the title, where the eye starts.
        let draftBadge = draftMark?.wrapped(wrapper, maxWidth: textWidth)
        let draftY = y + Self.sectionGap
        if let draftBadge {
            y = draftY + draftBadge.height
            arrangement.size.width = max(arrangement.size.width, draftBadge.width)
        }

        let names = fields.map { TextBlock([$0.name], style: TextStyles.metaField, colour: mutedColour, wrapper: wrapper) }
        let badges = promises.map { $0.status.wrapped(wrapper, maxWidth: textWidth) }
        let firstColumn = max(names.map(\.nodeWidth).max() ?? 0, badges.map(\.width).max() ?? 0)
        let valueX = firstColumn + Self.columnGap
        let valueWidth = max(textWidth - valueX, 120)

        for (index, field) in fields.enumerated() {
            y += index == 0 ? Self.sectionGap : Self.rowGap
            let value = TextBlock(wrapping: field.value, maxWidth: valueWidth, style: TextStyles.meta,
                                  colour: textColour, wrapper: wrapper)
            add(names[index], x: 0, y: y)
            add(value, x: valueX, y: y)
            y += max(names[index].height, value.height)
        }

        let costs = promises.map { TextBlock([$0.cost], style: TextStyles.meta, colour: mutedColour, wrapper: wrapper) }
        let descriptions = zip(promises, costs).map { promise, cost in
            TextBlock(wrapping: promise.description, maxWidth: max(valueWidth - cost.nodeWidth - 2 * Self.columnGap, 120),
                      style: TextStyles.meta, colour: textColour, wrapper: wrapper)
        }
        let costX = valueX + (descriptions.map(\.nodeWidth).max() ?? 0) + 2 * Self.columnGap
        for index in promises.indices {
            y += index == 0 ? Self.sectionGap : Self.rowGap
            let badge = badges[index]
            // The first line of text sits level with the middle of the badge.
            let textY = y + (badge.height - TextStyles.meta.lineHeight) / 2
            arrangement.marks.append(.badge(badge, at: Point(x: 0, y: y)))
            add(descriptions[index], x: valueX, y: textY)
            add(costs[index], x: costX, y: textY)
            y = max(y + badge.height, textY + descriptions[index].height)
        }
        if let draftBadge { arrangement.marks.append(.badge(draftBadge, at: Point(x: 0, y: draftY))) }
        arrangement.size.height = y.rounded(.up)
        return arrangement
    }
}

/// The key at the bottom: markers, arrow kinds and the emotion scale.
struct Legend {
    enum Sample {
        case badges([Badge])
        /// An arrow drawn with box-drawing characters in the colour of its edges.
        case arrow(String, colour: String)
    }

    struct Entry {
        var sample: Sample
        var text: String
    }

    var title: String
    var entries: [Entry]
    var textColour: String
    var mutedColour: String

    private static let sampleGap = 5.0
    private static let entryGap = 18.0
    private static let rowGap = 6.0

    func addTexts(to request: inout TextMetrics.Request) {
        request.add(title, style: TextStyles.legendTitle)
        for entry in entries {
            request.add(entry.text, style: TextStyles.legend)
            switch entry.sample {
            case .badges(let badges): for badge in badges { badge.addTexts(to: &request, maxWidth: .infinity) }
            case .arrow(let glyphs, _): request.add(glyphs, style: TextStyles.legend)
            }
        }
    }

    /// Entries packed into rows no wider than `width`, after the title.
    func arranged(_ wrapper: TextWrapper, width: Double) -> Arrangement {
        // Every row is as tall as a badge; text sits in its middle.
        let rowHeight = TextStyles.badge.lineHeight + 2 * Badge.verticalPadding
        let textOffset = (rowHeight - TextStyles.legend.lineHeight) / 2
        var arrangement = Arrangement()
        let titleBlock = TextBlock([title], style: TextStyles.legendTitle, colour: textColour, wrapper: wrapper)
        arrangement.marks.append(.text(titleBlock, at: Point(x: 0, y: textOffset)))
        let indent = titleBlock.nodeWidth + Self.entryGap
        var x = indent, y = 0.0
        for entry in entries {
            var sample: [Mark] = []
            var sampleWidth = 0.0
            switch entry.sample {
            case .badges(let badges):
                for badge in badges.map({ $0.wrapped(wrapper, maxWidth: .infinity) }) {
                    if sampleWidth > 0 { sampleWidth += Badge.spacing }
                    sample.append(.badge(badge, at: Point(x: sampleWidth, y: 0)))
                    sampleWidth += badge.width
                }
            case .arrow(let glyphs, let colour):
                let arrow = TextBlock([glyphs], style: TextStyles.legend, colour: colour, wrapper: wrapper)
                sample.append(.text(arrow, at: Point(x: 0, y: textOffset)))
                sampleWidth = arrow.nodeWidth
            }
            let text = TextBlock([entry.text], style: TextStyles.legend, colour: mutedColour, wrapper: wrapper)
            let entryWidth = sampleWidth + Self.sampleGap + text.nodeWidth
            if x > indent, x + entryWidth > width {
                x = indent
                y += rowHeight + Self.rowGap
            }
            arrangement.marks += sample.map { $0.moved(x, y) }
            arrangement.marks.append(.text(text, at: Point(x: x + sampleWidth + Self.sampleGap, y: y + textOffset)))
            arrangement.size.width = max(arrangement.size.width, x + entryWidth)
            x += entryWidth + Self.entryGap
        }
        arrangement.size.height = y + rowHeight
        return arrangement
    }
}
