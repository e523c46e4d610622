import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// The words a diagram adds around the user's text, and what it leaves out of that text.
@Suite struct DiagramWordsTests {
    private func svgText(_ source: String) throws -> String {
        String(decoding: try renderSVG(blueprint(source)), as: UTF8.self)
    }

    @Test func chineseDiagramsWriteDurationsInChinese() throws {
        let simplified = try svgText(chineseClinic)
        // In a narrow box the wait badge splits between its parts rather than wrapping inside.
        #expect(simplified.contains(">◑ 等待 15分钟<") && simplified.contains(">上限 20分钟<"))
        #expect(simplified.contains("用时 5分钟"))
        #expect(simplified.contains("时限 30分钟"))
        #expect(!simplified.contains("15m"))

        let traditional = try svgText(chineseClinic.replacingOccurrences(of: "locale zh-Hans", with: "locale zh-Hant")
            .replacingOccurrences(of: "takes 10m", with: "takes 1h30m"))
        #expect(traditional.contains(">◑ 等待 15分鐘<") && traditional.contains(">上限 20分鐘<"))
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

/// The print theme tells every mark apart without colour.
@Suite struct PrintThemeTests {
    private func svgText(theme: RenderTheme) throws -> String {
        String(decoding: try renderSVG(blueprint(outageRepair), theme: theme), as: UTF8.self)
    }

    @Test func skeletonLinesAreSolidInPrintSoDashesMeanInformationFlows() throws {
        let print = try svgText(theme: .print), light = try svgText(theme: .light)
        for line in ["line-interaction", "line-visibility", "line-internal"] {
            let printed = group(withID: line, in: print), screen = group(withID: line, in: light)
            #expect(!printed.isEmpty && !screen.isEmpty)
            #expect(!printed.contains("stroke-dasharray"), "\(line) is dashed in print")
            #expect(screen.contains("stroke-dasharray"), "\(line) is not dashed on screen")
        }
        #expect(print.contains("class=\"edge flow information\""))
    }

    @Test func takesBadgesAreOutlinedAndWaitBadgesFilledInPrint() throws {
        let print = try svgText(theme: .print)
        #expect(print.contains(##"<path fill="#ffffff" stroke="#000000" stroke-width="0.5""##))
        #expect(print.contains(##"<path fill="#bfbfbf" stroke="#bfbfbf" stroke-width="0.5""##))
    }

    @Test func theLegendGivesEachEmotionSwatchItsValue() throws {
        let svg = try svgText(theme: .light)
        for swatch in ["▼▼ −2", "▼ −1", "● 0", "▲ +1", "▲▲ +2"] {
            #expect(svg.contains(">\(swatch)<"), "no legend swatch \(swatch)")
        }
    }
}

/// A step that shows an evidence item drawn above another step carries a small reference to it.
@Suite struct EvidenceReferenceTests {
    @Test func onlyStepsAwayFromTheEvidenceCarryAReference() throws {
        let source = """
            blueprint "Evidence"
            phase "Report"
              evidence   sms    "Text message with the crew's arrival time"
              customer   report "Calls the hotline", evidence sms
              frontstage log    "Agent logs the fault", takes 4m
            phase "Repair"
              customer   waits  "Waits for the crew", evidence sms
              frontstage fix    "Crew restores the supply", takes 40m
            report -> log -> waits -> fix
            """
        let svg = String(decoding: try renderSVG(blueprint(source)), as: UTF8.self)
        // The step the item is drawn above has none; the other one names it, cut short to one line.
        #expect(svg.components(separatedBy: ">▣ Text message with…<").count - 1 == 1)
        let waits = try #require(svg.range(of: "<g id=\"step&#45;waits\""))
        let reference = try #require(svg.range(of: ">▣ Text message with…<"))
        let fix = try #require(svg.range(of: "<g id=\"step&#45;fix\""))
        #expect(waits.lowerBound < reference.lowerBound && reference.lowerBound < fix.lowerBound)
        #expect(svg.contains(">Evidence drawn above another step<"))
    }

    @Test func evidenceOverOneStepStacksInsideItsLane() throws {
        let source = """
            blueprint "Stack"
            evidence sms     "Text message"
            evidence leaflet "Printed leaflet"
            customer report  "Calls the hotline", evidence sms, evidence leaflet
            frontstage log   "Agent logs the fault", takes 4m
            report -> log
            """
        let svg = try SVGGeometry(try renderSVG(blueprint(source)))
        let sms = try #require(svg.box("evidence-sms")), leaflet = try #require(svg.box("evidence-leaflet"))
        let step = try #require(svg.box("step-report")), lane = try #require(svg.box("lane-evidence"))
        #expect(abs((sms.minX + sms.maxX) / 2 - (step.minX + step.maxX) / 2) < 1, "not above its step")
        #expect(abs(sms.minX - leaflet.minX) < 1 && sms.maxY < leaflet.minY, "not stacked")
        #expect(sms.isInside(lane) && leaflet.isInside(lane))
    }
}
