/// The diagnostics of one linted file, with its text for printing source lines.
public struct FileReport: Sendable {
    /// The path as the user gave it (or folder + "/" + relative path).
    public var path: String
    public var source: SourceText
    /// Sorted by line, column, rule, message.
    public var diagnostics: [Diagnostic]
    /// The language its messages are printed in.
    public var language: MessageLanguage

    public init(path: String, source: SourceText, diagnostics: [Diagnostic], language: MessageLanguage = .en) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
        self.language = language
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
