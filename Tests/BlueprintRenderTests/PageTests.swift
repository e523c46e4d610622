import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// `--page`: a blueprint on one sheet when its labels stay legible there, else split between phases,
/// each page complete in itself and flows to other pages ending at chips.
@Suite struct PageTests {
    private func example(_ name: String) throws -> Blueprint {
        blueprint(try String(contentsOf: examplesFolder.appendingPathComponent(name + ".blueprint"), encoding: .utf8))
    }

    private func svgPages(_ model: Blueprint, _ setup: PageSetup) throws -> (output: PagedRenderOutput, pages: [SVGGeometry]) {
        let output = try Renderer.render(model, options: RenderOptions(format: .svg), page: setup)
        #expect(output.warnings.isEmpty, "Graphviz warned: \(output.warnings)")
        #expect(output.files.count == output.pages.count)
        return (output, try output.files.map(SVGGeometry.init))
    }

    /// The class Graphviz writes for a node: `node step customer`, `node chip customer`.
    private func kind(_ id: String, on page: SVGGeometry) -> String? {
        page.elementsByID[id]?.attributes?.first { $0.localName == "class" }?.stringValue?
            .split(separator: " ").dropFirst().first.map(String.init)
    }

    /// Width and height of an SVG, in points.
    private func paperSize(_ svg: [UInt8]) -> (Double, Double)? {
        let text = String(decoding: svg.prefix(2_000), as: UTF8.self)
        guard let width = text.firstMatch(of: /<svg width="([0-9.]+)pt" height="([0-9.]+)pt"/) else { return nil }
        return (Double(width.1)!, Double(width.2)!)
    }

    @Test func aBlueprintThatFitsGoesOnOnePageOfThePaper() throws {
        let (output, pages) = try svgPages(try example("outage-repair"), PageSetup(paper: .a0))
        #expect(pages.count == 1)
        #expect(output.pages[0].labelSize >= PageSetup.smallestLabelSize)
        let size = try #require(paperSize(output.files[0]))
        #expect(abs(size.0 - 3370) <= 1 && abs(size.1 - 2384) <= 1, "A0 landscape is 3370 × 2384 pt, got \(size)")
        #expect(!pages[0].ids.contains { $0.hasPrefix("chip") })
    }

    @Test func portraitTurnsThePaper() throws {
        let output = try Renderer.render(try example("outage-repair"), options: RenderOptions(format: .svg),
                                         page: PageSetup(paper: .a0, orientation: .portrait))
        let size = try #require(paperSize(output.files[0]))
        #expect(abs(size.0 - 2384) <= 1 && abs(size.1 - 3370) <= 1)
    }

