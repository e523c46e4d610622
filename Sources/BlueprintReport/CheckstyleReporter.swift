import BlueprintDiagnostics
import BlueprintEncoding

/// Checkstyle's XML, which Jenkins (Warnings NG), reviewdog and many CI systems read: one `<file>`
/// per linted file, one `<error>` per diagnostic (warnings too, with `severity="warning"`).
///
///     <checkstyle version="4.3">
///     <file name="flows.blueprint">
///     <error line="12" column="5" severity="error" message="flow refers to unknown step 'aproval'" source="blueprint.undefined-reference"/>
///     </file>
///     </checkstyle>
package struct CheckstyleReporter: DiagnosticReporter {
    package init() {}

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        var output = XMLText.declaration + "<checkstyle version=\"4.3\">\n"
        for report in ReportOrder.sorted(reports) {
            output += "<file name=\"\(XMLText.escaped(report.path))\">\n"
            for diagnostic in report.diagnostics {
                let position = diagnostic.position
                output += "<error line=\"\(position.line)\" column=\"\(position.column)\" severity=\"\(diagnostic.severity.rawValue)\""
                    + " message=\"\(XMLText.escaped(diagnostic.message(in: report.language)))\""
                    + " source=\"blueprint.\(XMLText.escaped(diagnostic.rule.rawValue))\"/>\n"
            }
            output += "</file>\n"
        }
        return output + "</checkstyle>\n"
    }
}
