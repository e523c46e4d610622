import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
import BlueprintTestSupport
import Testing

func blueprint(_ source: String) -> Blueprint {
    Blueprint(syntax: Parser.parse(SourceText(source)))
}

/// A blueprint laid out and routed with estimated text widths: no Graphviz, no font.
func positioned(
    _ model: Blueprint, slots: SlotAssignment? = nil, bands: EdgeRouter.BandRule = .mayLeave, stepHeight: Double = 48
) -> PositionedDiagram {
    let slots = slots ?? SlotAssignment(model)
    let wrapper = TextWrapper(metrics: TextMetrics.measure(TextMetrics.Request(), with: EstimatedTextMeasurer()))
    let columns = ColumnLayout(
        slotCounts: slots.slotCounts, titleColumnWidth: Spacing.laneTitleMinWidth,
        phaseTitleWidths: model.phases.map { wrapper.width(of: [$0.title ?? ""], style: TextStyles.phaseTitle) })
    let sizes = MeasuredSizes(
        stepHeights: model.steps.map { _ in stepHeight }, evidenceHeights: model.evidence.map { _ in 36 },
        laneTitles: [:], lineTitleLines: [:], phaseHeader: 24, titleBlock: Size(width: 300, height: 80),
        legend: Size(width: 300, height: 40), legendBesideTitleBlock: false, notes: nil)
    return PositionedDiagram(
        columns: columns, slots: slots, stepLanes: model.steps.map(\.lane), sizes: sizes,
        links: PositionedDiagram.links(of: model), bands: bands)
}

/// The layout and the routes as data: checked here without Graphviz or a font.
@Suite struct PositionedDiagramTests {
    static let drawings: [(String, Blueprint)] = [("spec example", blueprint(outageRepair))]
        + (1...16).map { ("random \($0)", blueprint(BlueprintGenerator.routingShapes(seed: $0, maximumSteps: 35))) }

    /// Every route runs from its source's border to its target's and through no box or chip on the way.
    @Test(arguments: drawings.indices)
    func routesKeepToTheFreeChannels(_ index: Int) {
        let (name, model) = Self.drawings[index]
        let diagram = positioned(model)
        let routes = diagram.router.routes(labelSizes: diagram.router.links.map { _ in nil })
        let boxes = diagram.layout.stepCentres.enumerated().map { step, centre in
            box(around: centre, height: diagram.layout.boxHeights[model.steps[step].lane]!)
        }
        let chips = diagram.router.chips.flatMap { [$0.start.cell, $0.end.cell] }
        for (link, route) in routes.enumerated() {
            let ends = diagram.router.links[link]
            let pieces = [route.points] + (route.connectorEnd.map { [$0] } ?? [])
            for piece in pieces {
                for (a, b) in zip(piece, piece.dropFirst()) {
                    #expect(a.x == b.x || a.y == b.y, "\(name): link \(link) has a slanted piece")
                    for (step, box) in boxes.enumerated() where step != ends.from && step != ends.to && crosses(a, b, box) {
                        Issue.record("\(name): link \(link) runs through the box of step \(step)")
                    }
                    for chip in chips where crosses(a, b, chip) && !touchesOwnChip(route, chip) {
                        Issue.record("\(name): link \(link) runs through a chip")
                    }
                }
            }
            #expect(onBorder(route.points[0], of: boxes[ends.from]), "\(name): link \(link) starts off its source")
            #expect(onBorder(route.tip, of: boxes[ends.to]), "\(name): link \(link) ends off its target")
        }
    }

    /// Arrows running across keep 14 pt from the three lines and 7 pt from each other, so none reads as a
    /// doubled line or as one arrow with another.
    @Test(arguments: drawings.indices)
    func runsAcrossKeepClearOfTheLinesAndOfEachOther(_ index: Int) {
        let (name, model) = Self.drawings[index]
        let diagram = positioned(model)
        let routes = diagram.router.unlabelledRoutes()
        var runs: [(link: Int, y: Double, minX: Double, maxX: Double)] = []
        for (link, route) in routes.enumerated() {
            for (a, b) in zip(route.points, route.points.dropFirst()) where a.y == b.y && abs(a.x - b.x) > 1 {
                runs.append((link, a.y, min(a.x, b.x), max(a.x, b.x)))
                for (line, y) in diagram.layout.lineY where abs(a.y - y) < 14 {
                    Issue.record("\(name): link \(link) runs \(abs(a.y - y)) pt from the line of \(line)")
                }
            }
        }
        for (index, run) in runs.enumerated() {
            for other in runs[(index + 1)...] where other.link != run.link && abs(other.y - run.y) < 7
                && min(run.maxX, other.maxX) - max(run.minX, other.minX) > 1 {
                let ends = (diagram.router.links[run.link], diagram.router.links[other.link])
                // Links of one step fanning out may share a stretch near it.
                if !Set([ends.0.from, ends.0.to]).isDisjoint(with: [ends.1.from, ends.1.to]) { continue }
                Issue.record("\(name): links \(run.link) and \(other.link) run \(abs(other.y - run.y)) pt apart")
            }
        }
    }

