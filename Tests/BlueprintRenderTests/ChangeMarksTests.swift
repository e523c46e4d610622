import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A compare drawing (`render --compare`): the marked ids carry their class, what changed is in the
/// tooltip and in the list under the diagram, the legend explains the marks, in every format, theme
/// and on pages; without marks, nothing of the drawing changes.
@Suite struct ChangeMarksTests {
    private let source = """
        blueprint "Repair"
        customer   report "Report a fault"
        frontstage fix    "Fix it", takes 2h
        backstage  order  "Order the part", takes 1d
        report -> fix
        fix ..> order
        """

    private let marks = ChangeMarks(
        steps: ["fix": .init(kind: .changed, text: "fix \"Fix it\": takes: 30m → 2h"), "order": .init(kind: .added, text: "backstage order added")],
        flows: [.init(from: "fix", to: "order", arrow: .information): .added],
        list: [.init(kind: .changed, text: "fix \"Fix it\": takes: 30m → 2h"), .init(kind: .added, text: "backstage order added"),
               .init(kind: .removed, text: "frontstage call \"Call back\" removed")])

    private func svg(_ options: RenderOptions) throws -> SVGGeometry {
        try SVGGeometry(try Renderer.render(blueprint(source), options: options).bytes)
    }

    private func attribute(_ name: String, of element: XMLElement?) -> String? {
        element?.attributes?.first { $0.localName == name }?.stringValue
    }

    private func classes(_ svg: SVGGeometry, id: String) throws -> String? {
        attribute("class", of: svg.elementsByID[id])
    }

    @Test func markedIdsCarryTheirClass() throws {
        let document = try svg(RenderOptions(changes: marks))
        #expect(try classes(document, id: "step-fix") == "node step frontstage changed")
        #expect(try classes(document, id: "step-order") == "node step backstage added")
        #expect(try classes(document, id: "step-report") == "node step customer")
        let edges = document.elementsByID.values.compactMap { attribute("class", of: $0) }.filter { $0.hasPrefix("edge") }
        #expect(edges.sorted() == ["edge flow hand-off", "edge flow information added"])
        // What changed is in the changed step's tooltip.
        let titles = SVGGeometry.descendants(of: try #require(document.elementsByID["step-fix"])).compactMap { attribute("title", of: $0) }
        #expect(titles.contains { $0.contains("takes: 30m → 2h") }, "\(titles)")
        let texts = try document.document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        for word in ["Added", "Changed", "Removed (faint where it was, and listed under the diagram)", "Changes", "frontstage call \"Call back\" removed"] {
            #expect(texts.contains { $0.contains(word) }, "\(word)")
        }
    }

    @Test func removedStepsAndFlowsAreFaintGhostsWhereTheyWere() throws {
        var ghosts = marks
        ghosts.removedSteps = [.init(id: "call", lane: .frontstage, label: "Call back", phase: ""),
                               .init(id: "survey", lane: .customer, label: "Answer a survey", phase: "Gone")]
        ghosts.flows[.init(from: "fix", to: "call", arrow: .handOff)] = .removed
        ghosts.flows[.init(from: "survey", to: "fix", arrow: .handOff)] = .removed
        ghosts.removedFlowLabels[.init(from: "fix", to: "call", arrow: .handOff)] = "if needed"
        let document = try svg(RenderOptions(changes: ghosts))
        #expect(try classes(document, id: "step-call") == "node step frontstage removed")
        // Its phase is gone: it is only listed, and so is its flow.
        #expect(document.elementsByID["step-survey"] == nil)
        let edges = document.elementsByID.values.compactMap { attribute("class", of: $0) }.filter { $0.hasPrefix("edge") }
        #expect(edges.sorted() == ["edge flow hand-off", "edge flow hand-off removed", "edge flow information added"])
        let texts = try document.document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains("if needed") && texts.contains { $0.contains("− Removed") })
    }

    @Test func withoutMarksNothingChanges() throws {
        let plain = try Renderer.render(blueprint(source), options: RenderOptions()).bytes
        let marked = try Renderer.render(blueprint(source), options: RenderOptions(changes: marks)).bytes
        #expect(plain != marked)
        #expect(!String(decoding: plain, as: UTF8.self).contains("added"))
        #expect(try Renderer.render(blueprint(source), options: RenderOptions(changes: nil)).bytes == plain)
    }

    @Test func everyFormatThemeAndPage() throws {
        for theme in RenderTheme.all {
            for format in RenderFormat.allCases {
                let output = try Renderer.render(blueprint(source), options: RenderOptions(format: format, theme: theme, changes: marks))
                #expect(!output.bytes.isEmpty && output.warnings.isEmpty, "\(theme.name) \(format)")
                if format == .dot { #expect(String(decoding: output.bytes, as: UTF8.self).contains("changed")) }
            }
            let paged = try Renderer.render(blueprint(source), options: RenderOptions(theme: theme, changes: marks), page: PageSetup(paper: .a4))
            let first = try SVGGeometry(try #require(paged.files.first))
            #expect(try classes(first, id: "step-order") == "node step backstage added", "\(theme.name)")
        }
    }
}
