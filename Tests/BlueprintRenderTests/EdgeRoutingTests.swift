import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The arrows, checked on the SVG: each runs from its source's border to its target's border and
/// through no box on the way.
@Suite struct EdgeRoutingTests {
    @Test func specExampleArrowsAvoidTheBoxes() throws {
        try checkArrows(blueprint(outageRepair), name: "spec example")
    }

    @Test func everyExampleArrowsAvoidTheBoxes() throws {
        for file in exampleFiles() {
            try checkArrows(blueprint(try String(contentsOf: file, encoding: .utf8)), name: file.lastPathComponent)
        }
    }

    @Test(arguments: [10, 100])
    func generatedBlueprintArrowsAvoidTheBoxes(steps: Int) throws {
        try checkArrows(blueprint(BlueprintGenerator.clean(steps: steps)), name: "\(steps) steps")
    }

    /// Loops back, jumps over boxes in the same lane, a step linked to itself, and links in both
    /// directions between two lanes: the shapes that need a corridor.
    @Test func awkwardLinksAvoidTheBoxes() throws {
        try checkArrows(blueprint("""
            blueprint "Awkward links"
            phase "One"
              customer   a "First"
              customer   b "Second"
              customer   c "Third"
              frontstage d "Fourth"
              backstage  e "Fifth"
              frontstage f "Sixth"
            phase "Two"
              customer   g "Seventh"
              support    h "Eighth"
            a -> b -> c -> d -> e -> f -> g
            c -> a
            a -> c
            f -> f
            g -> d
            e -> b
            h ..> a
            h ..> g
            """), name: "awkward links")
    }

    /// Random flows between random lanes and phases, loops and jumps included.
    @Test(arguments: 1...12)
    func randomBlueprintArrowsAvoidTheBoxes(seed: UInt64) throws {
        try checkArrows(blueprint(BlueprintGenerator.routingShapes(seed: seed)), name: "random \(seed)")
    }

    @Test func labelsCoverNoBoxNoLineNoOtherLabelAndNotTheirArrow() throws {
        for file in exampleFiles() {
            let model = blueprint(try String(contentsOf: file, encoding: .utf8))
            let svg = try SVGGeometry(try renderSVG(model))
            let boxes = (model.steps.map { "step-\($0.id)" } + model.evidence.map { "evidence-\($0.id)" }).compactMap(svg.box)
            let arrows = try svg.arrows()
            let lineYs = BlueprintLine.allCases.compactMap { line in svg.frame("line-\(line.rawValue)").map { (line, $0.minY) } }
            #expect(lineYs.count == 3)
            var request = TextMetrics.Request()
            for line in arrows.flatMap(\.label) { request.add(line.text, style: TextStyles.edgeLabel) }
            let wrapper = TextWrapper(metrics: try TextMetrics.measure(request, in: .forLocale(.en)))
            let labelled = arrows.filter { !$0.label.isEmpty }
            let labels = labelled.map { arrow in
                let boxes = arrow.label.map { line in
                    let width = wrapper.width(of: [line.text], style: TextStyles.edgeLabel)
                    return SVGGeometry.Box(minX: line.x - width / 2, minY: line.baseline - 0.8 * line.size,
                                           maxX: line.x + width / 2, maxY: line.baseline + 0.2 * line.size)
                }
                return SVGGeometry.Box(minX: boxes.map(\.minX).min()!, minY: boxes.map(\.minY).min()!,
                                       maxX: boxes.map(\.maxX).max()!, maxY: boxes.map(\.maxY).max()!)
            }
            // A chain's label is drawn once, on its first flow; recovery links have none. A connector's
            // label is its edge's too, drawn in its first chip.
            let chainLabels = model.flows.indices.filter { index in
                model.flows[index].label != nil && !(index > 0 && model.flows[index - 1].label == model.flows[index].label
                    && model.flows[index - 1].fromRange.start.line == model.flows[index].fromRange.start.line)
            }
            #expect(labels.count == chainLabels.count)
            let chips = try svg.chipBoxes()
            for (index, label) in labels.enumerated() where labelled[index].isConnector {
                #expect(chips.contains { label.isInside($0, tolerance: 2) }, "\(file.lastPathComponent): a connector's label outside its chip")
            }
            for (index, label) in labels.enumerated() {
                // A plain label has no background: its arrow leaves a gap for it. (Placement keeps
                // labels off other arrows too where the channels leave room.)
                if let point = labelled[index].points.first(where: { label.contains($0, inset: 1) }) {
                    Issue.record("\(file.lastPathComponent): \(labelled[index].from)->\(labelled[index].to) runs through its label at \(point)")
                }
                for box in boxes where label.overlaps(box) {
                    Issue.record("\(file.lastPathComponent): label at \(label) covers the box at \(box)")
                }
                for (line, y) in lineYs where label.minY < y && y < label.maxY {
                    Issue.record("\(file.lastPathComponent): label at \(label) lies on the line of \(line)")
                }
                for other in labels[(index + 1)...] where label.overlaps(other) {
                    Issue.record("\(file.lastPathComponent): labels at \(label) and \(other) overlap")
                }
            }
        }
    }

    @Test func arrowsBetweenTheSameStepsGetTracksOfTheirOwn() throws {
        let svg = try SVGGeometry(try renderSVG(blueprint("""
            blueprint "Parallel"
            phase "One"
              customer   a "Asks"
              frontstage b "Answers"
              customer   c "Thanks"
            a -> b -> c
            a ..> c: "copy"
            """)))
        let paths = try svg.arrows().map(\.points)
        #expect(paths.count == 3)
        // No two arrows share a point of their curves.
        for (index, path) in paths.enumerated() {
            for other in paths[(index + 1)...] {
                #expect(!path.contains { point in other.contains { $0.distance(to: point) < 0.5 } })
            }
        }
    }