    /// A link that would run a long way along a corridor becomes a connector with a chip beside each end.
    @Test func aLongLinkBecomesAConnector() throws {
        let model = blueprint("""
            blueprint "Long"
            phase "One"
              support    cash  "Cash arrives"
              frontstage a     "A"
              frontstage b     "B"
              frontstage c     "C"
              frontstage d     "D"
              frontstage e     "E"
              frontstage count "Counts the cash"
              support    ledger "Ledger"
              backstage  check "Check"
            cash -> a -> b -> c -> d -> e -> count
            c -> ledger
            b -> check
            cash ..> count
            """)
        let diagram = positioned(model)
        let chips = diagram.router.chips
        #expect(chips.count == 1)
        let link = try #require(chips.first).link
        #expect(model.steps[diagram.router.links[link].from].id == "cash")
        #expect(model.steps[diagram.router.links[link].to].id == "count")
        let route = diagram.router.unlabelledRoutes()[link]
        #expect(route.points.count == 2 && route.connectorEnd?.count == 2, "two short arrows")
        // Right of the source in its lane; under the target, whose lane has no room before it.
        #expect(chips[0].start.side == .right && chips[0].end.side == .below)
    }

    /// The search for fewer crossings never leaves a drawing crossing more than the first plans did.
    @Test(arguments: drawings.indices)
    func theCrossingSearchOnlyHelps(_ index: Int) {
        let (_, model) = Self.drawings[index]
        let diagram = positioned(model)
        let searched = diagram.router.crossings(diagram.router.unlabelledRoutes())
        var unsearched = diagram.router
        unsearched.plans = diagram.router.links.indices.map { link in
            if case .connector = diagram.router.plans[link].shape { return diagram.router.plans[link] }
            return EdgeRouter.plan(diagram.router.links[link], in: diagram.router.grid)
        }
        #expect(searched.cost <= unsearched.crossings(unsearched.unlabelledRoutes()).cost)
    }

