import BlueprintLayout
import BlueprintModel
@testable import BlueprintRender
import Foundation
import Testing

/// Long custom lane and line titles wrap inside the title column without running into each other.
@Suite struct LineTitleTests {
    @Test func aWrappedLineTitleStaysAboveTheLaneTitleBelowIt() throws {
        let source = """
            blueprint "Long titles"
            line visibility "The line of visibility between what the customer sees and what happens behind"
            line internal "Line of internal interaction with shared services and suppliers"
            lane frontstage "Frontstage staff actions at the counter and on the phone"
            customer a "A"
            frontstage b "B"
            backstage c "C"
            support d "D"
            a -> b -> c
            d ..> c
            """
        let svg = String(decoding: try renderSVG(blueprint(source)), as: UTF8.self)
        for (line, laneBelow, laneAbove) in [("visibility", "backstage", "frontstage"), ("internal", "support", "backstage")] {
            let title = textBaselines(ofGroup: "line-\(line)-title", in: svg)
            #expect(title.count >= 2, "the \(line) title does not wrap")
            let below = try #require(textBaselines(ofGroup: "lane-\(laneBelow)-title", in: svg).first)
            let above = try #require(textBaselines(ofGroup: "lane-\(laneAbove)-title", in: svg).last)
            // A line of 10-point text: the next text starts a line height further down.
            #expect(below - title.last! >= TextStyles.lineTitle.lineHeight, "the \(line) title runs into the \(laneBelow) lane's title")
            #expect(title.first! - above >= TextStyles.lineTitle.lineHeight, "the \(line) title runs into the \(laneAbove) lane's title")
        }
    }
}
