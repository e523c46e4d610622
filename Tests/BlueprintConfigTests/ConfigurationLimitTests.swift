import BlueprintConfig
import BlueprintLanguage
import Testing

/// Configurations that would overflow Yams's stack, or are too large to be one, are refused first (issue #11).
@Suite struct ConfigurationLimitTests {
    private func problems(_ text: String) -> [String] {
        do {
            _ = try ConfigurationFile.parse(text, path: ".blueprintlint.yml", knownRules: ["disconnected-step"])
            return []
        } catch {
            return error.problems.map { problem in
                "\(problem.position.map { "\($0.line):\($0.column)" } ?? "-") \(problem.message)"
            }
        }
    }

    static let tooDeep = "nested more than 32 levels deep; a configuration needs two ('rules' and its rule ids)"

    @Test func deepFlowSequencesAreRefusedAtTheBracketTooMany() {
        let depth = 4_700
        let text = "rules: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        // `rules` is one level; the 32nd bracket makes 33.
        #expect(problems(text) == ["1:39 \(Self.tooDeep)"])
    }

    /// Issue #20: with CRLF line ends and a comment first, the whole file read as one comment line.
    @Test func crlfLineEndsDoNotHideTheNesting() {
        let text = "# settings\r\nrules:\r\n  promise-untimed: " + String(repeating: "[", count: 100_000) + "\r\n"
        #expect(problems(text) == ["3:50 \(Self.tooDeep)"])
    }

    @Test func deepFlowMappingsOverSeveralLinesAreRefused() {
        let text = "rules:\n" + String(repeating: "  {a:\n", count: 5_000)
        #expect(problems(text).first?.hasSuffix(Self.tooDeep) == true)
    }

    @Test func deepBlockMappingsAreRefusedAtTheLineTooDeep() {
        let text = (0..<1_000).map { String(repeating: "  ", count: $0) + "a:\n" }.joined()
        #expect(problems(text) == ["33:65 \(Self.tooDeep)"])
    }

    @Test func deepSequencesOnOneLineAreRefused() {
        let text = "rules:\n  " + String(repeating: "- ", count: 100) + "x\n"
        #expect(problems(text) == ["2:63 \(Self.tooDeep)"])
    }

    @Test func bracketsInQuotesAndCommentsDoNotCount() {
        let brackets = String(repeating: "[", count: 40)
        let text = "rules:  # \(brackets)\n  disconnected-step: \"\(brackets)\"\n  'it''s': '\(brackets)'\n"
        #expect(problems(text) == [
            "2:22 unknown setting '\(brackets)' for rule 'disconnected-step'; use error, warning or off",
            "3:3 unknown rule 'it's'",
        ])
    }

    @Test func aFileOverOneMebibyteIsRefused() {
        let line = "# " + String(repeating: "x", count: 1_021) + "\n"
        let text = "rules:\n" + String(repeating: line, count: 1_024)
        // Byte 1,048,576 is on the 1,025th comment line, after its first 1,017 bytes.
        #expect(problems(text) == ["1025:1018 the file is larger than 1 MiB, the limit for a configuration file"])
    }
}
