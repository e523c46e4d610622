import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Notes as a numbered marker on the box and a panel under the legend, so a PNG or a PDF keeps them.
@Suite struct NotesPanelTests {
    private let source = """
        blueprint "Notes"
        evidence   sms  "Text message", note "Sent by the gateway"
        customer   ask  "Asks for help", note "Usually by phone", evidence sms
        frontstage help "Helps", takes 5m
        backstage  log  "Logs the case", takes 1m, note "Within the hour"
        ask -> help -> log
        """

    private func render(_ notes: NotesPlacement, format: RenderFormat = .svg) throws -> String {
        let output = try Renderer.render(blueprint(source), options: RenderOptions(format: format, notes: notes))
        return String(decoding: output.bytes, as: UTF8.self)
    }

    @Test func panelNumbersStepsThenEvidenceAndListsEveryNote() throws {
        let svg = try render(.panel)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
        // Each marker twice: on its box and in the panel.
        for marker in ["※1", "※2", "※3"] {
            #expect(svg.components(separatedBy: ">\(marker)<").count - 1 == 2, "\(marker)")
        }
        #expect(!svg.contains("※4"))
        for note in ["Usually by phone", "Within the hour", "Sent by the gateway"] {
            #expect(svg.contains(">\(note)<"), "\(note) is not drawn")
        }
        #expect(svg.contains(#"id="notes.1""#) && svg.contains(">Notes<"))
        // Steps first, in order, then evidence items.
        let order = ["Usually by phone", "Within the hour", "Sent by the gateway"].map { svg.range(of: ">\($0)<")!.lowerBound }
        #expect(order == order.sorted())
    }

    @Test func theGraphGraphvizDrawsForPNGAndPDFHoldsThePanel() throws {
        let dot = try render(.panel, format: .dot)
        #expect(dot.contains("notes.1"))
        #expect(dot.contains("Within the hour"))
    }

    @Test func panelSitsUnderTheLegendInsideTheDrawing() throws {
        let svg = try render(.panel)
        func baseline(_ id: String) throws -> Double { try #require(textBaselines(ofGroup: id, in: svg).first) }
        #expect(try baseline("notes.1") > baseline("legend.1"))
        let viewBox = try #require(svg.range(of: "viewBox=\"")).upperBound
        let height = try #require(Double(svg[viewBox...].prefix { $0 != "\"" }.split(separator: " ")[3]))
        // Graphviz draws with y from -height to 0 inside a translated group.
        #expect(try baseline("notes.1") < 0 && baseline("notes.1") > -height)
    }

    @Test func tooltipKeepsNotesOutOfTheDrawing() throws {
        let svg = try render(.tooltip)
        #expect(!svg.contains("※") && !svg.contains("notes.1"))
        #expect(svg.contains("note: Usually by phone"))
        #expect(!svg.contains(">Usually by phone<"))
    }

    @Test func offLeavesNotesOutEverywhere() throws {
        let svg = try render(.off)
        #expect(!svg.contains("Usually by phone") && !svg.contains("※"))
    }

    @Test func aDiagramWithoutNotesHasNoPanel() throws {
        let plain = try Renderer.render(blueprint("blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\"\na -> b\n"),
                                        options: RenderOptions(notes: .panel))
        #expect(!String(decoding: plain.bytes, as: UTF8.self).contains("notes.1"))
    }

    @Test func chineseDiagramsTitleThePanelInChinese() throws {
        let svg = String(decoding: try renderSVG(blueprint(source.replacingOccurrences(of: "blueprint \"Notes\"", with: "blueprint \"Notes\"\nlocale zh-Hant"))), as: UTF8.self)
        #expect(svg.contains(">備註<"))
    }
}

/// The legend shares the top band with the title block where it fits there.
@Suite struct TopBandTests {
    private func baseline(_ id: String, in svg: String) throws -> Double {
        try #require(textBaselines(ofGroup: id, in: svg).first)
    }

    @Test func aWideDiagramHasItsLegendBesideTheTitleBlock() throws {
        let svg = String(decoding: try renderSVG(blueprint(BlueprintGenerator.clean(steps: 30))), as: UTF8.self)
        #expect(try baseline("legend.1", in: svg) < baseline("phase-1-title", in: svg))
    }

    @Test func aNarrowDiagramKeepsItsLegendUnderTheLanes() throws {
        let svg = String(decoding: try renderSVG(blueprint("blueprint \"Narrow\"\ncustomer a \"A\"\nfrontstage b \"B\"\na -> b\n")), as: UTF8.self)
        #expect(try baseline("legend.1", in: svg) > baseline("lane-support-title", in: svg))
    }
}
