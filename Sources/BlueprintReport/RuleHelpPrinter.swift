import BlueprintDiagnostics
import BlueprintLint

/// The text of `blueprint rules` and `blueprint lint --explain RULE`.
package enum RuleHelpPrinter {
    /// One row per rule, in the order given, under a header:
    ///
    ///     RULE                 DEFAULT  FINDS
    ///     duplicate-id         error    two steps or evidence items with one id
    package static func table(_ rules: [RuleDescriptor], language: MessageLanguage = .en) -> String {
        let header = (rule: "RULE", severity: "DEFAULT", summary: "FINDS")
        let ruleWidth = rules.map(\.id.rawValue.count).reduce(header.rule.count, max)
        let severityWidth = Severity.allCases.map(\.rawValue.count).reduce(header.severity.count, max)
        func row(_ rule: String, _ severity: String, _ summary: String) -> String {
            padded(rule, to: ruleWidth) + "  " + padded(severity, to: severityWidth) + "  " + summary + "\n"
        }
        return rules.reduce(row(header.rule, header.severity, header.summary)) { table, rule in
            table + row(rule.id.rawValue, rule.defaultSeverity.rawValue, rule.summary(in: language))
        }
    }

    /// Everything about one rule: id and default severity, what it finds, why, and the examples.
    package static func explanation(of rule: RuleDescriptor, language: MessageLanguage = .en) -> String {
        let words = Message(ReportMessage.ruleHeading, ["rule": .text(rule.id.rawValue), "severity": .text(rule.defaultSeverity.rawValue)])
        return """
        \(words.text(in: language))

        \(rule.summary(in: language))

        \(rule.explanation(in: language))

        \(Message(ReportMessage.bad).text(in: language))
        \(indented(rule.badExample))

        \(Message(ReportMessage.good).text(in: language))
        \(indented(rule.goodExample))

        """
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    " + $0 }
            .joined(separator: "\n")
    }
}
