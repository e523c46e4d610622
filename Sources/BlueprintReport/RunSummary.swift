import BlueprintDiagnostics

/// The counts of a lint run and the sentence that closes the text and GitHub outputs.
package struct RunSummary: Hashable, Sendable {
    package var filesLinted: Int
    package var filesWithProblems: Int
    package var errors: Int
    package var warnings: Int
    /// The language of the files' messages when they share one, else `fallback`: one language per screen.
    package var language: MessageLanguage

    /// `fallback` is what `--lang` asked for, if anything, else English.
    package init(_ reports: [FileReport], filesLinted: Int, fallback: MessageLanguage = .en) {
        self.filesLinted = filesLinted
        self.filesWithProblems = reports.count(where: \.hasDiagnostics)
        self.errors = reports.reduce(0) { $0 + $1.errorCount }
        self.warnings = reports.reduce(0) { $0 + $1.warningCount }
        let languages = Set(reports.map(\.language))
        self.language = languages.count == 1 ? languages.first! : fallback
    }

    /// "2 errors and 1 warning in 2 of 3 files", "1 warning in 1 file", "No problems in 3 files";
    /// "共1个错误，见于2个文件中的1个", "共2個錯誤和3個警告，見於1個檔案".
    package var sentence: String {
        let files = counted(filesLinted, one: .oneFile, many: .files)
        if errors == 0 && warnings == 0 {
            return filesLinted == 0 ? text(.noFilesLinted) : text(.noProblems, ["files": .message(files)])
        }
        var problems: [Message] = []
        if errors > 0 { problems.append(counted(errors, one: .oneError, many: .errors)) }
        if warnings > 0 { problems.append(counted(warnings, one: .oneWarning, many: .warnings)) }
        let problem = problems.count == 2
            ? Message(ReportMessage.bothProblems, ["first": .message(problems[0]), "second": .message(problems[1])])
            : problems[0]
        let place = filesWithProblems == filesLinted
            ? files
            : Message(ReportMessage.someOfFiles, ["some": .number(filesWithProblems), "files": .message(files)])
        return text(.problemsIn, ["problems": .message(problem), "files": .message(place)])
    }

    private func text(_ entry: ReportMessage, _ arguments: [String: MessageArgument] = [:]) -> String {
        Message(entry, arguments).text(in: language)
    }

    private func counted(_ count: Int, one: ReportMessage, many: ReportMessage) -> Message {
        count == 1 ? Message(one) : Message(many, ["count": .number(count)])
    }
}
