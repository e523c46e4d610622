import BlueprintDiagnostics

/// The order of spec section 8: files by path as printed, in code-point order; within a file,
/// diagnostics by line, column, rule id and message.
package enum ReportOrder {
    package static func sorted(_ reports: [FileReport]) -> [FileReport] {
        reports
            .sorted { pathPrecedes($0.path, $1.path) }
            .map { report in
                var sortedReport = report
                sortedReport.diagnostics.sort(by: Diagnostic.sortedOrder)
                return sortedReport
            }
    }

    /// Code-point order. `String.<` compares canonically equivalent forms as equal and orders
    /// by normalised scalars, so an NFD path (as macOS file systems hand out) could sort differently.
    package static func pathPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
    }
}
