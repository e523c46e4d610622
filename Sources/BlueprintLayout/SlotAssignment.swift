import BlueprintLanguage
import BlueprintModel

/// Which column and slot every step and evidence item takes.
///
/// A phase is a column of slots. Inside a phase, steps follow the flows among them (and recovery links):
/// a step sits in the same slot as the step it comes from when that one is in another lane, so a
/// customer action and the frontstage action answering it line up vertically, and one slot further right
/// when it is in the same lane. No two items of a lane share a slot, and no box sits on the path of a
/// vertical link between two others, so arrows need not detour around boxes. Back edges of loops are
/// ignored; ties go by declaration order. Evidence items take the slot of the leftmost step that shows
/// them, stacked when several do.
package struct SlotAssignment: Equatable {
    package struct Place: Hashable {
        package var column: Int
        package var slot: Int

        package init(column: Int, slot: Int) {
            self.column = column
            self.slot = slot
        }
    }

    package var stepPlaces: [Place]
    package var evidencePlaces: [Place]
    /// Each evidence item's place in the stack over its slot, from 0 at the top.
    package var evidenceLevels: [Int]
    /// The tallest stack of evidence items: the evidence lane holds this many rows.
    package var evidenceStackDepth: Int
    /// Slots of each column, at least one so an empty phase still has width.
    package var slotCounts: [Int]

    /// Blueprints with steps always have a phase; one without any still gets one empty column.
    package static func columnCount(of blueprint: Blueprint) -> Int { max(1, blueprint.phases.count) }

    /// Room a step keeps free in its own lane for a connector's chip: the slot before it, after it, or both.
    package struct ChipRoom: OptionSet, Hashable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package static let before = ChipRoom(rawValue: 1)
        package static let after = ChipRoom(rawValue: 2)
    }

    /// `chipRoom` keeps free slots beside some steps in their own lanes, where a connector's chips go
    /// (see `PositionedDiagram`).
    package init(_ blueprint: Blueprint, chipRoom: [Int: ChipRoom] = [:]) {
        let columns = Self.columnCount(of: blueprint)
        var places = blueprint.steps.map { Place(column: $0.phase, slot: 0) }
        var occupied = [ColumnOccupancy](repeating: ColumnOccupancy(), count: columns)
        var verticalLinks = [[Int: [VerticalLink]]](repeating: [:], count: columns)

        var linksByStep = [[Int]](repeating: [], count: blueprint.steps.count)
        for flow in blueprint.flows { linksByStep[flow.from].append(flow.to) }
        for recovery in blueprint.recoveries { linksByStep[recovery.from].append(recovery.to) }

        for (column, phase) in blueprint.phases.enumerated() {
            let order = Self.flowOrder(of: phase.steps, links: linksByStep)
            for step in order.steps {
                let lane = blueprint.steps[step].lane
                let predecessors = order.predecessors[step, default: []]
                var slot = 0
                for predecessor in predecessors {
                    let sameLane = blueprint.steps[predecessor].lane == lane
                    slot = max(slot, places[predecessor].slot + (sameLane ? 1 : 0))
                }
                let room = chipRoom[step] ?? []
                // A box or chip there would stand on the path of a vertical link between two others.
                func blocksAVerticalLink(_ slot: Int) -> Bool {
                    verticalLinks[column][slot, default: []].contains(where: { $0.upper < lane && lane < $0.lower })
                }
                func fits(_ slot: Int) -> Bool {
                    if blocksAVerticalLink(slot) { return false }
                    if room.contains(.before), slot == 0 || occupied[column].isTaken(lane: lane, slot: slot - 1) || blocksAVerticalLink(slot - 1) {
                        return false
                    }
                    if room.contains(.after), occupied[column].isTaken(lane: lane, slot: slot + 1) || blocksAVerticalLink(slot + 1) {
                        return false
                    }
                    return !predecessors.contains { predecessor in
                        let other = blueprint.steps[predecessor].lane
                        return places[predecessor].slot == slot && Lane.allCases.contains { between in
                            min(other, lane) < between && between < max(other, lane) && occupied[column].isTaken(lane: between, slot: slot)
                        }
                    }
                }
                slot = occupied[column].firstFree(lane: lane, from: slot)
                while !fits(slot) { slot = occupied[column].firstFree(lane: lane, from: slot + 1) }
                occupied[column].take(lane: lane, slot: slot)
                if room.contains(.before) { occupied[column].take(lane: lane, slot: slot - 1) }
                if room.contains(.after) { occupied[column].take(lane: lane, slot: slot + 1) }
                places[step].slot = slot
                for predecessor in predecessors where places[predecessor].slot == slot {
                    let other = blueprint.steps[predecessor].lane
                    verticalLinks[column][slot, default: []].append(VerticalLink(upper: min(other, lane), lower: max(other, lane)))
                }
            }
        }

        stepPlaces = places
        (evidencePlaces, evidenceLevels) = Self.placeEvidence(blueprint, stepPlaces: places, occupied: &occupied)
        evidenceStackDepth = (evidenceLevels.max() ?? 0) + 1
        slotCounts = occupied.map { ($0.highestTaken ?? 0) + 1 }
    }

    /// The slots taken in one column, lane by lane. Finding the first free slot from a given one
    /// follows skip links over taken runs (shortened as they are followed), so a phase of thousands
    /// of steps in one lane is placed in near-linear time.
    private struct ColumnOccupancy {
        /// Per lane, for each slot: the slot itself when it is free, else a later slot such that every
        /// slot before it from this one is taken. Slots past the end are free.
        private var skips = [[Int]](repeating: [], count: Lane.allCases.count)
        private(set) var highestTaken: Int?

        func isTaken(lane: Lane, slot: Int) -> Bool {
            let row = skips[lane.index]
            return slot < row.count && row[slot] != slot
        }

        mutating func firstFree(lane: Lane, from slot: Int) -> Int {
            let index = lane.index
            var free = slot
            while free < skips[index].count, skips[index][free] != free { free = skips[index][free] }
            var step = slot
            while step < free {
                let next = skips[index][step]
                skips[index][step] = free
                step = next
            }
            return free
        }

        mutating func take(lane: Lane, slot: Int) {
            let index = lane.index
            while skips[index].count <= slot { skips[index].append(skips[index].count) }
            skips[index][slot] = slot + 1
            highestTaken = max(highestTaken ?? slot, slot)
        }
    }

    /// A link drawn straight down (or up) one slot, from lane `upper` to lane `lower`.
    private struct VerticalLink {
        package var upper: Lane
        package var lower: Lane
    }

    /// The steps of one phase in an order where every kept link goes forwards, with the predecessors
    /// each step has over those links.
    private static func flowOrder(of members: [Int], links: [[Int]]) -> (steps: [Int], predecessors: [Int: [Int]]) {
        let rank = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        // Depth-first from each step in declaration order; a link back to a step still on the
        // stack closes a loop and is dropped.
        var state = [Int: VisitState]()
        var kept: [(from: Int, to: Int)] = []
        for root in members where state[root] == nil {
            state[root] = .onStack
            var stack = [(step: root, next: 0)]
            while let top = stack.last {
                let successors = links[top.step]
                guard top.next < successors.count else {
                    state[top.step] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let successor = successors[top.next]
                guard rank[successor] != nil, successor != top.step else { continue }
                switch state[successor] {
                case .onStack: continue
                case .done: kept.append((top.step, successor))
                case nil:
                    kept.append((top.step, successor))
                    state[successor] = .onStack
                    stack.append((successor, 0))
                }
            }
        }

        var predecessors = [Int: [Int]]()
        var successors = [Int: [Int]]()
        var waitingFor = [Int: Int]()
        for link in kept {
            predecessors[link.to, default: []].append(link.from)
            successors[link.from, default: []].append(link.to)
            waitingFor[link.to, default: 0] += 1
        }
        // Kahn's algorithm, taking the earliest declared ready step first.
        var ready = MinHeap<Int>()
        for step in members where waitingFor[step, default: 0] == 0 { ready.insert(rank[step]!) }
        var order: [Int] = []
        order.reserveCapacity(members.count)
        while let next = ready.popMin() {
            let step = members[next]
            order.append(step)
            for successor in successors[step, default: []] {
                waitingFor[successor]! -= 1
                if waitingFor[successor] == 0 { ready.insert(rank[successor]!) }
            }
        }
        return (order, predecessors)
    }

    private enum VisitState { case onStack, done }

    /// Shown evidence first, above the leftmost step that shows it, stacked under any item already
    /// there; unshown evidence after, in its own phase, moved right to the next free slot.
    private static func placeEvidence(
        _ blueprint: Blueprint, stepPlaces: [Place], occupied: inout [ColumnOccupancy]
    ) -> (places: [Place], levels: [Int]) {
        var wanted: [(item: Int, place: Place, shown: Bool)] = []
        for (index, item) in blueprint.evidence.enumerated() {
            let showers = item.shownBy.map { stepPlaces[$0] }
            if let leftmost = showers.min(by: { ($0.column, $0.slot) < ($1.column, $1.slot) }) {
                wanted.append((index, leftmost, true))
            } else {
                wanted.append((index, Place(column: item.phase ?? 0, slot: 0), false))
            }
        }
        wanted.sort { a, b in
            if a.shown != b.shown { return a.shown }
            return (a.place.column, a.place.slot, a.item) < (b.place.column, b.place.slot, b.item)
        }
        var places = [Place](repeating: Place(column: 0, slot: 0), count: blueprint.evidence.count)
        var levels = [Int](repeating: 0, count: blueprint.evidence.count)
        var stacks: [Place: Int] = [:]
        for entry in wanted {
            var place = entry.place
            if entry.shown {
                levels[entry.item] = stacks[place, default: 0]
            } else {
                place.slot = occupied[place.column].firstFree(lane: .evidence, from: place.slot)
            }
            stacks[place, default: 0] += 1
            occupied[place.column].take(lane: .evidence, slot: place.slot)
            places[entry.item] = place
        }
        return (places, levels)
    }
}

/// A binary min-heap; `flowOrder` needs the smallest ready rank many times on large phases.
package struct MinHeap<Element: Comparable> {
    private var items: [Element] = []

    package mutating func insert(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    package mutating func popMin() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let minimum = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return minimum
    }
}
