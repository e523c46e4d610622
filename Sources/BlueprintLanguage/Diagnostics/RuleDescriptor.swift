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

    public init(id: RuleID, defaultSeverity: Severity, summary: String, explanation: String, badExample: String, goodExample: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.badExample = badExample
        self.goodExample = goodExample
    }
}