    /// The search counts an arrow as leaving its band exactly when its route runs, or puts a chip, in a
    /// lane outside the lanes of its two ends: what it breaks ties by is what a reader sees.
    @Test(arguments: drawings.indices)
    func anArrowLeavesItsBandWhenTheSearchSaysSo(_ index: Int) {
        let (name, model) = Self.drawings[index]
        let diagram = positioned(model), router = diagram.router
        for (link, route) in router.unlabelledRoutes().enumerated() {
            #expect(Self.runsOutOfItsBand(route, link, in: diagram, of: model) == router.leavesItsBand(router.plans[link]),
                    "\(name): link \(link) \(router.plans[link].shape)")
        }
    }

    /// Whether the route of `link` runs above or below the lanes of its two ends.
    static func runsOutOfItsBand(_ route: EdgeRouter.Route, _ link: Int, in diagram: PositionedDiagram, of model: Blueprint) -> Bool {
        let ends = [diagram.router.links[link].from, diagram.router.links[link].to].map { diagram.layout.lanes[model.steps[$0].lane]! }
        let top = ends.map(\.minY).min()!, bottom = ends.map(\.maxY).max()!
        return route.pieces.joined().contains { $0.y < top - 0.5 || $0.y > bottom + 0.5 }
    }

    /// Kept to their bands, with room beside their steps for the chips of the links that left them, no
    /// arrow leaves its band: not along a corridor, not to a chip.
    @Test(arguments: drawings.indices)
    func keptToTheirBandsNoArrowLeavesItsBand(_ index: Int) {
        let (name, model) = Self.drawings[index]
        let free = positioned(model).router, leaving = free.linksLeavingTheirBands
        let diagram = positioned(model, slots: SlotAssignment(model, chipRoom: free.chipRoom(for: leaving)),
                                 bands: .keep(connectorsBesideTheirSteps: leaving, chips: .ownLane))
        let router = diagram.router
        for (link, route) in router.unlabelledRoutes().enumerated() {
            #expect(!Self.runsOutOfItsBand(route, link, in: diagram, of: model), "\(name): link \(link) leaves its band")
            #expect(!router.leavesItsBand(router.plans[link]), "\(name): link \(link) \(router.plans[link].shape)")
        }
    }

    /// Two connectors out of one step share the slot after it, one chip above the other, each arrow
    /// level with the middle of its chip; so do two into one step, in the slot before it.
    @Test func connectorsBesideOneStepStackTheirChips() throws {
        let model = blueprint("""
            blueprint "Stacked chips"
            phase "One"
            frontstage a "A"
            frontstage b "B"
            frontstage c "C"
            frontstage d "D"
            frontstage e "E"
            frontstage f "F"
            frontstage g "G"
            a -> b -> c -> d -> e -> f -> g
            a -> f
            a -> g
            """)
        let step = { (id: String) in model.steps.firstIndex { $0.id == id }! }
        let links = PositionedDiagram.links(of: model)
        let stacked = [links.firstIndex { $0.from == step("a") && $0.to == step("f") }!,
                       links.firstIndex { $0.from == step("a") && $0.to == step("g") }!]
        let room: [Int: SlotAssignment.ChipRoom] = [step("a"): .after, step("f"): .before, step("g"): .before]
        // Boxes tall enough for two chips, and too short.
        for (height, stacks) in [(2 * Routing.stackedChipHeight + Routing.chipStackGap, true), (60, false)] {
            let diagram = positioned(model, slots: SlotAssignment(model, chipRoom: room),
                                     bands: .keep(connectorsBesideTheirSteps: stacked, chips: .ownLane), stepHeight: height)
            let router = diagram.router, routes = router.unlabelledRoutes()
            let chips = router.chips.filter { stacked.contains($0.link) }
            guard stacks else {
                #expect(chips.count == 1, "a box \(height) pt tall has room for one chip beside it")
                continue
            }
            try #require(chips.count == 2)
            let (upper, lower) = (chips[0].start.cell, chips[1].start.cell)
            #expect(upper.minX == lower.minX && upper.maxY <= lower.minY, "the chips after a stand one above the other")
            let lane = diagram.layout.lanes[.frontstage]!
            #expect(lane.minY <= upper.minY && lower.maxY <= lane.maxY)
            for chip in chips {
                #expect(chip.start.isStacked && !chip.end.isStacked)
                #expect(routes[chip.link].points[0].y == chip.start.cell.midY, "the arrow leaves a level with its chip")
            }
        }
    }

    /// Labels land clear of every box and of each other, where their route leaves a place.
    @Test(arguments: drawings.indices)
    func labelsCoverNoBoxAndNoOtherLabel(_ index: Int) {
        let (name, model) = Self.drawings[index]
        let diagram = positioned(model)
        let size = Size(width: 40, height: 14)
        // The flows written with a label; recovery links have none.
        let labelSizes = model.flows.map { $0.label == nil ? nil : size } + model.recoveries.map { _ in nil }
        let routes = diagram.router.routes(labelSizes: labelSizes)
        let boxes = diagram.layout.stepCentres.enumerated().map { step, centre in
            box(around: centre, height: diagram.layout.boxHeights[model.steps[step].lane]!)
        }
        let labels = routes.indices.filter { labelSizes[$0] != nil && routes[$0].connectorEnd == nil }
            .map { box(around: routes[$0].labelCentre, width: size.width, height: size.height) }
        var overlaps = 0
        for (index, label) in labels.enumerated() {
            overlaps += boxes.filter { overlap(label, $0) }.count + labels[(index + 1)...].filter { overlap(label, $0) }.count
        }
        // Where no place along a route is free (crowded random drawings have a few), the label goes on
        // its longest segment anyway: at most one such in a drawing.
        #expect(overlaps <= 1, "\(name): \(overlaps) overlaps among \(labels.count) labels")
    }
}

private func box(around centre: Point, width: Double = Spacing.boxWidth, height: Double) -> Rect {
    Rect(x: centre.x - width / 2, y: centre.y - height / 2, width: width, height: height)
}

private func overlap(_ a: Rect, _ b: Rect) -> Bool {
    a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
}

/// Whether the horizontal or vertical segment from `a` to `b` passes through the inside of `rect`.
private func crosses(_ a: Point, _ b: Point, _ rect: Rect) -> Bool {
    min(a.x, b.x) < rect.maxX - 0.5 && rect.minX + 0.5 < max(a.x, b.x) && min(a.y, b.y) < rect.maxY - 0.5 && rect.minY + 0.5 < max(a.y, b.y)
}

private func onBorder(_ point: Point, of rect: Rect) -> Bool {
    let onSide = (abs(point.x - rect.minX) < 0.5 || abs(point.x - rect.maxX) < 0.5) && rect.minY <= point.y && point.y <= rect.maxY
    let onTopOrBottom = (abs(point.y - rect.minY) < 0.5 || abs(point.y - rect.maxY) < 0.5) && rect.minX <= point.x && point.x <= rect.maxX
    return onSide || onTopOrBottom
}

/// A connector's own short arrows end at the edge of its chips' cells.
private func touchesOwnChip(_ route: EdgeRouter.Route, _ cell: Rect) -> Bool {
    guard let end = route.connectorEnd else { return false }
    return [route.points.last!, end.first!].contains { onBorder($0, of: cell) }
}
