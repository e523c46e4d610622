import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Text is drawn as plain labels that blueprint places itself (Graphviz 2.43 leaks every line of an
/// HTML-like label). Checked on the SVG: each box's label, caption and badges lie inside the box.
@Suite struct TextPlacementTests {
    @Test func textOfEveryBoxStaysInsideIt() throws {
        let models = [("spec example", blueprint(outageRepair)), ("Chinese clinic", blueprint(chineseClinic))]
            + exampleFiles().map { ($0.lastPathComponent, blueprint(try! String(contentsOf: $0, encoding: .utf8))) }
        for (name, model) in models {
            let svg = try SVGGeometry(try renderSVG(model))
            let lines = try svg.textLines()
            let wrapper = try measuredWrapper(for: lines)
            let boxIDs = model.steps.map { "step-\($0.id)" } + model.evidence.map { "evidence-\($0.id)" }
            for id in boxIDs {
                let box = try #require(svg.box(id))
                let own = lines.filter { $0.group == id || $0.group.hasPrefix(id + ".") }
                #expect(!own.isEmpty, "\(name): \(id) has no text")
                for line in own {
                    let extent = line.extent(width: wrapper.width(of: [line.text], style: line.style))
                    #expect(extent.isInside(box, tolerance: 0.5), "\(name): '\(line.text)' at \(extent) leaves \(id) at \(box)")
                }
                for badge in svg.ids where badge.hasPrefix(id + ".") {
                    let badgeBox = try #require(svg.box(badge) ?? box)
                    #expect(badgeBox.isInside(box, tolerance: 0.5), "\(name): \(badge) at \(badgeBox) leaves \(id) at \(box)")
                }
            }
        }
    }

    @Test func noLabelIsHTMLLike() throws {
        for file in exampleFiles() {
            let model = blueprint(try String(contentsOf: file, encoding: .utf8))
            let dot = String(decoding: try Renderer.render(model, options: RenderOptions(format: .dot)).bytes, as: UTF8.self)
            #expect(!dot.contains("label=<"), "\(file.lastPathComponent)")
        }
    }

    @Test func boldTextIsThePinnedFamilyInBold() throws {
        let svg = String(decoding: try renderSVG(blueprint(outageRepair)), as: UTF8.self)
        #expect(!svg.contains(" Bold\""))
        #expect(svg.contains("font-family=\"Noto Sans CJK SC\" font-weight=\"bold\" font-size=\"20.00\""), "the title")
    }

    /// Widths of every line as the renderer measures them.
    private func measuredWrapper(for lines: [SVGGeometry.TextLine]) throws -> TextWrapper {
        var request = TextMetrics.Request()
        for line in lines { request.add(line.text, style: line.style) }
        return TextWrapper(metrics: try TextMetrics.measure(request, in: .forLocale(.en)))
    }
}

extension SVGGeometry {
    struct TextLine {
        /// The id of the group the text is drawn in.
        var group: String
        var text: String
        var x: Double
        var baseline: Double
        var anchor: String
        var style: TextStyle

        /// Where the line's letters may reach, from the baseline up by the ascent and down by the descent.
        func extent(width: Double) -> Box {
            let left = anchor == "middle" ? x - width / 2 : anchor == "end" ? x - width : x
            return Box(minX: left, minY: baseline - 0.9 * style.size, maxX: left + width, maxY: baseline + 0.25 * style.size)
        }
    }

    func textLines() throws -> [TextLine] {
        try document.nodes(forXPath: "//*[local-name()='text']").compactMap { node in
            guard let text = node as? XMLElement else { return nil }
            func attribute(_ name: String, of element: XMLElement = text) -> String? {
                element.attributes?.first { $0.name == name }?.stringValue
            }
            // The node's group; a tooltip puts an `<a>` in between.
            var group = text.parent as? XMLElement
            while let candidate = group, attribute("class", of: candidate) == nil { group = candidate.parent as? XMLElement }
            return TextLine(
                group: group.flatMap { attribute("id", of: $0) } ?? "",
                text: text.stringValue ?? "",
                x: Double(attribute("x") ?? "") ?? 0, baseline: Double(attribute("y") ?? "") ?? 0,
                anchor: attribute("text-anchor") ?? "start",
                style: TextStyle(size: Double(attribute("font-size") ?? "") ?? 0, bold: attribute("font-weight") == "bold"))
        }
    }
}
