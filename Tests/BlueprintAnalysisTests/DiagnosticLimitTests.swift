import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import Testing

/// A file keeps its first `Linter.diagnosticLimit` diagnostics and counts the rest, so that linting a
/// million faults costs memory in proportion to the file, not to the faults.
@Suite struct DiagnosticLimitTests {
    private let limit = Linter.diagnosticLimit

    @Test func syntaxErrorsPastTheLimitAreCountedNotKept() {
        let text = "blueprint \"Junk\"\n" + String(repeating: "@\n", count: limit + 5)
        let document = Document(path: "junk.blueprint", text: text)
        #expect(document.syntax.diagnostics.count == SyntaxTree.errorLimit)
        #expect(document.syntax.omittedErrorCount == limit + 5 - SyntaxTree.errorLimit)
        #expect(document.diagnostics.count == limit)
        #expect(document.diagnostics.allSatisfy { $0.rule == .syntax })
        #expect(document.omittedDiagnostics == DiagnosticCounts(errors: 5))
        #expect(document.hasErrors)
        // What the uncounted lines may have declared is unknown: no "no customer step" guess.
        #expect(!document.diagnostics.contains { $0.rule == "no-customer" })
        #expect(document.report().errorCount == limit + 5)
    }

    @Test func warningsPastTheLimitAreCountedBySeverity() {
        var text = "blueprint \"Islands\"\ncustomer start \"Starts\"\nfrontstage greet \"Greets\"\nstart -> greet\n"
        for index in 0..<(limit + 20) { text += "support s\(index) \"Island \(index)\"\n" }
        let document = Document(path: "islands.blueprint", text: text)
        #expect(document.diagnostics.count == limit)
        #expect(document.diagnostics.allSatisfy { $0.rule == "disconnected-step" && $0.severity == .warning })
        #expect(document.omittedDiagnostics == DiagnosticCounts(warnings: 20))
        #expect(!document.hasErrors)
        // The kept ones are the first in the file, each with its "ignore on this line" fix.
        #expect(document.diagnostics.last?.range.start.line == 5 + limit - 1)
        #expect(document.diagnostics.allSatisfy { $0.fixes.contains { $0.kind == .suppression } })
        let report = document.report()
        #expect(report.warningCount == limit + 20 && report.errorCount == 0)
    }

    @Test func anErrorPastTheLimitStillFailsTheFile() {
        var text = "blueprint \"Islands\"\ncustomer start \"Starts\"\nfrontstage greet \"Greets\"\nstart -> greet\n"
        for index in 0..<limit { text += "support s\(index) \"Island \(index)\"\n" }
        text += "start -> nowhere\n"
        let document = Document(path: "islands.blueprint", text: text)
        #expect(document.diagnostics.count == limit)
        #expect(!document.diagnostics.contains { $0.severity == .error })
        #expect(document.omittedDiagnostics == DiagnosticCounts(errors: 1))
        #expect(document.hasErrors)
    }

    @Test func ignoredFindingsAreNeitherKeptNorCounted() {
        var text = "# lint: ignore disconnected-step\nblueprint \"Islands\"\ncustomer start \"Starts\"\nfrontstage greet \"Greets\"\nstart -> greet\n"
        for index in 0..<(limit + 20) { text += "support s\(index) \"Island \(index)\"\n" }
        let document = Document(path: "islands.blueprint", text: text)
        #expect(document.diagnostics.isEmpty)
        #expect(document.omittedDiagnostics == DiagnosticCounts())
    }

    @Test func findingsKeepTheFirstAndCountTheRest() {
        var findings = Findings(limit: 2)
        for line in 1...5 { findings.append(Finding(.verbatim("f\(line)"), at: SourceRange(at: SourcePosition(line: line, column: 1)))) }
        findings.countOmitted(4)
        #expect(findings.kept.map(\.range.start.line) == [1, 2])
        #expect(findings.omitted == 7 && findings.count == 9)
    }
}
