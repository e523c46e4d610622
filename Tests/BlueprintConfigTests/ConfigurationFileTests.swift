import BlueprintConfig
import BlueprintDiagnostics
import BlueprintLint
import Testing

@Suite struct ConfigurationFileTests {
    static let knownRules: [RuleID] = ["disconnected-step", "promise-untimed", "visibility-leak", "syntax"]

    private func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration {
        try ConfigurationFile.parse(text, path: ".blueprintlint.yml", knownRules: Self.knownRules)
    }

    /// The problems of a bad file, as `line:column message`.
    private func problems(_ text: String) -> [String] {
        do {
            _ = try parse(text)
            Issue.record("expected an error")
            return []
        } catch {
            #expect(error.path == ".blueprintlint.yml")
            return error.problems.map { problem in
                "\(problem.position.map { "\($0.line):\($0.column)" } ?? "-") \(problem.message)"
            }
        }
    }

    @Test func settingsAreRead() throws {
        let configuration = try parse("""
            # .blueprintlint.yml
            rules:
              disconnected-step: error     # error | warning | off
              promise-untimed: off
              visibility-leak: "warning"
            """)
        #expect(configuration.ruleSettings == ["disconnected-step": .error, "promise-untimed": .off, "visibility-leak": .warning])
        #expect(configuration.severity(of: "promise-untimed", default: .warning) == nil)
    }

    @Test(arguments: ["", "# nothing yet\n", "rules:\n", "rules:\n  # disconnected-step: off\n", "rules: {}\n"])
    func emptyFilesSetNothing(text: String) throws {
        #expect(try parse(text) == .default)
    }

    @Test func notYAML() {
        #expect(problems("rules:\n  disconnected-step: [error\n") == [
            "3:1 not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)",
        ])
    }

    @Test func rulesMustBeAMapping() {
        #expect(problems("rules: error\n") == ["1:8 'rules' must map rule ids to error, warning or off"])
        #expect(problems("- rules\n") == ["1:1 expected a mapping with a 'rules' key at the top level"])
    }

    @Test func misspeltSettingIsReportedWithASuggestion() {
        #expect(problems("rules:\n  disconnected-step: eror\n") == [
            "2:22 unknown setting 'eror' for rule 'disconnected-step' (did you mean 'error'?); use error, warning or off",
        ])
        #expect(problems("rules:\n  disconnected-step: warnign\n") == [
            "2:22 unknown setting 'warnign' for rule 'disconnected-step' (did you mean 'warning'?); use error, warning or off",
        ])
        #expect(problems("rules:\n  disconnected-step: false\n") == [
            "2:22 unknown setting 'false' for rule 'disconnected-step'; use error, warning or off",
        ])
    }

    @Test func misspeltRuleIsReportedWithASuggestion() {
        #expect(problems("rules:\n  disconected-step: off\n") == [
            "2:3 unknown rule 'disconected-step' (did you mean 'disconnected-step'?)",
        ])
    }

    @Test func everyProblemIsReportedAtOnce() {
        #expect(problems("""
            rule:
              syntax: off
            rules:
              promise-untimd: off
              visibility-leak:
              syntax: [off]
              disconnected-step: off
              disconnected-step: error
            """) == [
            "1:1 unknown key 'rule' (did you mean 'rules'?); the only key is 'rules'",
            "4:3 unknown rule 'promise-untimd' (did you mean 'promise-untimed'?)",
            "5:3 rule 'visibility-leak' has no setting; use error, warning or off",
            "6:11 rule 'syntax' must be set to error, warning or off, not a list",
            "8:3 rule 'disconnected-step' is set twice; the first setting is at line 7",
        ])
    }

    @Test func syntaxCannotBeSwitchedOffOrDowngraded() throws {
        #expect(problems("rules:\n  syntax: off\n") == [
            "2:11 rule 'syntax' cannot be set to off: a line with a syntax error is left out of the blueprint, so it is always an error",
        ])
        #expect(problems("rules:\n  syntax: warning\n").first?.hasPrefix("2:11 rule 'syntax' cannot be set to warning") == true)
        #expect(try parse("rules:\n  syntax: error\n").ruleSettings == ["syntax": .error])
    }

    @Test func descriptionNamesFileLineAndColumn() {
        let error = ConfigurationError(path: "sub/.blueprintlint.yml", problems: [
            .init(position: SourcePosition(line: 2, column: 22), message: "unknown setting 'eror'"),
            .init(position: nil, message: "cannot be read"),
        ])
        #expect(error.description == """
            sub/.blueprintlint.yml:2:22: error: unknown setting 'eror'
            sub/.blueprintlint.yml: error: cannot be read
            """)
    }
}
