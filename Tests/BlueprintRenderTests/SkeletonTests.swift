import BlueprintLanguage
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// The canonical skeleton, checked on the SVG itself: lanes in order, lines between them, phases as
/// columns, and every step inside its lane band and its phase column.
@Suite struct SkeletonTests {
    @Test func specExampleKeepsTheSkeleton() throws {
        try checkSkeleton(blueprint(outageRepair))
    }

    @Test(arguments: [10, 100])
    func generatedBlueprintKeepsTheSkeleton(steps: Int) throws {
        try checkSkeleton(blueprint(BlueprintGenerator.clean(steps: steps)))
    }

    @Test func everyExampleRendersWithTheSkeleton() throws {
        for file in exampleFiles() {
            let source = try String(contentsOf: file, encoding: .utf8)
            try checkSkeleton(blueprint(source), name: file.lastPathComponent)
        }
    }

    @Test func emptyLanesAreStillDrawnThin() throws {
        let onlyCustomer = blueprint("""
            blueprint "Tiny"
            customer a "Looks at the shop window"
            customer b "Walks in"
            a -> b
            """)
        let svg = try SVGGeometry(try renderSVG(onlyCustomer))
        let customer = try #require(svg.frame("lane-customer"))
        for lane in [Lane.evidence, .frontstage, .backstage, .support] {
            let band = try #require(svg.frame("lane-\(lane.rawValue)"))
            #expect(band.maxY - band.minY < (customer.maxY - customer.minY) * 0.6, "\(lane) is not thin")
        }
        try checkSkeleton(onlyCustomer)
    }

    @Test func stepsFollowTheFlowsLeftToRightWithinALane() throws {
        let svg = try SVGGeometry(try renderSVG(blueprint(outageRepair)))
        func centreX(_ id: String) throws -> Double {
            let box = try #require(svg.box("step-\(id)"))
            return (box.minX + box.maxX) / 2
        }
        #expect(try centreX("log") < centreX("notify"))
        #expect(try centreX("arrive") < centreX("fix"))
        #expect(try centreX("waits") < centreX("restored"))
        // A customer action and the frontstage action answering it share a column.
        #expect(try abs(centreX("report") - centreX("log")) < 1)
    }

    @Test func evidenceSitsAboveTheFirstStepShowingIt() throws {
        let svg = try SVGGeometry(try renderSVG(blueprint(outageRepair)))
        func centreX(_ id: String) throws -> Double {
            let box = try #require(svg.box(id))
            return (box.minX + box.maxX) / 2
        }
        #expect(try abs(centreX("evidence-hotline") - centreX("step-report")) < 1)
        #expect(try abs(centreX("evidence-sms") - centreX("step-notify")) < 1)
    }

    func checkSkeleton(_ blueprint: Blueprint, name: String = "") throws {
        let svg = try SVGGeometry(try renderSVG(blueprint))
        var lanes: [Lane: SVGGeometry.Box] = [:]
        for lane in Lane.allCases {
            let band = try #require(svg.frame("lane-\(lane.rawValue)"), "\(name): lane-\(lane.rawValue) missing")
            lanes[lane] = band
        }
        for (upper, lower) in zip(Lane.allCases, Lane.allCases.dropFirst()) {
            #expect(lanes[upper]!.maxY <= lanes[lower]!.minY + 1, "\(name): \(upper) is not above \(lower)")
        }
        let lines: [(BlueprintLine, Lane, Lane)] = [
            (.interaction, .customer, .frontstage), (.visibility, .frontstage, .backstage), (.internal, .backstage, .support),
        ]
        for (line, above, below) in lines {
            let box = try #require(svg.frame("line-\(line.rawValue)"), "\(name): line-\(line.rawValue) missing")
            #expect(abs(box.minY - lanes[above]!.maxY) <= 1 && abs(box.maxY - lanes[below]!.minY) <= 1,
                    "\(name): line of \(line) is not between \(above) and \(below)")
            #expect(box.maxX - box.minX >= (lanes[above]!.maxX - lanes[above]!.minX) - 1, "\(name): line of \(line) is short")
        }
        var columns: [SVGGeometry.Box] = []
        for phase in 1...max(blueprint.phases.count, 1) {
            columns.append(try #require(svg.frame("phase-\(phase)"), "\(name): phase-\(phase) missing"))
        }
        for (left, right) in zip(columns, columns.dropFirst()) {
            #expect(left.maxX <= right.minX + 1, "\(name): phases out of order")
        }
        for step in blueprint.steps {
            let box = try #require(svg.box("step-\(step.id)"), "\(name): step-\(step.id) missing")
            let band = lanes[step.lane]!
            let column = columns[step.phase]
            #expect(box.minY >= band.minY && box.maxY <= band.maxY, "\(name): \(step.id) \(box) outside its lane \(band)")
            #expect(box.minX >= column.minX && box.maxX <= column.maxX, "\(name): \(step.id) \(box) outside its phase \(column)")
        }
        for item in blueprint.evidence {
            let box = try #require(svg.box("evidence-\(item.id)"), "\(name): evidence-\(item.id) missing")
            let band = lanes[.evidence]!
            #expect(box.minY >= band.minY && box.maxY <= band.maxY, "\(name): \(item.id) outside the evidence lane")
        }
    }
}
