import BlueprintDiagnostics

/// What a rule is: its id, default severity and the help text that
/// `blueprint rules`, `lint --explain` and SARIF rule metadata print.
public struct RuleDescriptor: Hashable, Sendable {
    public var id: RuleID
    public var defaultSeverity: Severity
    /// One line: what the rule finds.
    public var summary: String
    /// A short paragraph: why it matters and how to fix it.
    public var explanation: String
    /// A blueprint fragment the rule reports.
    public var badExample: String
    /// The same fragment, fixed.
    public var goodExample: String
    /// The summary and explanation in the other languages; the English ones are above.
    public var translations: [MessageLanguage: RuleText]

    public init(id: RuleID, defaultSeverity: Severity, summary: String, explanation: String, badExample: String, goodExample: String,
                translations: [MessageLanguage: RuleText] = [:]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.badExample = badExample
        self.goodExample = goodExample
        self.translations = translations
    }

    /// The summary in `language`, or in English when it has no translation.
    public func summary(in language: MessageLanguage) -> String {
        translations[language]?.summary ?? summary
    }

    public func explanation(in language: MessageLanguage) -> String {
        translations[language]?.explanation ?? explanation
    }
}

/// A rule's summary and explanation in one language.
public struct RuleText: Hashable, Sendable {
    public var summary: String
    public var explanation: String

    public init(summary: String, explanation: String) {
        self.summary = summary
        self.explanation = explanation
    }
}
