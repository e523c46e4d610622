import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import Testing

/// Source text with position markers (1️⃣ 2️⃣ …) in the style of swift-format's
/// rule tests: the markers are removed and their line:column remembered.
struct MarkedSource {
    static let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    var text = ""
    var markers: [String: SourcePosition] = [:]

    init(_ marked: String) {
        var line = 1
        var column = 1
        for character in marked {
            let name = String(character)
            if Self.markerNames.contains(name) {
                markers[name] = SourcePosition(line: line, column: column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
    }
}

func lint(_ text: String, configuration: LintConfiguration = .default) -> [Diagnostic] {
    Linter(configuration: configuration).lint(LintContext(syntax: Parser.parse(SourceText(text)), source: SourceText(text))).diagnostics
}

/// Lints `marked` and expects diagnostics of `rule` exactly at the markers, in
/// marker order, each message containing the given text.
func expectFindings(
    _ rule: RuleID, in marked: String, _ expected: [(marker: String, message: String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = MarkedSource(marked)
    let found = lint(source.text).filter { $0.rule == rule }
    #expect(found.count == expected.count, "found \(found.map { "\($0.position): \($0.message)" })", sourceLocation: sourceLocation)
    for (diagnostic, expectation) in zip(found, expected) {
        guard let position = source.markers[expectation.marker] else {
            Issue.record("no marker \(expectation.marker)", sourceLocation: sourceLocation)
            continue
        }
        #expect(diagnostic.position.line == position.line && diagnostic.position.column == position.column,
                "\(diagnostic.message) at \(diagnostic.position), expected \(position)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(expectation.message), "message: \(diagnostic.message)", sourceLocation: sourceLocation)
    }
}

/// Lints `text` and expects no diagnostic of `rule`.
func expectNoFindings(_ rule: RuleID, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let found = lint(text).filter { $0.rule == rule }
    #expect(found.isEmpty, "unexpected: \(found.map { "\($0.position): \($0.message)" })", sourceLocation: sourceLocation)
}

