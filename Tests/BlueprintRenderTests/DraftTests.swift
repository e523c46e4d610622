import BlueprintAnalysis
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `Document.drawDraft`: a file with errors drawn as far as it parses, marked as a draft, with the
/// steps whose lines have errors outlined and their errors in their tooltips; `draw` still refuses it.
@Suite struct DraftTests {
    /// Two slips: a bad duration on `answer`'s line and a flow to an undeclared step.
    private let firstDraft = """
    blueprint "Broadband installation"
    phase "Order"
      customer   order   "Orders broadband online"
      frontstage answer  "Agent confirms the date", takes 5 min
      backstage  book    "Books an engineer", takes 2m
    order -> answer -> book -> visit
    """

    private func classes(of id: String, in svg: SVGGeometry) -> [String] {
        (svg.elementsByID[id]?.attributes?.first { $0.localName == "class" }?.stringValue ?? "").split(separator: " ").map(String.init)
    }

    /// The words of a node: its `<text>` elements.
    private func text(of id: String, in svg: SVGGeometry) -> String {
        guard let node = svg.elementsByID[id] else { return "" }
        return SVGGeometry.descendants(of: node).filter { SVGGeometry.localName(of: $0) == "text" }
            .map { $0.stringValue ?? "" }.joined(separator: " ")
    }

    /// The tooltip Graphviz writes on the link inside a node.
    private func tooltip(of id: String, in svg: SVGGeometry) -> String? {
        guard let node = svg.elementsByID[id] else { return nil }
        return SVGGeometry.descendants(of: node).lazy.compactMap { $0.attributes?.first { $0.localName == "title" }?.stringValue }.first
    }

    @Test func aDraftCountsTheErrorsAndMarksTheStepsWhoseLinesHaveThem() throws {
        let document = Document(path: "draft.blueprint", text: firstDraft)
        let errors = document.report().errorCount
        #expect(errors == 2)
        let svg = try SVGGeometry(try document.drawDraft().bytes)
        #expect(text(of: DraftMarks.markID, in: svg) == "Draft: 2 errors")
        #expect(classes(of: DraftMarks.markID, in: svg).contains(DraftMarks.markID))
        // The mark sits in the title block: under the title's baseline, above the phase headers, at the left edge.
        let titleBaseline = try #require(svg.elementsByID["title-block.1"].flatMap { node in
            SVGGeometry.descendants(of: node).first { SVGGeometry.localName(of: $0) == "text" }?
                .attributes?.first { $0.localName == "y" }?.stringValue.flatMap(Double.init)
        })
        let mark = try #require(svg.box(DraftMarks.markID)), header = try #require(svg.box("phase-1-title"))
        #expect(mark.minY > titleBaseline && mark.maxY < header.minY && mark.minX == 0, "draft mark at \(mark)")

        #expect(classes(of: "step-answer", in: svg) == ["node", "step", "frontstage", DraftMarks.stepClass])
        for step in ["order", "book"] {
            #expect(!classes(of: "step-\(step)", in: svg).contains(DraftMarks.stepClass), "step \(step) has no error on its line")
        }
        let answerTooltip = try #require(tooltip(of: "step-answer", in: svg))
        let syntaxError = try #require(document.diagnostics.first { $0.rule == .syntax })
        #expect(answerTooltip.hasPrefix("⚠ " + syntaxError.message(in: .en)), "tooltip: \(answerTooltip)")
        // The outline: dashed, in the fail colour, thicker than a step's.
        let outline = try #require(svg.elementsByID["step-answer"].flatMap { node in
            SVGGeometry.descendants(of: node).first { SVGGeometry.localName(of: $0) == "path" || SVGGeometry.localName(of: $0) == "polygon" }
        })
        let attribute = { (name: String) in outline.attributes?.first { $0.localName == name }?.stringValue }
        #expect(attribute("stroke") == RenderTheme.light.failBadge.fill.lowercased())
        #expect(attribute("stroke-dasharray") != nil)
        #expect(attribute("stroke-width") == "2")
    }

    @Test func theMarkIsInTheFilesLanguage() throws {
        let source = firstDraft.replacingOccurrences(of: "blueprint \"Broadband installation\"", with: "blueprint \"寬頻安裝\"\nlocale zh-Hant")
            .replacingOccurrences(of: " -> visit", with: "")
        let document = Document(path: "draft.blueprint", text: source)
        #expect(document.report().errorCount == 1)
        let svg = try SVGGeometry(try document.drawDraft().bytes)
        #expect(text(of: DraftMarks.markID, in: svg) == "草稿：1 個錯誤")
    }

    @Test func drawStillRefusesAFileWithErrors() {
        let document = Document(path: "draft.blueprint", text: firstDraft)
        #expect(throws: DrawError.lintErrors(count: 2)) { try document.draw() }
    }

    @Test func aCleanFileDraftsAsItDraws() throws {
        let document = Document(path: "clean.blueprint", text: outageRepair)
        #expect(!document.hasErrors)
        let draft = try document.drawDraft().bytes
        #expect(draft == (try document.draw().bytes))
        #expect(!String(decoding: draft, as: UTF8.self).contains(DraftMarks.markID))
    }
}
