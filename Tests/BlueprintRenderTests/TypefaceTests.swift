import BlueprintLanguage
import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Every label is set in the face of the blueprint's language, or in the family asked for, and
/// measured in it.
@Suite struct TypefaceTests {
    /// The font families and weights of every `<text>` of an SVG.
    func faces(in svg: [UInt8]) throws -> Set<String> {
        let document = try XMLDocument(data: Data(svg))
        let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap { $0 as? XMLElement }
        #expect(!texts.isEmpty)
        return Set(texts.map { text in
            func attribute(_ name: String) -> String? { text.attributes?.first { $0.localName == name }?.stringValue }
            let family = attribute("font-family") ?? "none"
            return attribute("font-weight") == "bold" ? family + " bold" : family
        })
    }

    func clinic(in locale: BlueprintLocale) -> Blueprint {
        blueprint(chineseClinic.replacingOccurrences(of: "locale zh-Hans", with: "locale \(locale.rawValue)"))
    }

    @Test(arguments: [
        (BlueprintLocale.zhHant, "Noto Sans CJK TC"), (.zhHans, "Noto Sans CJK SC"), (.en, "Noto Sans CJK SC"),
    ])
    func eachLanguageIsSetInItsOwnFace(locale: BlueprintLocale, family: String) throws {
        let found = try faces(in: renderSVG(clinic(in: locale)))
        #expect(found == [family, family + " bold"], "\(found)")
    }

    @Test func aChosenFamilyIsDrawnAndMeasured() throws {
        let model = clinic(in: .zhHant)
        let serif = try Renderer.render(model, options: RenderOptions(fontFamily: "Noto Serif CJK TC")).bytes
        #expect(try faces(in: serif) == ["Noto Serif CJK TC", "Noto Serif CJK TC bold"])
        let sans = Typeface.forLocale(.zhHant)
        // Ideographs are one em in either face; Latin letters are not.
        let label = "Moment of truth"
        let widths = try [sans, Typeface(family: "Noto Serif CJK TC")].map { typeface in
            try GraphvizTextMeasurer(typeface: typeface).widths(of: [(TextStyles.stepLabel, [label])])[0][0]
        }
        #expect(widths[0] != widths[1], "both faces measured \(widths[0]) pt")
    }

    @Test(arguments: ["", "Noto\" onload=\"x", "A&B"])
    func aFamilyNameThatCannotBeWrittenIsRefused(family: String) {
        #expect(throws: RenderError.self) { try Renderer.render(clinic(in: .en), options: RenderOptions(fontFamily: family)) }
    }
}
