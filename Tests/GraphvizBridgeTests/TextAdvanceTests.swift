@testable import GraphvizBridge
import Testing

/// PNG and PDF set each label with the glyph advances Graphviz measured it with. Graphviz's pango
/// plugin lays text out at 96 dpi with hinted metrics and rounded glyph positions, so at 8 pt every
/// advance was a whole 0.75 pt: `f` took 3 pt where its outline is 2.7 pt wide and a space 1.5 pt
/// where it is 1.9, and cairo, drawing those positions at 144 dpi or in a PDF, ran "of truth"
/// together ("oftruth"). The SVG leaves the spacing to the browser and showed none of it. The bridge
/// now turns rounding and hinting off in the plugin's context when it opens Graphviz.
@Suite struct TextAdvanceTests {
    static let font = "Noto Sans CJK SC"

    /// The width of a text at 8 pt against a tenth of its width at 80 pt, where rounding to whole
    /// pixels costs a tenth as much. Twenty copies in a row, so that rounded advances add up (to 8 to
    /// 43 pt, measured) while Graphviz's own rounding of the whole width up to a point stays one.
    /// Both in the plugin's context, which sets PNG and PDF, and in the bridge's text lanes, which
    /// measure every drawing.
    @Test(arguments: ["Moment of truth", "Broadband checker", "of truth", "手機App"])
    func smallTextIsSetWithItsOwnAdvances(text: String) throws {
        let line = Array(repeating: text, count: 20).joined(separator: " ")
        let inPlugin = try GraphvizGate.shared.run { job in [8.0, 80].map { job.textSizes([line], fontName: Self.font, size: $0)[0].width } }
        let inLanes = try [8.0, 80].map { try Graphviz.textWidths([line], fontName: Self.font, size: $0)[0] }
        for (small, large) in [(inPlugin[0], inPlugin[1]), (inLanes[0], inLanes[1])] {
            #expect(abs(small - large / 10) <= 1.5, "\(text): \(small) pt at 8 pt, \(large / 10) pt scaled down from 80 pt")
        }
    }

    /// The pango plugin is installed here (scripts/install-dependencies.sh): its context was found and
    /// changed, not left as it was because a library or a function was missing.
    @Test func theBridgeUnroundsThePluginsContext() throws {
        _ = try GraphvizGate.shared.run { job in job.textSizes(["of truth"], fontName: Self.font, size: 8) }
        #expect(GraphvizGate.shared.setsTextUnrounded)
    }
}
