import BlueprintLanguage

/// Distances of the drawing, in points (1/72 inch).
package enum Spacing {
    /// Room around the drawing (Graphviz `pad`); coordinates start at the drawing's top-left corner.
    package static let pad = 28.0
    /// Width of every step and evidence box.
    package static let boxWidth = 126.0
    /// Room between the boxes of neighbouring slots, where arrows and their labels run.
    package static let slotGap = 42.0
    /// Edge labels wrap to fit between two slots.
    package static let edgeLabelWidth = 72.0
    package static var slotWidth: Double { boxWidth + slotGap }
    /// Room above and below the boxes of a lane, where arrows run along the lane.
    package static let lanePadding = 24.0
    /// Height of a lane without steps: thin, but tall enough for a one-line title clear of the line
    /// titles on its edges.
    package static let emptyLaneHeight = 32.0
    package static let laneTitleMinWidth = 104.0
    package static let laneTitleMaxWidth = 150.0
    package static let laneTitleInset = 10.0
    package static let phaseHeaderPadding = 8.0
    package static let titleBlockGap = 20.0
    package static let legendGap = 22.0
    /// Between the title block and a legend beside it.
    package static let legendBesideGap = 48.0
    package static let notesGap = 14.0
    /// Between evidence items stacked over one slot.
    package static let evidenceStackGap = 10.0
    /// Narrower drawings are widened so the title block and legend have room.
    package static let minimumContentWidth = 680.0
}

