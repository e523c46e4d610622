import BlueprintModel
@testable import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Language 1.2 in the drawing: spans as `4–6m`, and a step with `servers` carrying its utilisation
/// and its predicted queue wait.
@Suite struct CapacityBadgeTests {
    private struct DrawnBadge {
        var classes: Set<String>
        var text: String
    }

    /// The badges of the SVG drawn from `source` (lint errors such as `over-capacity` do not stop it here).
    private func badges(_ source: String) throws -> [DrawnBadge] {
        let svg = try renderSVG(blueprint(source))
        let document = try XMLDocument(data: Data(svg), options: [])
        return try document.nodes(forXPath: "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' badge ')]").compactMap { node in
            guard let group = node as? XMLElement else { return nil }
            let classes = (group.attributes?.first { $0.localName == "class" }?.stringValue ?? "").split(separator: " ").map(String.init)
            let texts = try group.nodes(forXPath: ".//*[local-name()='text']").compactMap(\.stringValue)
            return DrawnBadge(classes: Set(classes), text: texts.joined(separator: " "))
        }
    }

    private func counter(demand: Int) -> String {
        counterService.replacingOccurrences(of: "demand 30/h", with: "demand \(demand)/h")
    }

    @Test func aStepWithServersCarriesItsUtilisationAndQueueWait() throws {
        let drawn = try badges(counterService)
        let utilisation = drawn.filter { $0.classes.contains("utilisation") }
        #expect(utilisation.map(\.text) == ["utilisation 83.3%"])
        #expect(utilisation.first?.classes == ["node", "badge", "utilisation"])
        // Erlang C: 7.0 minutes, beside the wait badge.
        #expect(drawn.filter { $0.classes.contains("queue-wait") }.map(\.text) == ["◔ queue 7m"])
        #expect(drawn.contains { $0.text == "takes 4–6m" })
        #expect(drawn.contains { $0.text.hasPrefix("◑ wait 0s–10m") })
    }

    /// The texts of the legend's parts (`legend.N`).
    private func legendTexts(_ source: String) throws -> [String] {
        let document = try XMLDocument(data: Data(try renderSVG(blueprint(source))), options: [])
        return try document.nodes(forXPath: "//*[local-name()='g'][starts-with(@id, 'legend.')]//*[local-name()='text']").compactMap(\.stringValue)
    }

    @Test func theLegendExplainsTheCapacityBadgesOnlyWhereThereAreSome() throws {
        let legend = try legendTexts(counterService)
        #expect(legend.contains("Predicted queue wait") && legend.contains { $0.hasPrefix("Utilisation: to 85%") })
        let plain = try legendTexts(counterService.replacingOccurrences(of: "demand 30/h\n", with: ""))
        #expect(plain.contains("Moment of truth") && !plain.contains("Predicted queue wait"))
    }

    @Test func theUtilisationBadgeTakesTheColourOfItsThreshold() throws {
        // 34/h × 5m ÷ 3 is 94%: busy. 40/h is 111%: over capacity, and no queue settles.
        let busy = try badges(counter(demand: 34)).first { $0.classes.contains("utilisation") }
        #expect(busy?.classes.contains("busy") == true && busy?.text == "utilisation 94.4%")
        let over = try badges(counter(demand: 40))
        #expect(over.first { $0.classes.contains("utilisation") }?.classes.contains("over") == true)
        #expect(!over.contains { $0.classes.contains("queue-wait") })
    }

    @Test func triangularSpansAndChineseSpansPrintAsOneRange() throws {
        let triangular = try badges("blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\", takes 5m..8m..20m\na -> b\n")
        #expect(triangular.contains { $0.text == "takes 5–8–20m" })
        let chinese = try badges("blueprint \"X\"\nlocale zh-Hans\ncustomer a \"A\"\nfrontstage b \"B\", takes 5m..15m\na -> b\n")
        #expect(chinese.contains { $0.text == "用时 5–15分钟" })
    }

    @Test func withoutDemandNoStepCarriesCapacityBadges() throws {
        let drawn = try badges(counterService.replacingOccurrences(of: "demand 30/h\n", with: ""))
        #expect(!drawn.isEmpty && drawn.allSatisfy { $0.classes == ["node", "badge"] })
    }
}
