import BlueprintDiagnostics

/// How a configuration file sets a rule: a severity, or off.
public enum RuleSetting: String, Hashable, Sendable, CaseIterable {
    case error
    case warning
    case off
}

/// Severity overrides for rules, as read from a `.blueprintlint.yml`.
public struct LintConfiguration: Hashable, Sendable {
    public var ruleSettings: [RuleID: RuleSetting]

    public init(ruleSettings: [RuleID: RuleSetting] = [:]) {
        self.ruleSettings = ruleSettings
    }

    public static let `default` = LintConfiguration()

    /// The severity a diagnostic of `rule` is reported with, or nil when the rule is off.
    public func severity(of rule: RuleID, default defaultSeverity: Severity) -> Severity? {
        switch ruleSettings[rule] {
        case nil: defaultSeverity
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
