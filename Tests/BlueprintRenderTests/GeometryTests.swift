import BlueprintAnalysis
import BlueprintLanguage
import BlueprintLayout
import BlueprintRender
import BlueprintTestSupport
import Testing

/// `Document.layout`, the public layout stage: what the drawing places, as data.
@Suite struct GeometryTests {
    private func contains(_ outer: DiagramGeometry.Box, _ inner: DiagramGeometry.Box) -> Bool {
        inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5
            && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5
    }

    @Test func everyBoxLiesInItsLaneAndItsPhase() throws {
        let document = Document(path: "outage.blueprint", text: outageRepair)
        let geometry = try document.layout()
        let blueprint = document.blueprint
        #expect(geometry.lanes.map(\.lane) == Lane.allCases)
        #expect(geometry.lanes.map(\.title).first == "Physical evidence")
        #expect(geometry.phases.map(\.title) == ["Report", "Repair"])
        #expect(geometry.steps.map(\.id) == blueprint.steps.map(\.id))
        for (step, item) in zip(blueprint.steps, geometry.steps) {
            let band = try #require(geometry.lanes.first { $0.lane == step.lane })
            #expect(contains(band.box, item.box), "\(step.id) outside its lane")
            #expect(contains(geometry.phases[step.phase].box, item.box), "\(step.id) outside its phase")
        }
        #expect(geometry.lines[.visibility].map { $0 > geometry.lanes[2].box.y } == true)
    }

    @Test func everyLinkRunsFromItsSourceToItsTarget() throws {
        let document = Document(path: "outage.blueprint", text: outageRepair)
        let geometry = try document.layout()
        #expect(geometry.links.count == document.blueprint.flows.count + document.blueprint.recoveries.count)
        #expect(geometry.links.filter { $0.kind == .recovery }.map { "\($0.from)>\($0.to)" } == ["dispatch>callback"])
        #expect(geometry.links.filter { $0.kind == .information }.map(\.from) == ["gis"])
        let boxes = Dictionary(uniqueKeysWithValues: geometry.steps.map { ($0.id, $0.box) })
        func near(_ point: DiagramGeometry.Point, _ box: DiagramGeometry.Box) -> Bool {
            point.x >= box.x - 1 && point.x <= box.x + box.width + 1 && point.y >= box.y - 1 && point.y <= box.y + box.height + 1
        }
        for link in geometry.links {
            let first = try #require(link.pieces.first?.first), last = try #require(link.pieces.last?.last)
            #expect(near(first, boxes[link.from]!), "\(link.from) → \(link.to) does not start at its source")
            #expect(near(last, boxes[link.to]!), "\(link.from) → \(link.to) does not end at its target")
        }
    }

    @Test func aDocumentWithErrorsIsNotLaidOut() {
        let document = Document(path: "typo.blueprint", text: "blueprint \"T\"\ncustomer a \"A\"\na -> b\n")
        #expect(throws: DrawError.lintErrors(count: 1)) { try document.layout() }
    }
}

/// Spec 1.2: a promise `for P%` is judged by the share of customers, in the diagram as in lint.
@Suite struct SharePromiseDrawingTests {
    @Test func theTitleBlockShowsTheShareAgainstTheTarget() throws {
        let document = Document(path: "counter.blueprint", text: counterService.replacingOccurrences(of: "within 12m for 90%", with: "within 12m for 60%"))
        let svg = String(decoding: try document.draw().bytes, as: UTF8.self)
        #expect(svg.contains("70.0% within 12m, for 60%"))
        #expect(svg.contains("✓ kept"), "the worst case, 16m, is over the limit, but the share is over the target")
        #expect(document.analysed.promises.first?.status == .kept)
    }
}
