import BlueprintDiagnostics
import BlueprintEncoding

/// JUnit XML, which GitLab, Jenkins, Azure Pipelines and CircleCI show as test results: a
/// `<testsuite>` per linted file; a clean file is one passing test case, and every diagnostic
/// (warnings included, `type="warning"`) is a failing one named after its rule and line.
package struct JUnitReporter: DiagnosticReporter {
    package init() {}

    package func render(_ reports: [FileReport], filesLinted: Int) -> String {
        let sorted = ReportOrder.sorted(reports)
        let failures = sorted.reduce(0) { $0 + $1.diagnostics.count }
        let tests = sorted.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        var output = XMLText.declaration
            + "<testsuites name=\"blueprint lint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        for report in sorted {
            let path = XMLText.escaped(report.path)
            let count = report.diagnostics.count
            output += "  <testsuite name=\"\(path)\" tests=\"\(max(1, count))\" failures=\"\(count)\" errors=\"0\">\n"
            if report.diagnostics.isEmpty {
                output += "    <testcase classname=\"\(path)\" name=\"lint\"/>\n"
            }
            for diagnostic in report.diagnostics {
                let position = diagnostic.position
                let message = diagnostic.message(in: report.language)
                let location = "\(report.path):\(position.line):\(position.column)"
                output += "    <testcase classname=\"\(path)\" name=\"\(XMLText.escaped("\(diagnostic.rule) at \(position.line):\(position.column)"))\">\n"
                output += "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLText.escaped(message))\">"
                    + XMLText.escaped("\(location): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.rule)]") + "</failure>\n"
                output += "    </testcase>\n"
            }
            output += "  </testsuite>\n"
        }
        return output + "</testsuites>\n"
    }
}
