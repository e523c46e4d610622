import BlueprintDiagnostics

/// Turns the results of one lint run into the text to print in one output format.
/// The CLI picks a reporter and prints what it returns; reporters never write anywhere themselves.
package protocol DiagnosticReporter: Sendable {
    /// The complete output for `reports`, one per linted file (clean files included or not).
    /// `filesLinted` counts every file that was linted, which the summary and `files` report.
    /// Reporters sort files and diagnostics into spec order themselves (`ReportOrder`).
    func render(_ reports: [FileReport], filesLinted: Int) -> String
}

extension DiagnosticReporter {
    /// The output when every linted file has a report.
    package func render(_ reports: [FileReport]) -> String {
        render(reports, filesLinted: reports.count)
    }
}
