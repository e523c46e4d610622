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

    private static let columnGap = 10.0
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
    }

    func markup(_ wrapper: TextWrapper, width: Double) -> String {
        let textWidth = min(width, Self.maxTextWidth)
        let titleLines = wrapper.lines(of: title, style: TextStyles.title, maxWidth: textWidth)
        var rows = [HTML.row([HTML.cell(HTML.font(HTML.lines(titleLines), TextStyles.title, colour: textColour))])]

        // Field names and promise badges take first columns of one width, so values and promises
        // line up; they are separate tables so a long scenario does not widen the promise columns.
        let firstColumn = max(
            fields.map { wrapper.width(of: [$0.name], style: TextStyles.metaField) }.max() ?? 0,
            promises.map { $0.status.wrapped(wrapper, maxWidth: textWidth).width }.max() ?? 0)
        let firstCell = " VALIGN=\"TOP\" WIDTH=\"\(number(firstColumn.rounded(.up)))\""
        let valueWidth = max(textWidth - firstColumn - Self.columnGap, 120)
        var fieldsWidth = 0.0, promisesWidth = 0.0
        let fieldRows = fields.map { field in
            let value = wrapper.lines(of: field.value, style: TextStyles.meta, maxWidth: valueWidth)
            fieldsWidth = max(fieldsWidth, firstColumn + Self.columnGap + wrapper.width(of: value, style: TextStyles.meta))
            return [
                HTML.cell(HTML.font(HTML.text(field.name), TextStyles.metaField, colour: mutedColour), extra: firstCell),
                HTML.spacer(width: Self.columnGap),
                HTML.cell(HTML.font(HTML.lines(value), TextStyles.meta, colour: textColour), extra: " VALIGN=\"TOP\""),
            ]
        }
        let promiseRows = promises.map { promise in
            let costWidth = wrapper.width(of: [promise.cost], style: TextStyles.meta)
            let description = wrapper.lines(
                of: promise.description, style: TextStyles.meta,
                maxWidth: max(valueWidth - costWidth - Self.columnGap, 120))
            promisesWidth = max(promisesWidth, firstColumn + 3 * Self.columnGap + costWidth
                                + wrapper.width(of: description, style: TextStyles.meta))
            let badge = promise.status.wrapped(wrapper, maxWidth: textWidth)
            let status = HTML.leftAligned(["<TD>" + badge.markup + "</TD>"], width: badge.width, in: firstColumn)
            return [
                HTML.cell(status, extra: firstCell),
                HTML.spacer(width: Self.columnGap),
                HTML.cell(HTML.font(HTML.lines(description), TextStyles.meta, colour: textColour), extra: " VALIGN=\"TOP\""),
                HTML.spacer(width: 2 * Self.columnGap),
                HTML.cell(HTML.font(HTML.text(promise.cost), TextStyles.meta, colour: mutedColour), extra: " VALIGN=\"TOP\""),
            ]
        }
        // Each table is stretched to the block's width; a last spacer column takes the extra width.
        let blockWidth = max(wrapper.width(of: titleLines, style: TextStyles.title), fieldsWidth, promisesWidth)
        for (table, width) in [(fieldRows, fieldsWidth), (promiseRows, promisesWidth)] where !table.isEmpty {
            let filler = max((blockWidth - width - 2).rounded(.down), 0)
            let tableRows = table.map { HTML.row($0 + [HTML.spacer(width: filler)]) }
            rows.append(HTML.row([HTML.spacer(height: 8)]))
            rows.append(HTML.row([HTML.cell(HTML.grid(tableRows.interspersed(with: HTML.row([HTML.spacer(height: 3)]))))]))
        }
        return HTML.grid(rows)
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

    /// Entries packed into rows no wider than `width`.
    func markup(_ wrapper: TextWrapper, width: Double) -> String {
        let titleCell = HTML.cell(HTML.font(HTML.text(title), TextStyles.legendTitle, colour: textColour))
        let titleWidth = wrapper.width(of: [title], style: TextStyles.legendTitle) + Self.entryGap
        var rows: [(cells: [String], width: Double)] = [([titleCell, HTML.spacer(width: Self.entryGap)], titleWidth)]
        for entry in entries {
            let (sample, sampleWidth) = sampleMarkup(entry.sample, wrapper)
            let text = HTML.cell(HTML.font(HTML.text(entry.text), TextStyles.legend, colour: mutedColour))
            let entryWidth = sampleWidth + Self.sampleGap + wrapper.width(of: [entry.text], style: TextStyles.legend)
            if rows[rows.count - 1].width + entryWidth > width, rows[rows.count - 1].width > titleWidth {
                rows.append(([HTML.spacer(width: titleWidth)], titleWidth))
            }
            rows[rows.count - 1].cells += [sample, HTML.spacer(width: Self.sampleGap), text, HTML.spacer(width: Self.entryGap)]
            rows[rows.count - 1].width += entryWidth + Self.entryGap
        }
        let widest = rows.map(\.width).max() ?? 0
        let rowMarkup = rows.map { HTML.row([HTML.cell(HTML.leftAligned($0.cells, width: $0.width, in: widest))]) }
        return HTML.grid(rowMarkup.interspersed(with: HTML.row([HTML.spacer(height: 6)])))
    }

    private func sampleMarkup(_ sample: Sample, _ wrapper: TextWrapper) -> (String, Double) {
        switch sample {
        case .badges(let badges):
            let wrapped = badges.map { $0.wrapped(wrapper, maxWidth: .infinity) }
            let cells = wrapped.map { "<TD>" + $0.markup + "</TD>" }
            let width = wrapped.map(\.width).reduce(0, +) + Double(max(badges.count - 1, 0)) * Badge.spacing
            return ("<TD>" + HTML.grid([HTML.row(cells.interspersed(with: HTML.spacer(width: Badge.spacing)))]) + "</TD>", width)
        case .arrow(let glyphs, let colour):
            let width = wrapper.width(of: [glyphs], style: TextStyles.legend)
            return (HTML.cell(HTML.font(HTML.text(glyphs), TextStyles.legend, colour: colour)), width)
        }
    }
}
