import BlueprintModel
@testable import BlueprintRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Lint-clean text that Graphviz or XML cannot take as it is (issue #11): every such file still renders.
@Suite struct HostileTextTests {
    /// A blueprint with `text` (as written in a blueprint string) in every kind of string the diagram shows.
    static func everywhere(_ text: String) -> String {
        """
        blueprint "\(text)"
        persona "\(text)"
        lane customer "\(text)"
        phase "\(text)"
          evidence e "\(text)", note "\(text)", channel "\(text)"
          customer a "\(text)", note "\(text)", evidence e
          frontstage b "\(text)", actor "\(text)", channel "\(text)", note "\(text)", takes 5m, fail "\(text)" recover c
          frontstage c "\(text)"
        a -> b : "\(text)"
        c ..> b
        """
    }

    @Test func nulIsShownAsItsControlPicture() throws {
        let svg = String(decoding: try renderSVG(blueprint(Self.everywhere(#"before \u{0} after"#))), as: UTF8.self)

        #expect(!svg.utf8.contains(0))
        let texts = try XMLDocument(data: Data(svg.utf8)).nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        // Title, persona, lane, phase, evidence, steps, caption, fail badge, flow label.
        #expect(texts.filter { $0.contains("before ␀ after") }.count >= 9)
    }

    @Test(arguments: [
        String(repeating: "a", count: 16_376),
        String(repeating: "申", count: 6_000),
        String(repeating: "word ", count: 3_000) + #"\\ & \u{0}"#,
    ])
    func overlongTextIsCutWithAnEllipsis(text: String) throws {
        let model = blueprint(Self.everywhere(text))

        let svg = try renderSVG(model)

        let document = try XMLDocument(data: Data(svg))
        let box = try document.nodes(forXPath: "//*[@id='step-a']//*[local-name()='text']")
        #expect(box.last?.stringValue?.hasSuffix("…") == true)
        let tooltip = try #require(try document.nodes(forXPath: "//*[@id='step-b']//@*[local-name()='title']").first?.stringValue)
        #expect(tooltip.hasSuffix("…"))
        #expect(tooltip.utf8.count < 16_384)
        for format in [RenderFormat.dot, .pdf] {
            #expect(try !Renderer.render(model, options: RenderOptions(format: format)).bytes.isEmpty)
        }
    }

    @Test func displayableTextKeepsBothLimits() {
        let marks = "e" + String(repeating: "\u{301}", count: 5_000)
        for text in [String(repeating: "x", count: 5_000), String(repeating: "😀", count: 2_000), marks] {
            let shown = DisplayText.displayable(text)
            #expect(shown.count <= DisplayText.maximumCharacters + 1)
            #expect(shown.utf8.count <= DisplayText.maximumBytes)
            #expect(shown.last == DisplayText.ellipsis)
        }
        #expect(DisplayText.displayable("short \t tab\nline") == "short \t tab\nline")
    }

    /// A label with a character of every class: controls, noncharacters, astral, combining marks, bidi.
    static let everyClass: String = {
        var scalars: [UInt32] = Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        scalars += Array(0xFDD0...0xFDEF) + [0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF]
        scalars += [0x1D11E, 0x1F600, 0x1F469, 0x200D, 0x1F467, 0x20000, 0x10FFFD]
        scalars += [0x61, 0x301, 0x308, 0x20DD, 0x5D0, 0x5B8]
        scalars += [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        scalars += [0xFEFF, 0xFFFD, 0x2028, 0x2029, 0xE000, 0x3C, 0x26, 0x22, 0x5C]
        return scalars.map { String(format: #"\u{%X}"#, $0) }.joined(separator: " ")
    }()

    @Test func svgIsWellFormedWhateverTheCharacters() throws {
        let svg = try renderSVG(blueprint(Self.everywhere(Self.everyClass)))

        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("␀ ␁ ␂"))
        #expect(!text.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF || $0.value < 0x09 })
    }

    @Test func pngTooLargeForCairoIsRefusedWithAHint() throws {
        let steps = (0..<400).map { "customer s\($0) \"Step \($0)\"" }.joined(separator: "\n")
        let chain = (0..<400).map { "s\($0)" }.joined(separator: " -> ")
        let model = blueprint("blueprint \"Wide\"\n\(steps)\nfrontstage f \"F\", takes 1m\n\(chain) -> f\n")

        #expect {
            try Renderer.render(model, options: RenderOptions(format: .png))
        } throws: { error in
            let message = (error as? RenderError)?.message ?? ""
            return message.contains("32767 pixels") && message.contains("svg or pdf") && message.contains("--page")
        }
        #expect(try !Renderer.render(model, options: RenderOptions(format: .svg)).bytes.isEmpty)
    }

    @Test func emojiCaptionGivesNoWarning() throws {
        let emoji = String(repeating: "😀", count: 34)
        let model = blueprint("blueprint \"E\"\ncustomer ask \"A\", actor \"\(emoji)\"\nfrontstage p \"P\", takes 2m\nask -> p\n")

        let output = try Renderer.render(model)

        #expect(output.warnings.isEmpty)
        #expect(Renderer.shownWarnings(["node 'x', graph 'blueprint' size too small for label", "other", "other"]) == ["other"])
    }
}
