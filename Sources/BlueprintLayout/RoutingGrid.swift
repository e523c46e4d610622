import BlueprintLanguage

/// The free channels of a laid-out diagram and where each step sits in them.
package struct RoutingGrid {
    package struct Step {
        package var lane: Lane
        package var slot: Int
        package var box: Rect
        package var centre: Point { Point(x: box.midX, y: box.midY) }
    }

    /// A vertical channel between two neighbouring slots, through every lane, with the phase border it
    /// holds, if any.
    package struct Gap {
        package var minX: Double
        package var maxX: Double
        package var border: Double?

        /// Where `track` of `count` tracks runs: evenly spread, clear of the box on the left and with room
        /// for the arrowhead before the box on the right.
        package func trackPosition(_ track: Int, of count: Int) -> Double {
            spreadPosition(track, of: count, over: (minX + Routing.channelMargin)...(maxX - Routing.arrowRoom), avoiding: border,
                           clearance: Routing.dividerClearance, spacing: Routing.gapTrackSpacing)
        }
    }

    /// A horizontal channel between the boxes of two neighbouring lanes (or above the first, or below
    /// the last), with the lane border it crosses, if any.
    package struct Corridor {
        package var minY: Double
        package var maxY: Double
        package var border: Double?
        package var midY: Double { (minY + maxY) / 2 }

        /// Where `track` of `count` tracks on one side of the lane border runs, a link running along the
        /// inside of its target's lane. They fill the side from the boxes towards the border: a run far
        /// from the dashed line is not mistaken for it.
        package func trackPosition(_ track: Int, of count: Int, below: Bool) -> Double {
            let top = minY + Routing.channelMargin, bottom = maxY - Routing.channelMargin
            guard let border, top < border, border < bottom else {
                return spreadPosition(track, of: count, over: top...bottom, avoiding: nil, clearance: 0)
            }
            let room = below ? bottom - (border + Routing.lineClearance) : border - Routing.lineClearance - top
            let spacing = count > 1 ? min(Routing.trackSpacing, max(0, room) / Double(count - 1)) : 0
            return below ? bottom - spacing * Double(track) : top + spacing * Double(track)
        }

        /// The padding a lane needs between its boxes and its border for `count` tracks on that side,
        /// so they keep `Routing.trackSpacing` apart and `Routing.lineClearance` from the border.
        package static func padding(forTracks count: Int) -> Double {
            guard count > 0 else { return 0 }
            return Routing.channelMargin + Routing.lineClearance + Routing.trackSpacing * Double(count - 1)
        }
    }

    package var steps: [Step]
    package var gaps: [Gap]
    /// `corridors[i]` lies above the boxes of lane `i`; the last one below the last lane.
    package var corridors: [Corridor]
    /// Per lane, how many slots before each slot hold a box: a row is clear between two slots when the
    /// counts agree.
    private var boxesBefore: [[Int]]
    private var occupied: [[Bool]]
    /// The chips of each cell that holds any, at `lane * slotCount + slot`: the step and side they
    /// stand beside (`step * 4 + side`), and how many stand there.
    private var chipStacks: [Int: (owner: Int, count: Int)] = [:]

    package init(layout: DiagramLayout, stepLanes: [Lane]) {
        // Every box has the same width and sits at the centre of a slot; slots of all columns in one row.
        let slotCentres = layout.slotCentres
        let slotIndex = Dictionary(uniqueKeysWithValues: slotCentres.enumerated().map { ($1, $0) })
        let halfWidth = Spacing.boxWidth / 2
        let contentStart = layout.columns.titleColumn.x + layout.columns.titleColumn.width
        let phaseBorders = layout.phaseColumns.dropFirst().map(\.minX)
        gaps = (0...slotCentres.count).map { index in
            let minX = index == 0 ? contentStart : slotCentres[index - 1] + halfWidth
            let maxX = index == slotCentres.count ? layout.width : slotCentres[index] - halfWidth
            return Gap(minX: minX, maxX: maxX, border: phaseBorders.first { minX < $0 && $0 < maxX })
        }

        steps = zip(layout.stepCentres, stepLanes).map { centre, lane in
            let height = layout.boxHeights[lane]!
            return Step(lane: lane, slot: slotIndex[centre.x]!,
                        box: Rect(x: centre.x - halfWidth, y: centre.y - height / 2, width: Spacing.boxWidth, height: height))
        }

        occupied = Array(repeating: Array(repeating: false, count: slotCentres.count), count: Lane.allCases.count)
        for step in steps { occupied[step.lane.index][step.slot] = true }
        for centre in layout.evidenceCentres { occupied[Lane.evidence.index][slotIndex[centre.x]!] = true }
        boxesBefore = occupied.map(Self.runningCounts)

        // The extent of each lane's boxes; a lane without boxes lends its whole height to the corridors.
        let boxRows: [(minY: Double, maxY: Double)] = Lane.allCases.map { lane in
            let centre = layout.rowCentres[lane]!, height = layout.rowHeights[lane]!
            return (centre - height / 2, centre + height / 2)
        }
        corridors = (0...Lane.allCases.count).map { index in
            let top = index == 0 ? layout.lanes[Lane.allCases[0]]!.minY : boxRows[index - 1].maxY
            let bottom = index == Lane.allCases.count ? layout.lanes[Lane.allCases[index - 1]]!.maxY : boxRows[index].minY
            let border = index > 0 && index < Lane.allCases.count ? layout.lanes[Lane.allCases[index]]!.minY : nil
            return Corridor(minY: top, maxY: bottom, border: border)
        }
    }

    private static func runningCounts(_ row: [Bool]) -> [Int] {
        var counts = [0]
        counts.reserveCapacity(row.count + 1)
        for isOccupied in row { counts.append(counts[counts.count - 1] + (isOccupied ? 1 : 0)) }
        return counts
    }

    package var slotCount: Int { gaps.count - 1 }

    /// Whether a box (or a connector's chip) sits in `slot` of `lane`; outside the slots there is no room,
    /// so true.
    package func isOccupied(_ lane: Lane, slot: Int) -> Bool {
        slot >= 0 && slot < slotCount ? occupied[lane.index][slot] : true
    }

    /// Puts a connector's chip beside step `index` on `side`: routes then go round its cell as round a box.
    package mutating func placeChip(of index: Int, _ side: EdgeRouter.ChipSide) {
        let cell = chipCell(of: index, side), key = cell.lane.index * slotCount + cell.slot
        chipStacks[key, default: (index * 4 + side.rawValue, 0)].count += 1
        occupied[cell.lane.index][cell.slot] = true
        boxesBefore[cell.lane.index] = Self.runningCounts(occupied[cell.lane.index])
    }

    /// The slot and lane of the chip beside step `index` on `side`.
    package func chipCell(of index: Int, _ side: EdgeRouter.ChipSide) -> (lane: Lane, slot: Int) {
        let step = steps[index], lanes = Lane.allCases
        return switch side {
        case .right: (step.lane, step.slot + 1)
        case .left: (step.lane, step.slot - 1)
        case .above: (lanes[max(0, step.lane.index - 1)], step.slot)
        case .below: (lanes[min(lanes.count - 1, step.lane.index + 1)], step.slot)
        }
    }

    /// Whether a chip can go beside step `index` on `side`: in a free slot of a lane of steps that has
    /// boxes (an empty lane is too thin for one), or under the one chip already beside the step on that
    /// side in its lane, where the slot is tall enough for two.
    package func chipCellIsFree(of index: Int, _ side: EdgeRouter.ChipSide) -> Bool {
        let cell = chipCell(of: index, side)
        // Above the first lane of steps lies the evidence lane, and below the last no lane at all.
        let isLaneOfSteps = side.isBesideStep || (cell.lane != .evidence && cell.lane != steps[index].lane)
        guard isLaneOfSteps, cell.slot >= 0, cell.slot < slotCount else { return false }
        let height = cellRect(cell.lane, slot: cell.slot).height
        if let stack = chipStacks[cell.lane.index * slotCount + cell.slot] {
            return side.isBesideStep && stack.owner == index * 4 + side.rawValue && stack.count == 1
                && height >= 2 * Routing.stackedChipHeight + Routing.chipStackGap
        }
        return !isOccupied(cell.lane, slot: cell.slot) && height > 0
    }

    /// The room of a box in `slot` of `lane`.
    package func cellRect(_ lane: Lane, slot: Int) -> Rect {
        let top = corridors[lane.index].maxY, bottom = corridors[lane.index + 1].minY
        return Rect(x: gaps[slot].maxX, y: top, width: Spacing.boxWidth, height: bottom - top)
    }

    /// No box in `lane` strictly between the two slots.
    package func rowIsClear(_ lane: Lane, betweenSlots a: Int, _ b: Int) -> Bool {
        let row = boxesBefore[lane.index]
        return row[max(a, b)] == row[min(a, b) + 1]
    }

    /// No box in `slot` in a lane strictly between the two lanes.
    package func slotIsClear(_ slot: Int, betweenLanes a: Lane, _ b: Lane) -> Bool {
        let lanes = min(a.index, b.index) + 1..<max(a.index, b.index)
        return lanes.allSatisfy { !occupied[$0][slot] }
    }
}

/// Position `track` of `count` evenly spaced ones, at most `spacing` apart, centred in `range` but never
/// within `clearance` of the `border` drawn across it, where a track would read as part of that line.
private func spreadPosition(
    _ track: Int, of count: Int, over range: ClosedRange<Double>, avoiding border: Double?, clearance: Double,
    spacing largest: Double = Routing.trackSpacing
) -> Double {
    // Positions are spread over the range, or over its pieces either side of the border laid end to end.
    var first = range, second: ClosedRange<Double>?
    if let border, range.contains(border) {
        first = range.lowerBound...max(range.lowerBound, border - clearance)
        second = min(range.upperBound, border + clearance)...range.upperBound
    }
    let firstLength = first.upperBound - first.lowerBound
    let total = second.map { firstLength + ($0.upperBound - $0.lowerBound) } ?? firstLength
    let spacing = count > 1 ? min(largest, total / Double(count - 1)) : 0
    let used = spacing * Double(count - 1)
    let distance = (total - used) / 2 + spacing * Double(track)
    guard let second, distance > firstLength else { return first.lowerBound + min(distance, firstLength) }
    return second.lowerBound + min(distance - firstLength, second.upperBound - second.lowerBound)
}