    /// Each page is the paper's size and has the whole skeleton and a title block that says which
    /// page it is; every phase and every step is drawn on exactly one page.
    @Test func aWideBlueprintIsSplitBetweenPhasesIntoCompletePages() throws {
        let model = try example("hotel-stay")
        let (output, pages) = try svgPages(model, PageSetup(paper: .a3))
        #expect(pages.count > 1)
        var stepsDrawn: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            let size = try #require(paperSize(output.files[index]))
            #expect(abs(size.0 - 1191) <= 1 && abs(size.1 - 842) <= 1, "page \(index + 1) is \(size)")
            for lane in ["evidence", "customer", "frontstage", "backstage", "support"] {
                #expect(page.box("lane-\(lane)-title") != nil, "page \(index + 1) lacks the \(lane) lane title")
            }
            for line in ["interaction", "visibility", "internal"] {
                #expect(page.ids.contains("line-\(line)-title"), "page \(index + 1) lacks the line of \(line)")
            }
            let svg = String(decoding: output.files[index], as: UTF8.self)
            #expect(svg.contains(">\(index + 1) of \(pages.count)<"), "page \(index + 1) does not say which page it is")
            for id in page.ids where id.hasPrefix("step-") && kind(id, on: page) == "step" {
                stepsDrawn[id, default: 0] += 1
            }
        }
        for step in model.steps {
            #expect(stepsDrawn["step-\(step.id)"] == 1, "step \(step.id) is drawn on \(stepsDrawn["step-\(step.id)"] ?? 0) pages")
        }
        for (index, phase) in model.phases.enumerated() {
            // Graphviz writes the two spaces after the number as one.
            let title = "\(index + 1) \(phase.title ?? "")".trimmingCharacters(in: .whitespaces)
            let drawnOn = output.files.filter { String(decoding: $0, as: UTF8.self).contains(">\(title)<") }
            #expect(drawnOn.count == 1, "phase '\(title)' is drawn on \(drawnOn.count) pages")
        }
        #expect(output.pages.allSatisfy { $0.labelSize > 4 })
    }

    /// A flow between steps on two pages ends at a chip on each: on the page of one end, a dashed box
    /// for the other, naming it and its page.
    @Test func flowsToOtherPagesEndAtChipsNamingTheStepAndPage() throws {
        let model = try example("hotel-stay")
        let (output, pages) = try svgPages(model, PageSetup(paper: .a3))
        let pageOfStep = Dictionary(uniqueKeysWithValues: model.steps.map { step in
            (step.id, pages.firstIndex { kind("step-\(step.id)", on: $0) == "step" }!)
        })
        var crossing = 0
        for flow in model.flows {
            let from = model.steps[flow.from], to = model.steps[flow.to]
            let fromPage = pageOfStep[from.id]!, toPage = pageOfStep[to.id]!
            guard fromPage != toPage else { continue }
            crossing += 1
            for (page, far, farPage) in [(fromPage, to, toPage), (toPage, from, fromPage)] {
                #expect(kind("step-\(far.id)", on: pages[page]) == "chip",
                        "page \(page + 1) has no chip for \(far.id) on page \(farPage + 1)")
                let svg = String(decoding: output.files[page], as: UTF8.self)
                #expect(svg.contains("page \(farPage + 1)<"), "page \(page + 1) does not name page \(farPage + 1)")
            }
        }
        #expect(crossing > 0)
    }

    /// PDF is one file with a page of the paper's size for each page.
    @Test func pdfHoldsEveryPageInOneFile() throws {
        let model = try example("hotel-stay")
        let pdf = try Renderer.render(model, options: RenderOptions(format: .pdf), page: PageSetup(paper: .a3))
        let svg = try Renderer.render(model, options: RenderOptions(format: .svg), page: PageSetup(paper: .a3))
        #expect(pdf.files.count == 1)
        let text = String(decoding: pdf.files[0], as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/Count \(svg.pages.count)"))
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1 == svg.pages.count)
        #expect(text.components(separatedBy: "/MediaBox [ 0 0 1191 842 ]").count - 1 == svg.pages.count)
        // The same input gives the same bytes.
        let again = try Renderer.render(model, options: RenderOptions(format: .pdf), page: PageSetup(paper: .a3))
        #expect(again.files == pdf.files)
    }

    static let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first(where: FileManager.default.isExecutableFile)

    /// poppler, the reader behind many PDF viewers, reads the merged file without a complaint.
    @Test(.enabled(if: pdfinfo != nil, "needs poppler-utils")) func popplerReadsEveryPage() async throws {
        let model = try example("bank-counter")
        let pdf = try Renderer.render(model, options: RenderOptions(format: .pdf), page: PageSetup(paper: .a3))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString).pdf")
        try Data(pdf.files[0]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.pdfinfo))
        process.arguments = ["-f", "1", "-l", "\(pdf.pages.count)", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let info = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        await process.exited()
        #expect(process.terminationStatus == 0)
        #expect(complaints.isEmpty, "pdfinfo: \(complaints)")
        #expect(info.contains("Pages:           \(pdf.pages.count)"))
        let a3Pages = info.split(separator: "\n").filter { $0.contains(/^Page +[0-9]+ size: +1191 x 842 pts \(A3\)$/) }
        #expect(a3Pages.count == pdf.pages.count, "not every page is A3 landscape:\n\(info)")
    }

    @Test func dotPrintsTheGraphOfEachPage() throws {
        let model = try example("hotel-stay")
        let dot = try Renderer.render(model, options: RenderOptions(format: .dot), page: PageSetup(paper: .a3))
        #expect(dot.files.count == 1)
        let text = String(decoding: dot.files[0], as: UTF8.self)
        #expect(text.components(separatedBy: "digraph blueprint {").count - 1 == dot.pages.count)
    }

    /// The split itself, without Graphviz: a page keeps its phases' steps, evidence and flows, with a
    /// chip for each step on another page that one of its flows reaches.
    @Test func aPageKeepsItsPhasesAndChipsTheRest() {
        let model = blueprint("""
            blueprint "Split"
            phase "One"
              customer a "A"
              evidence e "E"
              frontstage b "B", evidence e
            phase "Two"
              customer c "C"
            phase "Three"
              customer d "D"
            a -> b
            b -> c
            c ..> d : "later"
            d -> a
            """)
        let pages = model.pages(pageOfPhase: [1, 2, 2])
        #expect(pages.count == 2)
        let first = pages[0], second = pages[1]
        #expect(first.blueprint.steps.map(\.id) == ["a", "b", "c", "d"])
        #expect(first.context.chips == [2: 2, 3: 2])
        #expect(first.context.laterPages == [2] && first.context.earlierPages.isEmpty)
        #expect(first.blueprint.evidence.map(\.id) == ["e"])
        #expect(first.blueprint.steps[1].shownEvidence == [0])
        #expect(first.blueprint.flows.map { "\(first.blueprint.steps[$0.from].id)->\(first.blueprint.steps[$0.to].id)" }
            == ["a->b", "b->c", "d->a"])
        #expect(second.blueprint.steps.map(\.id) == ["b", "a", "c", "d"])
        #expect(second.context.chips == [0: 1, 1: 1])
        #expect(second.context.firstPhaseNumber == 2)
        #expect(second.blueprint.phases.count == 3, "a column of chips before the two phases")
        #expect(second.blueprint.flows.map { "\(second.blueprint.steps[$0.from].id)->\(second.blueprint.steps[$0.to].id)" }
            == ["b->c", "c->d", "d->a"])
        #expect(second.blueprint.evidence.isEmpty && second.blueprint.promises.isEmpty)
    }
}

