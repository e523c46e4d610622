import Foundation
import Testing

/// What a team adopting `blueprint lint` in CI relies on: colour and quiet output, empty inputs,
/// one way of writing paths, an explicit configuration, baselines, CI report formats, new rules.
@Suite struct LintWorkflowTests {
    @Test(.enabled(if: Terminal.isAvailable, "needs util-linux's script (Linux)"))
    func colourFollowsColorTermAndNoColor() async throws {
        let workspace = try Workspace(["warning.blueprint": warningFile])
        let escape = "\u{1B}["
        await #expect(try Terminal.run(["lint", "warning.blueprint"], in: workspace.url, environment: ["TERM": "xterm", "NO_COLOR": ""]).standardOutput.contains(escape))
        await #expect(!(try Terminal.run(["lint", "warning.blueprint"], in: workspace.url, environment: ["TERM": "dumb", "NO_COLOR": ""]).standardOutput.contains(escape)))
        await #expect(!(try Terminal.run(["lint", "--color", "never", "warning.blueprint"], in: workspace.url, environment: ["TERM": "xterm", "NO_COLOR": ""]).standardOutput.contains(escape)))
        await #expect(!(try Terminal.run(["lint", "warning.blueprint"], in: workspace.url, environment: ["TERM": "xterm", "NO_COLOR": "1"]).standardOutput.contains(escape)))
        // Through a pipe: only when asked for.
        #expect(try await Blueprint.run(["lint", "--color", "always", "warning.blueprint"], in: workspace.url).standardOutput.contains(escape))
        #expect(!(try await Blueprint.run(["lint", "warning.blueprint"], in: workspace.url).standardOutput.contains(escape)))
        // Every command takes --color.
        for command in [["render", "warning.blueprint"], ["fmt", "--check", "warning.blueprint"], ["rules"], ["init", "new"]] {
            let status = try await Blueprint.run(command + ["--color", "never"], in: workspace.url).status
            #expect(status == 0 || status == 1, "\(command)")
        }
    }

    @Test func quietPrintsOnlyTheDiagnostics() async throws {
        let workspace = try Workspace(["warning.blueprint": warningFile, "clean.blueprint": cleanFile])
        let quiet = try await Blueprint.run(["lint", "--quiet", "warning.blueprint", "clean.blueprint"], in: workspace.url)
        #expect(quiet.standardOutput.hasPrefix("warning.blueprint:4:9: warning:"))
        #expect(!quiet.standardOutput.contains("1 warning in"))
        #expect(try await Blueprint.run(["lint", "--quiet", "clean.blueprint"], in: workspace.url).standardOutput.isEmpty)
        let github = try await Blueprint.run(["lint", "--quiet", "--format", "github", "warning.blueprint"], in: workspace.url)
        #expect(github.standardOutput.split(separator: "\n").count == 1)
    }

