import BlueprintModel
@testable import BlueprintRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// User text that would be markup, entities, Graphviz escapes or a line break if it were not escaped.
@Suite struct EscapingTests {
    static let hostile = #"</text><script>alert(1)</script> &amp; & \"quoted\" 'single' \\N \\l end"#
    /// What `hostile` means once the blueprint string is read.
    static let written = #"</text><script>alert(1)</script> &amp; & "quoted" 'single' \N \l end"#

    static let source = """
        blueprint "\(hostile)"
        persona "\(hostile)"
        scenario "\(hostile)"
        owner "\(hostile)"
        lane customer "\(hostile)"
        line visibility "\(hostile)"
        promise "\(hostile)" from a to b within 1h
        phase "\(hostile)"
          evidence e "\(hostile)", note "\(hostile)", channel "\(hostile)"
          customer a "\(hostile)", note "\(hostile)\\nsecond line", evidence e
          frontstage b "\(hostile)", actor "\(hostile)", channel "\(hostile)", takes 5m, fail "\(hostile)" recover c
          frontstage c "\(hostile)"
        a -> b : "\(hostile)"
        c ..> b
        """

    @Test func hostileTextStaysTextInEveryFormat() throws {
        let model = blueprint(Self.source)
        #expect(model.title == Self.written)
        let svg = try renderSVG(model)
        let document = try XMLDocument(data: Data(svg), options: [])
        let root = try #require(document.rootElement())
        let elements = [root] + SVGGeometry.descendants(of: root)
        #expect(!elements.contains { SVGGeometry.localName(of: $0) == "script" })
        // Every attribute is one of Graphviz's own, never one smuggled in from a label.
        let attributeNames = Set(elements.flatMap { ($0.attributes ?? []).compactMap(\.name) })
        #expect(attributeNames.isSubset(of: Self.graphvizSVGAttributes), "\(attributeNames.subtracting(Self.graphvizSVGAttributes))")

        let texts = elements.filter { SVGGeometry.localName(of: $0) == "text" }.compactMap(\.stringValue)
        // The flow label is not wrapped: it comes out whole.
        #expect(texts.contains(Self.written))
        // Wrapped labels come out as lines that join back to the text as written (a word too long for
        // a line is broken inside, so the spaces are left out of the comparison).
        let stepTexts = try #require(try SVGGeometry(svg).elementsByID["step-a"])
        let lines = SVGGeometry.descendants(of: stepTexts).filter { SVGGeometry.localName(of: $0) == "text" }.compactMap(\.stringValue)
        #expect(lines.joined().filter { $0 != " " } == Self.written.filter { $0 != " " })
        let tooltips = elements.flatMap { ($0.attributes ?? []).filter { $0.name == "xlink:title" }.compactMap(\.stringValue) }
        #expect(tooltips.contains("\(Self.written)\nid: a\nnote: \(Self.written)\nsecond line"))

        for format in [RenderFormat.dot, .png, .pdf] {
            #expect(try !Renderer.render(model, options: RenderOptions(format: format)).bytes.isEmpty)
        }
    }

    static let graphvizSVGAttributes: Set<String> = [
        "id", "class", "transform", "points", "d", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray",
        "text-anchor", "x", "y", "font-family", "font-weight", "font-size", "font-style", "xlink:title", "xlink:href",
        "width", "height", "viewBox", "xmlns", "xmlns:xlink", "target",
    ]
}
