import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import BlueprintTestSupport
import Testing

@Suite struct SlotAssignmentTests {
    func slots(_ source: String) -> (Blueprint, SlotAssignment) {
        let model = blueprint(source)
        return (model, SlotAssignment(model))
    }

    func slot(_ id: String, in result: (Blueprint, SlotAssignment)) -> SlotAssignment.Place {
        result.1.stepPlaces[result.0.steps.firstIndex { $0.id == id }!]
    }

    @Test func specExampleSlots() {
        let result = slots(outageRepair)
        // report, log and dispatch answer each other down the lanes; the callback follows the dispatch
        // it recovers, and notify comes after it in the frontstage lane.
        #expect(["report", "log", "dispatch", "gis", "callback", "notify"].map { slot($0, in: result).slot } == [0, 0, 0, 0, 1, 2])
        #expect(["waits", "arrive", "fix", "restored"].map { slot($0, in: result).slot } == [0, 0, 1, 1])
        #expect(result.1.slotCounts == [3, 2])
        #expect(result.1.evidencePlaces == [.init(column: 0, slot: 0), .init(column: 0, slot: 2)])
    }

    /// Room kept for chips is a free slot of the step's own lane, before or after it, in its phase; no
    /// other step or chip room takes it.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func chipRoomIsAFreeSlotBesideTheStep(seed: UInt64) {
        let model = blueprint(BlueprintGenerator.routingShapes(seed: seed, maximumSteps: 35))
        var room: [Int: SlotAssignment.ChipRoom] = [:]
        for (index, flow) in model.flows.enumerated() where index % 3 == 0 {
            room[flow.from, default: []].insert(.after)
            room[flow.to, default: []].insert(.before)
        }
        let slots = SlotAssignment(model, chipRoom: room)
        var taken: [String: Int] = [:]
        func take(_ step: Int, _ slot: Int) {
            let place = slots.stepPlaces[step]
            taken["\(model.steps[step].lane) \(place.column) \(slot)", default: 0] += 1
            #expect(slot >= 0 && slot < slots.slotCounts[place.column], "seed \(seed): step \(step) keeps room outside its phase")
        }
        for step in model.steps.indices {
            let slot = slots.stepPlaces[step].slot
            take(step, slot)
            if room[step]?.contains(.before) == true { take(step, slot - 1) }
            if room[step]?.contains(.after) == true { take(step, slot + 1) }
        }
        #expect(taken.values.allSatisfy { $0 == 1 }, "seed \(seed): a slot is taken twice")
    }

    @Test func loopsAndDeclarationOrderDecideTies() {
        let result = slots("""
            blueprint "Loop"
            frontstage a "A"
            frontstage b "B"
            frontstage c "C"
            customer x "X"
            a -> b -> c -> a
            """)
        #expect(["a", "b", "c"].map { slot($0, in: result).slot } == [0, 1, 2])
        #expect(slot("x", in: result).slot == 0)
    }

    @Test func evidenceShownInOneSlotStacksAboveItsStep() {
        let result = slots("""
            blueprint "Two leaflets"
            evidence one "Leaflet"
            evidence two "Poster"
            evidence spare "Unused sign"
            customer a "Reads", evidence one, evidence two
            """)
        #expect(result.1.evidencePlaces.map(\.slot) == [0, 0, 1])
        #expect(result.1.evidenceLevels == [0, 1, 0])
        #expect(result.1.evidenceStackDepth == 2)
        #expect(result.1.slotCounts == [2])
    }

    @Test func flowsBetweenPhasesDoNotMoveSteps() {
        let result = slots("""
            blueprint "Phases"
            phase "One"
              customer a "A"
            phase "Two"
              customer b "B"
            b -> a
            """)
        #expect(slot("a", in: result) == .init(column: 0, slot: 0))
        #expect(slot("b", in: result) == .init(column: 1, slot: 0))
    }

    /// A step with thousands of flows: each lane's steps fill its slots without gaps. Finding a free
    /// slot once scanned every taken one, which made this shape quadratic (a 20,000-flow file took
    /// 3 s in release); the limit only stops a regression from hanging the suite.
    @Test(.timeLimit(.minutes(1))) func aStepWithThousandsOfFlowsFillsEachLaneWithoutGaps() {
        let flows = 20_000
        let result = slots(BlueprintGenerator.fanOut(flows: flows))
        let (model, assignment) = result
        #expect(assignment.slotCounts == [flows / 4 + 1])
        for lane in Lane.allCases where lane != .evidence {
            let taken = model.steps.indices.filter { model.steps[$0].lane == lane }.map { assignment.stepPlaces[$0].slot }.sorted()
            #expect(Set(taken).count == taken.count, "\(lane) has two steps in one slot")
            #expect(taken.last! - taken.first! == taken.count - 1, "\(lane) leaves a slot free between its steps")
        }
    }
}

@Suite struct WordBreakerTests {
    @Test func chineseBreaksBetweenCharactersButKeepsPunctuation() {
        let words = WordBreaker.words(in: "预约（内科）号。Call GIS系统")
        #expect(words.map(\.text) == ["预", "约", "（内", "科）", "号。", "Call", "GIS", "系", "统"])
        #expect(words.map(\.spaceBefore) == [false, false, false, false, false, false, true, false, false])
    }
}