    @Test func aFolderWithoutBlueprintsIsAMistakeUnlessAllowed() async throws {
        let workspace = try Workspace(["empty/notes.txt": "nothing here"])
        let empty = try await Blueprint.run(["lint", "empty/"], in: workspace.url)
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("no .blueprint files under empty/"))
        let allowed = try await Blueprint.run(["lint", "--allow-empty", "empty/"], in: workspace.url)
        #expect(allowed.status == 0)
        #expect(allowed.standardOutput.contains("No files linted"))
        #expect(try await Blueprint.run(["render", "empty", "--output-dir", "out"], in: workspace.url).status == 2)
    }

    @Test func pathsArePrintedTheSameWayInEveryFormat() async throws {
        let workspace = try Workspace(["cafe.blueprint": brokenFile, "sub/inner.blueprint": brokenFile])
        let expectations: [(String, [String])] = [
            ("text", ["\ncafe.blueprint:5:10:", "\nsub/inner.blueprint:5:10:"]),
            ("github", ["file=cafe.blueprint,", "file=sub/inner.blueprint,"]),
            ("json", [#""file":"cafe.blueprint""#, #""file":"sub/inner.blueprint""#]),
            ("sarif", [#""uri": "cafe.blueprint""#, #""uri": "sub/inner.blueprint""#]),
            ("checkstyle", [#"<file name="cafe.blueprint">"#, #"<file name="sub/inner.blueprint">"#]),
            ("junit", [#"<testsuite name="cafe.blueprint""#, #"<testsuite name="sub/inner.blueprint""#]),
            ("gitlab", [#""path": "cafe.blueprint""#, #""path": "sub/inner.blueprint""#]),
        ]
        for arguments in [["."], ["./"], ["./cafe.blueprint", ".//sub/./inner.blueprint"]] {
            for (format, expected) in expectations {
                let output = "\n" + (try await Blueprint.run(["lint", "--format", format] + arguments, in: workspace.url)).standardOutput
                for text in expected { #expect(output.contains(text), "\(format) \(arguments): \(text)") }
                #expect(!output.contains("./"), "\(format) \(arguments)")
            }
        }
    }

    @Test func configUsesThatFileInsteadOfTheNearest() async throws {
        let workspace = try Workspace([
            "project/.blueprintlint.yml": "rules:\n  disconnected-step: off\n",
            "project/warning.blueprint": warningFile,
            "ci/strict.yml": "rules:\n  disconnected-step: error\n",
        ])
        #expect(try await Blueprint.run(["lint", "project"], in: workspace.url).standardOutput.contains("No problems"))
        let strict = try await Blueprint.run(["lint", "--config", "ci/strict.yml", "project"], in: workspace.url)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("error: support step 'orphan'"))
        let missing = try await Blueprint.run(["lint", "--config", "ci/none.yml", "project"], in: workspace.url)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("ci/none.yml"))
        // render reads blueprints with the same options.
        #expect(try await Blueprint.run(["render", "--config", "ci/strict.yml", "project/warning.blueprint"], in: workspace.url).status == 1)
    }

    @Test func aBaselineHidesRecordedFindingsAfterLinesMove() async throws {
        let workspace = try Workspace(["a.blueprint": warningFile])
        let record = try await Blueprint.run(["lint", "--strict", "--write-baseline", "baseline.json", "a.blueprint"], in: workspace.url)
        #expect(record.status == 0, "recording is not failing: \(record.standardError)")
        #expect(try String(contentsOfFile: workspace.path("baseline.json"), encoding: .utf8).contains(#""rule":"disconnected-step","file":"a.blueprint""#))

        // Lines added above the finding: still recorded. A new finding: reported alone.
        try workspace.write("# A comment\n\n" + warningFile + "support spare \"Nobody calls this either\"\n", to: "a.blueprint")
        let later = try await Blueprint.run(["lint", "--strict", "--baseline", "baseline.json", "a.blueprint"], in: workspace.url)
        #expect(later.status == 1)
        #expect(later.standardOutput.contains("'spare'"))
        #expect(!later.standardOutput.contains("'orphan'"))
        #expect(later.standardOutput.contains("1 warning in 1 file"))

        let broken = try await Blueprint.run(["lint", "--baseline", "a.blueprint", "a.blueprint"], in: workspace.url)
        #expect(broken.status == 2)
        #expect(broken.standardError.contains("a.blueprint: error: not a blueprint baseline"))
        #expect(try await Blueprint.run(["lint", "--baseline", "none.json", "a.blueprint"], in: workspace.url).status == 2)
    }

    @Test func ciFormatsCheckstyleJUnitAndGitLab() async throws {
        let workspace = try Workspace(["broken.blueprint": brokenFile])
        let checkstyle = try await Blueprint.run(["lint", "--format", "checkstyle", "broken.blueprint"], in: workspace.url)
        #expect(checkstyle.status == 1)
        #expect(checkstyle.standardOutput.contains(#"<error line="5" column="10" severity="error" message="flow refers to unknown step 'prnt' (did you mean 'print'?)" source="blueprint.undefined-reference"/>"#))
        let junit = try await Blueprint.run(["lint", "--format", "junit", "broken.blueprint"], in: workspace.url)
        #expect(junit.standardOutput.contains(#"<testcase classname="broken.blueprint" name="undefined-reference at 5:10">"#))
        let gitlab = try await Blueprint.run(["lint", "--format", "gitlab", "broken.blueprint"], in: workspace.url)
        let issues = try JSONSerialization.jsonObject(with: Data(gitlab.standardOutput.utf8)) as? [[String: Any]]
        #expect(issues?.first?["check_name"] as? String == "undefined-reference")
    }

    @Test func theNewRulesAreListedExplainedAndReported() async throws {
        let rules = try await Blueprint.run(["rules"]).standardOutput
        for rule in ["duplicate-phase", "self-flow", "unnamed-phase"] {
            #expect(rules.contains("\n\(rule) "), "\(rule)")
            let explained = try await Blueprint.run(["rules", rule])
            #expect(explained.standardOutput.contains("\(rule) (default: warning)") && explained.standardOutput.contains("Bad:")
                && explained.standardOutput.contains("Good:"))
        }
        let workspace = try Workspace(["slips.blueprint": """
            blueprint "Slips"
            customer early "Written before the phases"
            phase "Ask"
              frontstage answer "Answers", takes 1m
            phase "Ask"
              frontstage again "Answers again", takes 1m
            early -> answer -> again -> again

            """])
        let result = try await Blueprint.run(["lint", "--format", "json", "slips.blueprint"], in: workspace.url)
        #expect(result.status == 0)
        for rule in ["unnamed-phase", "duplicate-phase", "self-flow"] {
            #expect(result.standardOutput.contains(#""rule":"\#(rule)""#), "\(rule)")
        }
    }
}
