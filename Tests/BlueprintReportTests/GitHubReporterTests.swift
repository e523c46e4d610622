import BlueprintLanguage
@testable import BlueprintReport
import Testing

@Suite struct GitHubReporterTests {
    @Test func twoFileExample() {
        #expect(GitHubReporter().render(ReportFixtures.twoFiles, filesLinted: 3) == """
            ::warning file=outage/flows.blueprint,line=2,col=10,title=disconnected-step::step 'report' is not joined to the journey
            ::error file=outage/flows.blueprint,line=3,col=11,title=undefined-reference::flow refers to unknown step 'aproval' (did you mean 'approval'?)
            ::error file=outage/申请.blueprint,line=2,col=21,title=invalid-attribute::emotion 3 is outside -2…2
            2 errors and 1 warning in 2 of 3 files

            """)
    }

    @Test func messageEscapesPercentAndLineEnds() {
        #expect(GitHubReporter.escapedData("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubReporter.escapedProperty("a,b:c%\n.blueprint") == "a%2Cb%3Ac%25%0A.blueprint")
    }

    @Test func escapedValuesAppearInTheCommand() {
        let report = ReportFixtures.report("x,y:z.blueprint", "", [
            ReportFixtures.diagnostic(.error, "syntax", "line one\nline two", line: 1, column: 1),
        ])
        let firstLine = GitHubReporter().render([report]).split(separator: "\n")[0]
        // A line feed in quoted file text never reaches the log: the message shows it as `\u{A}`.
        #expect(firstLine == "::error file=x%2Cy%3Az.blueprint,line=1,col=1,title=syntax::line one\\u{A}line two")
    }
}