    private func checkArrows(_ model: Blueprint, name: String) throws {
        let svg = try SVGGeometry(try renderSVG(model))
        let boxes = model.steps.map { "step-\($0.id)" } + model.evidence.map { "evidence-\($0.id)" }
        let frames = try boxes.map { id in (id, try #require(svg.box(id), "\(name): no box for \(id)")) }
        let arrows = try svg.arrows()
        #expect(arrows.count == model.flows.count + model.recoveries.count, "\(name): one arrow per link")
        for arrow in arrows {
            let source = try #require(svg.box(arrow.from)), target = try #require(svg.box(arrow.to))
            let start = arrow.points[0]
            #expect(source.hasOnBorder(start), "\(name): \(arrow.from)->\(arrow.to) starts at \(start), not on \(source)")
            #expect(target.hasOnBorder(arrow.tip), "\(name): \(arrow.from)->\(arrow.to) ends at \(arrow.tip), not on \(target)")
            for point in arrow.points {
                for (id, frame) in frames where frame.contains(point, inset: 1.5) {
                    Issue.record("\(name): \(arrow.from)->\(arrow.to) runs through \(id) at \(point)")
                }
            }
        }
    }
}

private struct Arrow {
    var from: String
    var to: String
    /// Points along the curve, sampled finely.
    var points: [Point]
    /// The arrowhead's tip: the point of its polygon farthest from where the curve ends.
    var tip: Point
    /// The lines of the arrow's label: centred at `x`, standing on `baseline`.
    var label: [(text: String, x: Double, baseline: Double, size: Double)]
    /// Drawn as two short arrows and two chips, its label in the first chip.
    var isConnector: Bool
}

private extension SVGGeometry {
    func arrows() throws -> [Arrow] {
        try document.nodes(forXPath: "//*[local-name()='g'][contains(@class, 'edge')]").compactMap { node in
            guard let group = node as? XMLElement else { return nil }
            let children = (group.children ?? []).compactMap { $0 as? XMLElement }
            let title = children.first { Self.localName(of: $0) == "title" }?.stringValue ?? ""
            let ends = title.components(separatedBy: "->")
            // A label leaves a gap in the curve, which then comes in pieces.
            let curves = children.filter { Self.localName(of: $0) == "path" }.compactMap { Self.attribute("d", of: $0) }
            guard ends.count == 2, !curves.isEmpty,
                  let head = children.first(where: { Self.localName(of: $0) == "polygon" }).flatMap({ Self.attribute("points", of: $0) })
            else { return nil }
            let points = curves.flatMap(Self.sampledCurve)
            let corners = Self.pairs(Self.numbers(in: head))
            let tip = corners.max { $0.distance(to: points.last!) < $1.distance(to: points.last!) }!
            let label = children.filter { Self.localName(of: $0) == "text" }.map { text in
                (text: text.stringValue ?? "", x: Double(Self.attribute("x", of: text) ?? "") ?? 0,
                 baseline: Double(Self.attribute("y", of: text) ?? "") ?? 0,
                 size: Double(Self.attribute("font-size", of: text) ?? "") ?? 0)
            }
            let isConnector = (Self.attribute("class", of: group) ?? "").split(separator: " ").contains("connector")
            return Arrow(from: ends[0], to: ends[1], points: points, tip: tip, label: label, isConnector: isConnector)
        }
    }

    /// The frames of the connector chips (`connector-N-start`, `connector-N-end`).
    func chipBoxes() throws -> [SVGGeometry.Box] {
        elementsByID.keys.filter { $0.hasPrefix("connector-") && !$0.contains(".") }.compactMap(box)
    }

    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    /// Points every twentieth of each cubic Bézier segment of an SVG path `M x,y C x,y x,y x,y …`.
    static func sampledCurve(_ d: String) -> [Point] {
        let controls = pairs(numbers(in: d))
        var points = [controls[0]]
        for start in stride(from: 0, to: controls.count - 3, by: 3) {
            let (p0, p1, p2, p3) = (controls[start], controls[start + 1], controls[start + 2], controls[start + 3])
            for step in 1...20 {
                let t = Double(step) / 20, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t
                points.append(Point(x: a * p0.x + b * p1.x + c * p2.x + e * p3.x, y: a * p0.y + b * p1.y + c * p2.y + e * p3.y))
            }
        }
        return points
    }

    static func pairs(_ numbers: [Double]) -> [Point] {
        stride(from: 0, to: numbers.count - 1, by: 2).map { Point(x: numbers[$0], y: numbers[$0 + 1]) }
    }
}

private extension SVGGeometry.Box {
    func overlaps(_ other: SVGGeometry.Box, inset: Double = 0.5) -> Bool {
        minX + inset < other.maxX && other.minX + inset < maxX && minY + inset < other.maxY && other.minY + inset < maxY
    }

    func contains(_ point: Point, inset: Double) -> Bool {
        point.x > minX + inset && point.x < maxX - inset && point.y > minY + inset && point.y < maxY - inset
    }

    func hasOnBorder(_ point: Point, tolerance: Double = 1) -> Bool {
        let inside = point.x >= minX - tolerance && point.x <= maxX + tolerance && point.y >= minY - tolerance && point.y <= maxY + tolerance
        let nearEdge = abs(point.x - minX) <= tolerance || abs(point.x - maxX) <= tolerance
            || abs(point.y - minY) <= tolerance || abs(point.y - maxY) <= tolerance
        return inside && nearEdge
    }
}
