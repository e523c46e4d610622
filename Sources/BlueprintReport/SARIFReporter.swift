import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLint

/// SARIF 2.1.0, in the subset GitHub code scanning reads: one run whose driver lists every rule
/// with its help, and one result per diagnostic with a region and a `primaryLocationLineHash`.
package struct SARIFReporter: DiagnosticReporter {
    package static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// GitHub cuts rule descriptions longer than this.
    static let descriptionLimit = 1024

    /// Every rule the linter has, not only those reported: code scanning shows rule help from here.
    package var rules: [RuleDescriptor]
    package var toolVersion: String
    package var informationURI: String?

    package init(rules: [RuleDescriptor], toolVersion: String, informationURI: String? = nil) {
        self.rules = rules
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var ruleIndices: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndices[rule.id] == nil {
            ruleIndices[rule.id] = index
        }
        let results = ReportOrder.sorted(reports).flatMap { report in
            let fingerprints = report.diagnostics.isEmpty
                ? [] : LineFingerprint.hashes(of: String(decoding: report.source.bytes, as: UTF8.self))
            return report.diagnostics.map { diagnostic in
                result(for: diagnostic, in: report, ruleIndex: ruleIndices[diagnostic.rule], fingerprints: fingerprints)
            }
        }
        let driver = JSONValue([
            "name": .string("blueprint"),
            "version": .string(toolVersion),
            "informationUri": informationURI.map(JSONValue.string),
            "rules": .array(rules.map(descriptor)),
        ])
        let run = JSONValue([
            "tool": JSONValue(["driver": driver]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ])
        let log = JSONValue([
            "$schema": .string(Self.schemaURI),
            "version": .string("2.1.0"),
            "runs": .array([run]),
        ])
        return log.serialized(pretty: true) + "\n"
    }

    private func descriptor(for rule: RuleDescriptor) -> JSONValue {
        JSONValue([
            "id": .string(rule.id.rawValue),
            "name": .string(Self.pascalCase(rule.id.rawValue)),
            "shortDescription": JSONValue(["text": .string(Self.limited(rule.summary))]),
            "fullDescription": JSONValue(["text": .string(Self.limited(rule.explanation))]),
            "help": JSONValue([
                "text": .string(RuleHelpPrinter.explanation(of: rule)),
                "markdown": .string(Self.markdownHelp(for: rule)),
            ]),
            "defaultConfiguration": JSONValue(["level": .string(rule.defaultSeverity.rawValue)]),
            "properties": JSONValue([
                "tags": .array([.string("blueprint")]),
                // The rules check what is written, they do not guess: a report is never a false alarm.
                "precision": .string("very-high"),
                "problem.severity": .string(rule.defaultSeverity.rawValue),
            ]),
        ])
    }

    private func result(for diagnostic: Diagnostic, in report: FileReport, ruleIndex: Int?, fingerprints: [String]) -> JSONValue {
        let start = diagnostic.position
        let end = regionEnd(of: diagnostic, in: report.source)
        let region = JSONValue([
            "startLine": .int(start.line),
            "startColumn": .int(start.column),
            "endLine": .int(end.line),
            "endColumn": .int(end.column),
        ])
        let location = JSONValue([
            "physicalLocation": JSONValue([
                "artifactLocation": JSONValue(["uri": .string(ArtifactURI.make(fromPath: report.path))]),
                "region": region,
            ]),
        ])
        let fingerprint = fingerprints.indices.contains(start.line - 1) ? fingerprints[start.line - 1] : nil
        let artifact = JSONValue(["uri": .string(ArtifactURI.make(fromPath: report.path))])
        let language = report.language
        let related = diagnostic.related.enumerated().map { index, related in
            JSONValue([
                "id": .int(index),
                "physicalLocation": JSONValue(["artifactLocation": artifact, "region": Self.region(related.range)]),
                "message": JSONValue(["text": .string(related.message.text(in: language))]),
            ])
        }
        let fixes = diagnostic.fixes.map { fix in
            JSONValue([
                "description": JSONValue(["text": .string(fix.title.text(in: language))]),
                "artifactChanges": .array([JSONValue([
                    "artifactLocation": artifact,
                    "replacements": .array(fix.edits.map { edit in
                        JSONValue(["deletedRegion": Self.region(edit.range), "insertedContent": JSONValue(["text": .string(edit.replacement)])])
                    }),
                ])]),
            ])
        }
        return JSONValue([
            "ruleId": .string(diagnostic.rule.rawValue),
            "ruleIndex": ruleIndex.map(JSONValue.int),
            "level": .string(diagnostic.severity.rawValue),
            "message": JSONValue(["text": .string(diagnostic.message(in: language))]),
            "locations": .array([location]),
            "relatedLocations": related.isEmpty ? nil : .array(related),
            "fixes": fixes.isEmpty ? nil : .array(fixes),
            "partialFingerprints": fingerprint.map { JSONValue(["primaryLocationLineHash": .string($0)]) },
        ])
    }

    /// A region as SARIF writes it; `endColumn` is exclusive, like our ranges.
    private static func region(_ range: SourceRange) -> JSONValue {
        JSONValue([
            "startLine": .int(range.start.line),
            "startColumn": .int(range.start.column),
            "endLine": .int(range.end.line),
            "endColumn": .int(range.end.column),
        ])
    }

    /// SARIF's `endColumn` is the column after the region, like our half-open ranges. A diagnostic
    /// at a point gets the one character there, so code scanning has something to highlight.
    private func regionEnd(of diagnostic: Diagnostic, in source: SourceText) -> SourcePosition {
        let range = diagnostic.range
        if range.end > range.start { return range.end }
        let lineLength = source.lineText(range.start.line).unicodeScalars.count
        let column = range.start.column <= lineLength ? range.start.column + 1 : range.start.column
        return SourcePosition(line: range.start.line, column: column)
    }

    /// Markdown help with the examples in fences longer than any run of backticks inside them.
    static func markdownHelp(for rule: RuleDescriptor) -> String {
        func fenced(_ code: String) -> String {
            var longestRun = 0, run = 0
            for character in code {
                run = character == "`" ? run + 1 : 0
                longestRun = max(longestRun, run)
            }
            let fence = String(repeating: "`", count: max(3, longestRun + 1))
            return "\(fence)\n\(code)\n\(fence)"
        }
        return """
            \(rule.summary)

            \(rule.explanation)

            **Bad:**

            \(fenced(rule.badExample))

            **Good:**

            \(fenced(rule.goodExample))
            """
    }

    /// `disconnected-step` → `DisconnectedStep`: SARIF wants a rule name that reads as an identifier.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func limited(_ text: String) -> String {
        guard text.count > descriptionLimit else { return text }
        return String(text.prefix(descriptionLimit - 1)) + "…"
    }
}
