@testable import GraphvizBridge
import Testing

/// PNG and PDF set each label with the glyph advances Graphviz measured it with. Graphviz's pango
/// plugin lays text out at 96 dpi with hinted metrics and rounded glyph positions, so at 8 pt every
/// advance is a whole 0.75 pt: `f` takes 3 pt where its outline is 2.7 pt wide and a space 1.5 pt
/// where it is 1.9, and cairo, drawing those positions at 144 dpi or in a PDF, runs "of truth"
/// together ("oftruth"). The SVG leaves the spacing to the browser and shows none of it.
@Suite struct TextAdvanceTests {
    static let font = "Noto Sans CJK SC"

    /// The width of a label at 8 pt against a tenth of its width at 80 pt, where rounding to whole
    /// pixels costs a tenth as much: the same to within a quarter point when the advances are
    /// unrounded.
    @Test(arguments: ["Moment of truth", "Broadband checker", "of truth", "手機App"])
    func smallTextIsSetWithItsOwnAdvances(text: String) throws {
        let small = try Graphviz.textWidths([text], fontName: Self.font, size: 8)[0]
        let large = try Graphviz.textWidths([text], fontName: Self.font, size: 80)[0]
        withKnownIssue("Graphviz's pango plugin rounds glyph positions to 96 dpi pixels; see issue 22") {
            #expect(abs(small - large / 10) <= 0.25, "\(text): \(small) pt at 8 pt, \(large / 10) pt scaled down from 80 pt")
        }
    }
}
