import Foundation
import Testing

/// docs/RULES.md cannot drift from the tool: the part of it between the two markers is exactly what
/// `blueprint rules` and `blueprint rules RULE` print, put into Markdown by `RulesDocumentation`.
///
/// After changing a rule, write the part again with
///
///     BLUEPRINT_UPDATE_RULES_DOC=1 swift test --filter RulesDocumentation
///
/// and review the diff of docs/RULES.md.
@Suite struct RulesDocumentationTests {
    @Test func theGeneratedPartOfRulesMarkdownIsWhatTheCommandPrints() async throws {
        let url = Blueprint.packageRoot.appendingPathComponent("docs/RULES.md")
        let document = try String(contentsOf: url, encoding: .utf8)
        let parts = try #require(RulesDocumentation.split(document), "docs/RULES.md has the two markers, in order")
        let expected = try await RulesDocumentation.generated()
        if parts.generated != expected, ProcessInfo.processInfo.environment["BLUEPRINT_UPDATE_RULES_DOC"] == "1" {
            try (parts.before + expected + parts.after).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        // Compared first, so that a failure prints where the texts part rather than both of them whole.
        let same = parts.generated == expected
        #expect(same, """
            docs/RULES.md differs from `blueprint rules` \(RulesDocumentation.firstDifference(parts.generated, expected)); \
            run BLUEPRINT_UPDATE_RULES_DOC=1 swift test --filter RulesDocumentation and review the diff
            """)
    }

    @Test func everyRuleIsInTheTableAndHasItsOwnSection() async throws {
        let rules = try await RulesDocumentation.table().rows.map(\.rule)
        #expect(rules.count >= 20, "\(rules)")
        #expect(rules.contains("promise-broken") && rules.contains("syntax"))
        let generated = try await RulesDocumentation.generated()
        for rule in rules {
            #expect(generated.contains("| [`\(rule)`](#\(rule)) |"), "\(rule) has a row")
            #expect(generated.contains("\n### `\(rule)`\n"), "\(rule) has a section")
        }
    }

    @Test func invisibleCharactersAreSpelledOut() {
        #expect(RulesDocumentation.visible("Pays \u{202E}001 EUR\u{202C}\n") == "Pays \\u{202E}001 EUR\\u{202C}\n")
        #expect(RulesDocumentation.visible("a | b") == "a | b")
        #expect(RulesDocumentation.cell("a | b") == "a \\| b")
    }
}

/// How docs/RULES.md's generated part is made from the command's output.
enum RulesDocumentation {
    static let begin = "<!-- BEGIN generated from `blueprint rules` and `blueprint rules RULE` by RulesDocumentationTests: do not edit by hand -->\n"
    static let end = "<!-- END generated -->\n"

    struct Table {
        var header: (rule: String, severity: String, summary: String)
        var rows: [(rule: String, severity: String, summary: String)]
    }

    /// `blueprint rules` cut into its columns, which start where the header's words start.
    static func table() async throws -> Table {
        let result = try await Blueprint.run(["rules"])
        try #require(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        let severityColumn = try #require(header.range(of: "DEFAULT")).lowerBound
        let summaryColumn = try #require(header.range(of: "FINDS")).lowerBound
        let severityOffset = header.distance(from: header.startIndex, to: severityColumn)
        let summaryOffset = header.distance(from: header.startIndex, to: summaryColumn)
        func cells(_ line: String) -> (rule: String, severity: String, summary: String) {
            let characters = Array(line)
            func text(_ range: Range<Int>) -> String {
                String(characters[min(range.lowerBound, characters.count)..<min(range.upperBound, characters.count)])
                    .trimmingCharacters(in: .whitespaces)
            }
            return (text(0..<severityOffset), text(severityOffset..<summaryOffset), text(summaryOffset..<characters.count))
        }
        return Table(header: cells(header), rows: lines.dropFirst().map(cells))
    }

    /// The Markdown that stands between the markers: the table as a Markdown table whose rule names
    /// link to their sections, then a section per rule holding `blueprint rules RULE` as printed.
    static func generated() async throws -> String {
        let table = try await table()
        var text = "| \(cell(table.header.rule)) | \(cell(table.header.severity)) | \(cell(table.header.summary)) |\n"
        text += "| --- | --- | --- |\n"
        for row in table.rows {
            text += "| [`\(row.rule)`](#\(row.rule)) | \(cell(row.severity)) | \(cell(row.summary)) |\n"
        }
        text += "\n## The rules one by one\n"
        for row in table.rows {
            let result = try await Blueprint.run(["rules", row.rule])
            try #require(result.status == 0, "\(row.rule): \(result.standardError)")
            var explanation = visible(result.standardOutput)
            try #require(!explanation.contains("```"), "\(row.rule)'s explanation would close its code block")
            if !explanation.hasSuffix("\n") { explanation += "\n" }
            text += "\n### `\(row.rule)`\n\n```text\n" + explanation + "```\n"
        }
        return text
    }

    /// Format characters (bidirectional controls, zero-width characters) and control characters other
    /// than line ends written as `\u{…}`, the way the tool quotes them: the document shows what the
    /// examples hold instead of holding it.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .control where scalar != "\n":
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A table cell: `|` would end it.
    static func cell(_ text: String) -> String {
        visible(text).replacingOccurrences(of: "|", with: "\\|")
    }

    /// The document before the generated part (up to and with the begin marker), the generated part,
    /// and the rest (from the end marker).
    static func split(_ document: String) -> (before: String, generated: String, after: String)? {
        guard let start = document.range(of: begin),
              let finish = document.range(of: end, range: start.upperBound..<document.endIndex) else { return nil }
        return (String(document[..<start.upperBound]), String(document[start.upperBound..<finish.lowerBound]),
                String(document[finish.lowerBound...]))
    }

    /// Where two texts part, as a line number and both lines, for a failure message.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let have = index < actualLines.count ? String(actualLines[index]) : "(nothing)"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "(nothing)"
            if have != want { return "at line \(index + 1) of the generated part: the document has '\(have)', the tool prints '\(want)'" }
        }
        return "nowhere"
    }
}
