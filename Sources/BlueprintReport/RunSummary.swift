import BlueprintDiagnostics

/// The counts of a lint run and the sentence that closes the text and GitHub outputs.
package struct RunSummary: Hashable, Sendable {
    package var filesLinted: Int
    package var filesWithProblems: Int
    package var errors: Int
    package var warnings: Int

    package init(_ reports: [FileReport], filesLinted: Int) {
        self.filesLinted = filesLinted
        self.filesWithProblems = reports.count(where: \.hasDiagnostics)
        self.errors = reports.reduce(0) { $0 + $1.errorCount }
        self.warnings = reports.reduce(0) { $0 + $1.warningCount }
    }

    /// "2 errors and 1 warning in 2 of 3 files", "1 warning in 1 file", "No problems in 3 files".
    package var sentence: String {
        if errors == 0 && warnings == 0 {
            return filesLinted == 0 ? "No files linted" : "No problems in \(Self.counted(filesLinted, "file"))"
        }
        var problems: [String] = []
        if errors > 0 { problems.append(Self.counted(errors, "error")) }
        if warnings > 0 { problems.append(Self.counted(warnings, "warning")) }
        let files = filesWithProblems == filesLinted
            ? Self.counted(filesLinted, "file")
            : "\(filesWithProblems) of \(Self.counted(filesLinted, "file"))"
        return "\(problems.joined(separator: " and ")) in \(files)"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
