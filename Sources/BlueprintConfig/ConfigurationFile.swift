import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import Yams

/// Reads a `.blueprintlint.yml`:
///
///     rules:
///       disconnected-step: error     # error | warning | off
///       promise-untimed: off
///
/// Every problem in the file is reported at once, with its position and a "did you mean" for
/// misspelt keys, rule ids and settings. An empty file (or one with only comments) sets nothing.
package enum ConfigurationFile {
    /// The names looked for, `.yml` first. Both in one folder is an error rather than a silent choice.
    package static let fileNames = [".blueprintlint.yml", ".blueprintlint.yaml"]

    static let rulesKey = "rules"
    static let settingNames = RuleSetting.allCases.map(\.rawValue)
    static let expectedSettings = "error, warning or off"

    /// The configuration that `text`, read from `path`, describes. `knownRules` are the ids a
    /// setting may name.
    package static func parse(_ text: String, path: String, knownRules: [RuleID]) throws(ConfigurationError) -> LintConfiguration {
        if let problem = ConfigurationLimits.problem(in: text) { throw ConfigurationError(path: path, problems: [problem]) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(path: path, problems: [yamlProblem(error)])
        }
        var reader = Reader(knownRules: Set(knownRules.map(\.rawValue)))
        if let root { reader.readRoot(root) }
        guard reader.problems.isEmpty else { throw ConfigurationError(path: path, problems: reader.problems) }
        return LintConfiguration(ruleSettings: reader.settings)
    }

    /// Walks the document, collecting settings and problems.
    private struct Reader {
        let knownRules: Set<String>
        var settings: [RuleID: RuleSetting] = [:]
        var problems: [ConfigurationError.Problem] = []

        init(knownRules: Set<String>) {
            self.knownRules = knownRules
        }

        mutating func readRoot(_ root: Node) {
            guard let mapping = root.mapping else {
                return report("expected a mapping with a '\(rulesKey)' key at the top level", at: root)
            }
            var firstRulesLine: Int?
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    report("expected a key such as '\(rulesKey)'", at: key)
                    continue
                }
                guard name == rulesKey else {
                    report("unknown key '\(name)'\(Suggestion.hint(for: name, among: [rulesKey])); the only key is '\(rulesKey)'", at: key)
                    continue
                }
                if let firstRulesLine {
                    report("'\(rulesKey)' is given twice; the first is at line \(firstRulesLine)", at: key)
                    continue
                }
                firstRulesLine = key.mark?.line ?? 0
                readRules(value)
            }
        }

        private mutating func readRules(_ rules: Node) {
            // `rules:` with nothing under it (every line commented out, say) sets nothing.
            if rules.null != nil { return }
            guard let mapping = rules.mapping else {
                return report("'\(rulesKey)' must map rule ids to \(expectedSettings)", at: rules)
            }
            var firstLines: [String: Int] = [:]
            for (key, value) in mapping {
                guard let id = key.scalar?.string else {
                    report("expected a rule id", at: key)
                    continue
                }
                guard knownRules.contains(id) else {
                    report("unknown rule '\(id)'\(Suggestion.hint(for: id, among: knownRules.sorted()))", at: key)
                    continue
                }
                if let firstLine = firstLines[id] {
                    report("rule '\(id)' is set twice; the first setting is at line \(firstLine)", at: key)
                    continue
                }
                firstLines[id] = key.mark?.line ?? 0
                if let setting = readSetting(value, of: id, key: key) {
                    settings[RuleID(rawValue: id)] = setting
                }
            }
        }

        private mutating func readSetting(_ value: Node, of id: String, key: Node) -> RuleSetting? {
            guard let scalar = value.scalar else {
                report("rule '\(id)' must be set to \(expectedSettings), not a \(value.mapping != nil ? "mapping" : "list")", at: value)
                return nil
            }
            guard value.null == nil else {
                report("rule '\(id)' has no setting; use \(expectedSettings)", at: key)
                return nil
            }
            guard let setting = RuleSetting(rawValue: scalar.string) else {
                let hint = Suggestion.hint(for: scalar.string, among: settingNames)
                report("unknown setting '\(scalar.string)' for rule '\(id)'\(hint); use \(expectedSettings)", at: value)
                return nil
            }
            // A line the parser cannot read is lost from the blueprint, so its error cannot be waved through.
            if id == RuleID.syntax.rawValue && setting != .error {
                report("rule 'syntax' cannot be set to \(setting.rawValue): a line with a syntax error is left out of the blueprint, so it is always an error", at: value)
                return nil
            }
            return setting
        }

        private mutating func report(_ message: String, at node: Node) {
            problems.append(ConfigurationError.Problem(position: node.mark.map(Self.position), message: message))
        }

        private static func position(of mark: Mark) -> SourcePosition {
            SourcePosition(line: mark.line, column: mark.column)
        }
    }

    /// A YAML syntax error at the position libyaml gives (its columns, like ours, count scalars).
    private static func yamlProblem(_ error: any Error) -> ConfigurationError.Problem {
        guard let yamlError = error as? YamlError else {
            return ConfigurationError.Problem(position: nil, message: "not valid YAML: \(error)")
        }
        let located: (context: YamlError.Context?, problem: String, mark: Mark)?
        if case let .scanner(context, problem, mark, _) = yamlError {
            located = (context, problem, mark)
        } else if case let .parser(context, problem, mark, _) = yamlError {
            located = (context, problem, mark)
        } else if case let .composer(context, problem, mark, _) = yamlError {
            located = (context, problem, mark)
        } else {
            located = nil
        }
        guard let located else {
            return ConfigurationError.Problem(position: nil, message: "not valid YAML: \(yamlError)")
        }
        let context = located.context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
        return ConfigurationError.Problem(
            position: SourcePosition(line: located.mark.line, column: located.mark.column),
            message: "not valid YAML: \(located.problem)\(context)"
        )
    }
}
