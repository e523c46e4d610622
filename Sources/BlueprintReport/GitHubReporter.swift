import BlueprintDiagnostics

/// GitHub Actions workflow commands, which the runner turns into annotations on the changed files:
///
///     ::error file=flows.blueprint,line=12,col=5,title=undefined-reference::flow refers to unknown step 'aproval'
///
/// followed by the summary as a plain log line. GitHub shows at most 10 annotations of each
/// severity per step (50 per job); the log keeps every line.
package struct GitHubReporter: DiagnosticReporter {
    /// Whether the closing sentence is printed after the annotations.
    package var printsSummary: Bool

    /// The summary's language when the reports do not give one (no file was linted).
    package var summaryLanguage: MessageLanguage = .en

    package init(printsSummary: Bool = true) {
        self.printsSummary = printsSummary
    }

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var output = ""
        for report in ReportOrder.sorted(reports) {
            for diagnostic in report.diagnostics {
                let properties = [
                    ("file", report.path),
                    ("line", String(diagnostic.position.line)),
                    ("col", String(diagnostic.position.column)),
                    ("title", diagnostic.rule.rawValue),
                ]
                .map { name, value in "\(name)=\(Self.escapedProperty(value))" }
                .joined(separator: ",")
                output += "::\(diagnostic.severity.rawValue) \(properties)::\(Self.escapedData(diagnostic.message(in: report.language)))\n"
            }
        }
        guard printsSummary else { return output }
        return output + RunSummary(reports, filesLinted: filesLinted, fallback: summaryLanguage).sentence + "\n"
    }

    /// The message after `::`, escaped as `@actions/core` does, so a line end cannot end the command.
    static func escapedData(_ text: String) -> String {
        escaped(text, dataEscapes)
    }

    /// A `name=value` property: also `:` and `,`, which would end the value.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, propertyEscapes)
    }

    private static let dataEscapes: [Unicode.Scalar: String] = ["%": "%25", "\r": "%0D", "\n": "%0A"]
    private static let propertyEscapes = dataEscapes.merging([":": "%3A", ",": "%2C"]) { first, _ in first }

    /// Works on scalars: as Characters, "\r\n" is one grapheme that matches neither "\r" nor "\n".
    private static func escaped(_ text: String, _ escapes: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let escape = escapes[scalar] {
                result += escape
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
