/// The diagnostics of one linted file, with its text for printing source lines.
public struct FileReport: Sendable {
    /// The path as the user gave it (or folder + "/" + relative path).
    public var path: String
    public var source: SourceText
    /// Sorted by line, column, rule, message.
    public var diagnostics: [Diagnostic]
    /// Found past the diagnostic limit: counted, not listed.
    public var omitted: DiagnosticCounts
    /// The language its messages are printed in.
    public var language: MessageLanguage

    public init(path: String, source: SourceText, diagnostics: [Diagnostic], omitted: DiagnosticCounts = DiagnosticCounts(),
                language: MessageLanguage = .en) {
        self.path = path
        self.source = source
        self.diagnostics = diagnostics
        self.omitted = omitted
        self.language = language
    }

    /// Listed and omitted.
    public var errorCount: Int { omitted.errors + diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { omitted.warnings + diagnostics.count { $0.severity == .warning } }
    public var hasDiagnostics: Bool { !diagnostics.isEmpty || omitted.total > 0 }
}
