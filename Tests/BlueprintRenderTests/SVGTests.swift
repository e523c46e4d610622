import BlueprintLanguage
import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct SVGTests {
    @Test func everyPartOfTheSkeletonHasItsID() throws {
        let model = blueprint(outageRepair)
        let ids = Set(try SVGGeometry(try renderSVG(model)).ids)
        let expected = model.steps.map { "step-\($0.id)" } + model.evidence.map { "evidence-\($0.id)" }
            + Lane.allCases.map { "lane-\($0.rawValue)" } + BlueprintLine.allCases.map { "line-\($0.rawValue)" }
            + ["phase-1", "phase-2"]
        for id in expected {
            #expect(ids.contains(id), "missing id \(id)")
        }
    }

    @Test func idPrefixReachesEveryIDAndReference() throws {
        let svg = try renderSVG(blueprint(outageRepair), idPrefix: "left-")
        let geometry = try SVGGeometry(svg)
        let ids = Set(geometry.ids)
        #expect(ids.contains("left-step-report") && ids.contains("left-lane-customer") && ids.contains("left-phase-1"))
        for id in ids {
            #expect(id.hasPrefix("left-"), "id \(id) has no prefix")
        }
        let text = String(decoding: svg, as: UTF8.self)
        for reference in references(in: text) {
            #expect(ids.contains(reference), "reference to missing id \(reference)")
        }
    }

    @Test func twoPrefixedDiagramsShareNoID() throws {
        let left = Set(try SVGGeometry(try renderSVG(blueprint(outageRepair), idPrefix: "a.")).ids)
        let right = Set(try SVGGeometry(try renderSVG(blueprint(outageRepair), idPrefix: "b.")).ids)
        #expect(left.isDisjoint(with: right))
    }

    @Test func titleBlockIDsOfAPromiseNameItsBadgeDescriptionAndCost() throws {
        // Fields shift the promises down: with a persona, without one, and with every field and two promises.
        let withoutPersona = outageRepair.replacingOccurrences(of: "persona ", with: "# persona ")
        let everyField = outageRepair.replacingOccurrences(of: "persona \"Household customer\"", with: """
            persona "Household customer"
            scenario "A cable fails at night"
            owner "Network operations"
            promise "Agent answers within 10 minutes" from report to log within 10m
            """)
        for source in [outageRepair, withoutPersona, everyField] {
            let model = blueprint(source)
            let text = String(decoding: try renderSVG(model), as: UTF8.self)
            for (index, promise) in model.promises.enumerated() {
                let ids = Renderer.titleBlockIDs(ofPromise: index, in: model)
                let groups = ids.map { group(withID: $0, in: text) }
                #expect(groups[0].contains("class=\"node badge\""), "\(ids[0]) is not the status badge")
                let firstWords = promise.description.split(separator: " ").prefix(2).joined(separator: " ")
                #expect(groups[1].contains(firstWords), "\(ids[1]) does not hold '\(promise.description)'")
                #expect(groups[2].contains(promise.within.description), "\(ids[2]) does not hold the cost")
            }
        }
    }

    @Test func invalidIDPrefixIsRefused() {
        #expect(throws: RenderError.self) {
            try Renderer.render(blueprint(outageRepair), options: RenderOptions(idPrefix: "x\"><script>"))
        }
        #expect(!Renderer.isValidIDPrefix("1abc"))
        #expect(Renderer.isValidIDPrefix("_diagram-2.v1"))
    }

    @Test func drawingHasATitleAndDescriptionForScreenReaders() throws {
        let document = try XMLDocument(data: Data(try renderSVG(blueprint(outageRepair))), options: [])
        let root = try #require(document.rootElement())
        let children = (root.children ?? []).compactMap { $0 as? XMLElement }
        #expect(children.first.map(SVGGeometry.localName) == "title")
        #expect(children.first?.stringValue == "Power outage repair")
        #expect(children.dropFirst().first.map(SVGGeometry.localName) == "desc")
        #expect(children.dropFirst().first?.stringValue?.contains("10 steps in 2 phases") == true)
    }

    @Test func stepsCarryNoteActorAndChannelAsTooltip() throws {
        let model = blueprint("""
            blueprint "Tooltips"
            customer call "Calls", channel "Phone", note "Often at night"
            frontstage answer "Answers", actor "Agent"
            call -> answer
            """)
        let text = String(decoding: try renderSVG(model), as: UTF8.self)
        #expect(text.contains("xlink:title=\"Calls&#10;id: call&#10;channel: Phone&#10;note: Often at night\""))
        #expect(text.contains("xlink:title=\"Answers&#10;id: answer&#10;actor: Agent\""))
    }

    /// `href="#x"`, `xlink:href="#x"` and `url(#x)` targets.
    private func references(in svg: String) -> [String] {
        var found: [String] = []
        for marker in ["href=\"#", "url(#"] {
            var rest = svg[...]
            while let range = rest.range(of: marker) {
                let tail = rest[range.upperBound...]
                let end = tail.firstIndex { $0 == "\"" || $0 == ")" } ?? tail.endIndex
                found.append(String(tail[..<end]))
                rest = tail[end...]
            }
        }
        return found
    }
}
