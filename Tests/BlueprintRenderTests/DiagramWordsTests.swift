import BlueprintModel
@testable import BlueprintRender
import Foundation
import Testing

/// The words a diagram adds around the user's text, and what it leaves out of that text.
@Suite struct DiagramWordsTests {
    private func svgText(_ source: String) throws -> String {
        String(decoding: try renderSVG(blueprint(source)), as: UTF8.self)
    }

    @Test func chineseDiagramsWriteDurationsInChinese() throws {
        let simplified = try svgText(chineseClinic)
        #expect(simplified.contains("等待 15分钟 · 上限 20分钟"))
        #expect(simplified.contains("用时 5分钟"))
        #expect(simplified.contains("时限 30分钟"))
        #expect(!simplified.contains("15m"))

        let traditional = try svgText(chineseClinic.replacingOccurrences(of: "locale zh-Hans", with: "locale zh-Hant")
            .replacingOccurrences(of: "takes 10m", with: "takes 1h30m"))
        #expect(traditional.contains("等待 15分鐘 · 上限 20分鐘"))
        #expect(traditional.contains("用時 1小時30分鐘"))
    }

    @Test func englishDiagramsKeepTheShortForm() throws {
        let svg = try svgText("blueprint \"X\"\ncustomer a \"A\", wait 15m, tolerance 25m\nfrontstage b \"B\", takes 1h30m\na -> b\n")
        #expect(svg.contains("wait 15m · max 25m"))
        #expect(svg.contains("takes 1h30m"))
    }

    @Test func bidiControlsAndInvisibleCharactersAreLeftOutOfLabels() throws {
        let svg = try svgText("blueprint \"X\"\ncustomer pay \"Pays \\u{202E}001 EUR\\u{202C} now\\u{200B}\"\nfrontstage b \"B\\u{2066}x\\u{2069}\"\npay -> b\n")
        #expect(svg.contains("Pays 001 EUR now"))
        #expect(svg.contains("Bx"))
        for scalar: UInt32 in [0x202E, 0x202C, 0x200B, 0x2066, 0x2069] {
            #expect(!svg.unicodeScalars.contains { $0.value == scalar }, "U+\(String(scalar, radix: 16)) in the SVG")
        }
        #expect(DisplayText.displayable("👨\u{200D}👩\u{200D}👧") == "👨\u{200D}👩\u{200D}👧")
    }
}
