import Foundation
import Testing

/// `render --page`: one file per page for SVG and PNG, named after -o and announced; one PDF of
/// every page; a page count and the print size of labels on standard error.
@Suite struct RenderPageTests {
    private var hotel: String {
        get throws { try String(contentsOf: Blueprint.packageRoot.appendingPathComponent("blueprints/hotel-stay.blueprint"), encoding: .utf8) }
    }

    @Test func svgPagesGoToNumberedFilesBesideTheTarget() async throws {
        let workspace = try Workspace(["hotel.blueprint": try hotel, "out/.keep": ""])
        let result = try await Blueprint.run(["render", "hotel.blueprint", "--page", "a3", "-o", "out/plan.svg"], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: workspace.path("out")).filter { $0 != ".keep" }.sorted()
        #expect(written.count > 1)
        #expect(written == (1...written.count).map { "plan-\($0).svg" }.sorted())
        #expect(result.standardError.contains("hotel.blueprint: wrote \(written.count) pages: out/plan-1.svg, out/plan-2.svg"))
        #expect(result.standardError.contains("\(written.count) pages of A3 landscape, step labels at"))
        for name in written {
            let svg = try String(contentsOfFile: workspace.path("out/\(name)"), encoding: .utf8)
            #expect(svg.contains(#"<svg width="1191pt" height="842pt""#))
        }
    }

    @Test func pdfPagesGoInOneFile() async throws {
        let workspace = try Workspace(["hotel.blueprint": try hotel])
        let result = try await Blueprint.run(["render", "hotel.blueprint", "--page", "A3", "--orientation", "portrait", "-o", "plan.pdf"],
                                       in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        let pdf = try Data(contentsOf: workspace.url.appendingPathComponent("plan.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [ 0 0 842 1191 ]"))
        #expect(!result.standardError.contains("wrote"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).sorted() == ["hotel.blueprint", "plan.pdf"])
    }

    @Test func aBlueprintThatFitsStaysOneFile() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let result = try await Blueprint.run(["render", "a.blueprint", "--page", "slide", "-o", "a.svg"], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: workspace.path("a.svg")))
        #expect(result.standardError.contains("a.blueprint: 1 page of slide landscape"))
        // Standard output takes one page too.
        let piped = try await Blueprint.run(["render", "a.blueprint", "--page", "A4"], in: workspace.url)
        #expect(piped.status == 0 && piped.standardOutput.contains(#"<svg width="842pt" height="595pt""#))
    }

    @Test func severalPagesNeedAFileNameToNumber() async throws {
        let workspace = try Workspace(["hotel.blueprint": try hotel])
        let result = try await Blueprint.run(["render", "hotel.blueprint", "--page", "A3"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.standardError.contains("one file each; give -o FILE or --output-dir to name them"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func pageOptionsAreChecked() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let unknown = try await Blueprint.run(["render", "a.blueprint", "--page", "B5", "-o", "a.svg"], in: workspace.url)
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("A4") && unknown.standardError.contains("slide"))
        let orphan = try await Blueprint.run(["render", "a.blueprint", "--orientation", "portrait", "-o", "a.svg"], in: workspace.url)
        #expect(orphan.status != 0 && orphan.standardError.contains("--orientation needs --page"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("a.svg")))
    }
}