/// `render --page`: the legend is in one place on every page of a blueprint, though a narrower page
/// has no room beside its title block for a legend that fits beside a wider page's.
@Suite struct PagedLegendTests {
    /// Where the legend is on a page, in the page's drawing: at its top (beside the title block), with
    /// nothing drawn above it, or under the lanes, and how far under them.
    private enum LegendPlace: Hashable {
        case top
        case underLanes(gap: Double)
    }

    private func legendPlace(on page: SVGGeometry) throws -> LegendPlace {
        let legend = try #require(page.box("legend.2")), lanes = try #require(page.box("lane-support-title"))
        guard legend.minY < lanes.minY else { return .underLanes(gap: (legend.minY - lanes.maxY).rounded()) }
        // Every box of the drawing, the page's background (`graph0`) and the lanes' bands aside.
        let highest = page.ids.filter { !$0.hasPrefix("graph") && !$0.hasPrefix("lane-") }.compactMap(page.box).map(\.minY).min() ?? 0
        #expect(abs(legend.minY - highest) <= 1, "something is drawn above the legend at the top of the page")
        return .top
    }

    @Test(arguments: exampleFiles())
    func theLegendStaysInOnePlaceFromPageToPage(_ file: URL) throws {
        let model = blueprint(try String(contentsOf: file, encoding: .utf8))
        let output = try Renderer.render(model, options: RenderOptions(format: .svg), page: PageSetup(paper: .a4))
        #expect(output.files.count > 1, "\(file.lastPathComponent) fits on one page of A4: nothing to compare")
        let places = try output.files.map { try legendPlace(on: try SVGGeometry($0)) }
        #expect(Set(places).count == 1, "\(file.lastPathComponent): the legend moves from page to page: \(places)")
    }
}