/// A rectangle in top-down coordinates: y grows downwards from the top of the drawing.
package struct Rect: Equatable {
    package var x: Double
    package var y: Double
    package var width: Double
    package var height: Double

    package var minX: Double { x }
    package var maxX: Double { x + width }
    package var minY: Double { y }
    package var maxY: Double { y + height }
    package var midX: Double { x + width / 2 }
    package var midY: Double { y + height / 2 }

    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

package struct Size: Equatable {
    package var width: Double
    package var height: Double

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

package struct Point: Equatable {
    package var x: Double
    package var y: Double

    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The x extent of the title column and of every phase column; depends only on slot counts and widths
/// of titles, so the title block and legend can be wrapped to it before heights are known.
package struct ColumnLayout {
    package var titleColumn: (x: Double, width: Double)
    /// Each phase column's left edge and width.
    package var columns: [(x: Double, width: Double)]
    /// Left edge of each column's first slot: slots are centred when a long phase title widens the column.
    package var firstSlotX: [Double]

    package var contentX: Double { titleColumn.x }
    package var contentWidth: Double { (columns.last.map { $0.x + $0.width } ?? titleColumn.x + titleColumn.width) - contentX }

    package init(slotCounts: [Int], titleColumnWidth: Double, phaseTitleWidths: [Double]) {
        titleColumn = (0, titleColumnWidth)
        var widths = slotCounts.enumerated().map { column, slots in
            max(Double(slots) * Spacing.slotWidth, phaseTitleWidths[column] + 4 * Spacing.phaseHeaderPadding)
        }
        let lanesWidth = titleColumnWidth + widths.reduce(0, +)
        if lanesWidth < Spacing.minimumContentWidth {
            let extra = (Spacing.minimumContentWidth - lanesWidth) / Double(widths.count)
            widths = widths.map { $0 + extra }
        }
        var x = titleColumnWidth
        columns = []
        firstSlotX = []
        for (column, width) in widths.enumerated() {
            columns.append((x, width))
            firstSlotX.append(x + (width - Double(slotCounts[column]) * Spacing.slotWidth) / 2)
            x += width
        }
    }

    package func slotCentre(_ place: SlotAssignment.Place) -> Double {
        firstSlotX[place.column] + (Double(place.slot) + 0.5) * Spacing.slotWidth
    }
}

/// Sizes of the parts of the diagram, in points, from their text wrapped by widths measured with the
/// real font.
package struct MeasuredSizes {
    /// Natural heights of the boxes, before the boxes of a lane are made one height; every box is
    /// `Spacing.boxWidth` wide.
    package var stepHeights: [Double]
    package var evidenceHeights: [Double]
    package var laneTitles: [Lane: Double]
    /// How many lines each line's title wraps to.
    package var lineTitleLines: [BlueprintLine: Int]
    package var phaseHeader: Double
    package var titleBlock: Size
    package var legend: Size
    /// In the top band, right of the title block, rather than under the lanes.
    package var legendBesideTitleBlock: Bool
    package var notes: Size?

    package init(
        stepHeights: [Double], evidenceHeights: [Double], laneTitles: [Lane: Double], lineTitleLines: [BlueprintLine: Int],
        phaseHeader: Double, titleBlock: Size, legend: Size, legendBesideTitleBlock: Bool, notes: Size?
    ) {
        self.stepHeights = stepHeights
        self.evidenceHeights = evidenceHeights
        self.laneTitles = laneTitles
        self.lineTitleLines = lineTitleLines
        self.phaseHeader = phaseHeader
        self.titleBlock = titleBlock
        self.legend = legend
        self.legendBesideTitleBlock = legendBesideTitleBlock
        self.notes = notes
    }
}

/// Where everything goes. Rows are lanes, columns are phases; every box is pinned at the centre of its
/// slot, so every step lies inside its lane band and its phase column by construction.
package struct DiagramLayout {
    package var columns: ColumnLayout
    package var width: Double
    package var height: Double
    package var titleBlock: Rect
    package var legend: Rect
    /// Under the legend, when the diagram has a notes panel.
    package var notes: Rect?
    /// The row of phase titles above the lanes.
    package var header: Rect
    /// Full-width bands, title column included.
    package var lanes: [Lane: Rect]
    /// Height of every box of a lane: boxes of one lane are the same size, like notes on a wall.
    package var boxHeights: [Lane: Double]
    package var lineY: [BlueprintLine: Double]
    /// The y of the middle of each lane's row of boxes: lower than the band's middle when more arrows
    /// run above the boxes than below them.
    package var rowCentres: [Lane: Double]
    /// Height of each lane's row of boxes (a stack of evidence items is one row), 0 for a lane without.
    package var rowHeights: [Lane: Double]
    /// Each phase column from the top of its header to the bottom of the lanes.
    package var phaseColumns: [Rect]
    package var stepCentres: [Point]
    package var evidenceCentres: [Point]
    /// The x of the middle of every slot, left to right, those with no box in any lane too.
    package var slotCentres: [Double]

    /// `corridorTracks` says how many arrows run side by side along each side of each corridor, so
    /// the lanes give them room clear of the lines (see `RoutingGrid.Corridor`).
    package init(
        columns: ColumnLayout, slots: SlotAssignment, stepLanes: [Lane], sizes: MeasuredSizes,
        corridorTracks: [CorridorSide: Int] = [:]
    ) {
        self.columns = columns
        width = columns.contentWidth
        var y = 0.0
        titleBlock = Rect(x: columns.contentX, y: y, width: sizes.titleBlock.width, height: sizes.titleBlock.height)
        y += sizes.titleBlock.height + Spacing.titleBlockGap
        header = Rect(x: columns.contentX, y: y, width: columns.contentWidth, height: sizes.phaseHeader)
        y += sizes.phaseHeader

        var boxHeights = [Lane: Double]()
        for (step, lane) in stepLanes.enumerated() {
            boxHeights[lane] = max(boxHeights[lane] ?? 0, sizes.stepHeights[step])
        }
        if let tallest = sizes.evidenceHeights.max() { boxHeights[.evidence] = tallest }
        self.boxHeights = boxHeights

        lanes = [:]
        var rowCentres = [Lane: Double](), rowHeights = [Lane: Double]()
        for lane in Lane.allCases {
            // A line's title has its last line on the line and the others above it, in the lane above:
            // that lane is tall enough for both titles.
            let extraLineTitleLines = lane.lineBelow.map { sizes.lineTitleLines[$0, default: 1] - 1 } ?? 0
            let titleRoom = sizes.laneTitles[lane, default: 0] + 2 * Spacing.laneTitleInset
                + Double(extraLineTitleLines) * TextStyles.lineTitle.lineHeight
            // Evidence items shown over one slot stack: the evidence lane holds the tallest stack.
            let rows = Double(lane == .evidence ? slots.evidenceStackDepth : 1)
            let boxesHeight = boxHeights[lane].map { rows * $0 + (rows - 1) * Spacing.evidenceStackGap } ?? 0
            let basePadding = boxHeights[lane] == nil ? Spacing.emptyLaneHeight / 2 : Spacing.lanePadding
            let above = CorridorSide(corridor: lane.index, below: true)
            let below = CorridorSide(corridor: lane.index + 1, below: false)
            let paddingAbove = max(basePadding, RoutingGrid.Corridor.padding(forTracks: corridorTracks[above, default: 0]))
            let paddingBelow = max(basePadding, RoutingGrid.Corridor.padding(forTracks: corridorTracks[below, default: 0]))
            let contentRoom = paddingAbove + boxesHeight + paddingBelow
            let height = max(titleRoom, contentRoom)
            lanes[lane] = Rect(x: columns.contentX, y: y, width: columns.contentWidth, height: height)
            rowCentres[lane] = y + (height - contentRoom) / 2 + paddingAbove + boxesHeight / 2
            rowHeights[lane] = boxesHeight
            y += height
        }
        self.rowCentres = rowCentres
        self.rowHeights = rowHeights
        lineY = [
            .interaction: lanes[.customer]!.maxY,
            .visibility: lanes[.frontstage]!.maxY,
            .internal: lanes[.backstage]!.maxY,
        ]
        let header = self.header, lanesBottom = y
        phaseColumns = columns.columns.map { column in
            Rect(x: column.x, y: header.minY, width: column.width, height: lanesBottom - header.minY)
        }
        if sizes.legendBesideTitleBlock {
            // Against the right edge, level with the top of the title block.
            legend = Rect(x: columns.contentX + columns.contentWidth - sizes.legend.width, y: 0,
                          width: sizes.legend.width, height: sizes.legend.height)
        } else {
            y += Spacing.legendGap
            legend = Rect(x: columns.contentX, y: y, width: sizes.legend.width, height: sizes.legend.height)
            y += sizes.legend.height
        }
        if let notesSize = sizes.notes {
            y += sizes.legendBesideTitleBlock ? Spacing.legendGap : Spacing.notesGap
            notes = Rect(x: columns.contentX, y: y, width: notesSize.width, height: notesSize.height)
            y += notesSize.height
        }
        height = y

        slotCentres = slots.slotCounts.enumerated().flatMap { column, count in
            (0..<count).map { columns.slotCentre(SlotAssignment.Place(column: column, slot: $0)) }
        }
        stepCentres = zip(slots.stepPlaces, stepLanes).map { place, lane in
            Point(x: columns.slotCentre(place), y: rowCentres[lane]!)
        }
        let evidencePitch = (boxHeights[.evidence] ?? 0) + Spacing.evidenceStackGap
        let topLevelY = rowCentres[.evidence]! - Double(slots.evidenceStackDepth - 1) * evidencePitch / 2
        evidenceCentres = zip(slots.evidencePlaces, slots.evidenceLevels).map { place, level in
            Point(x: columns.slotCentre(place), y: topLevelY + Double(level) * evidencePitch)
        }
    }
}

extension Lane {
    /// The line along the bottom of the lane's band, if any.
    package var lineBelow: BlueprintLine? {
        switch self {
        case .customer: .interaction
        case .frontstage: .visibility
        case .backstage: .internal
        case .evidence, .support: nil
        }
    }
}
