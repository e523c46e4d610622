import BlueprintTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `blueprint diff`: exit codes, `--fail-on`, errors with their position, the formats, colour only
/// when asked, and `--git` against a real repository.
@Suite struct DiffCommandTests {
    private static let old = """
    blueprint "Repair"
    promise "Fixed in 1h" from report to fix within 1h
    customer report "Report a fault"
    frontstage fix "Fix it", takes 30m
    report -> fix
    """

    private static let slower = old.replacingOccurrences(of: "takes 30m", with: "takes 2h")

    @Test func identicalFilesHaveNoChangesAndExitZero() async throws {
        let workspace = try Workspace(["a.blueprint": Self.old, "b.blueprint": Self.old])
        let result = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--fail-on", "any"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.standardOutput == "Changes from a.blueprint to b.blueprint\nNo changes.\n")
    }

    @Test func failOnSetsTheExitCode() async throws {
        let workspace = try Workspace(["a.blueprint": Self.old, "b.blueprint": Self.slower])
        let plain = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint"], in: workspace.url)
        #expect(plain.status == 0)
        #expect(plain.standardOutput.contains("~ \"Fixed in 1h\": worst case 30m → 2h within 1h, kept → broken"))
        for condition in ["broken-promise", "new-error", "any"] {
            let result = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--fail-on", condition], in: workspace.url)
            #expect(result.status == 1, "\(condition)")
        }
        // The other way round, the change mends the promise.
        let mended = try await Blueprint.run(["diff", "b.blueprint", "a.blueprint", "--fail-on", "broken-promise"], in: workspace.url)
        #expect(mended.status == 0)
        let bad = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--fail-on", "sometimes"], in: workspace.url)
        #expect(bad.status == 2)
    }

    @Test func aSyntaxErrorOnEitherSideIsAClearError() async throws {
        let broken = Self.old.replacingOccurrences(of: "frontstage fix", with: "frontstage fix fix")
        let workspace = try Workspace(["good.blueprint": Self.old, "bad.blueprint": broken])
        for arguments in [["bad.blueprint", "good.blueprint"], ["good.blueprint", "bad.blueprint"]] {
            let result = try await Blueprint.run(["diff"] + arguments, in: workspace.url)
            #expect(result.status == 2)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.hasPrefix("bad.blueprint:4:"), "\(result.standardError)")
            #expect(result.standardError.contains(": error: "))
        }
        let missing = try await Blueprint.run(["diff", "good.blueprint", "gone.blueprint"], in: workspace.url)
        #expect(missing.status == 2 && missing.standardError.contains("gone.blueprint"))
    }

    @Test func formatsAndColour() async throws {
        let workspace = try Workspace(["a.blueprint": Self.old, "b.blueprint": Self.slower])
        let markdown = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--format", "markdown"], in: workspace.url)
        #expect(markdown.standardOutput.hasPrefix("## Changes from a.blueprint to b.blueprint\n\n### Steps\n\n- 🟡 fix &quot;Fix it&quot;: takes: 30m → 2h\n"))
        let json = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--format", "json"], in: workspace.url)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let file = try #require((parsed["files"] as? [[String: Any]])?.first)
        #expect(file["brokenPromise"] as? Bool == true)
        #expect(!json.standardOutput.contains("\u{1B}["))
        let plain = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint"], in: workspace.url)
        #expect(!plain.standardOutput.contains("\u{1B}["))
        let coloured = try await Blueprint.run(["diff", "a.blueprint", "b.blueprint", "--color", "always"], in: workspace.url)
        #expect(coloured.standardOutput.contains("\u{1B}[33m~ fix"))
        // A finding the change brings is red, though it is added.
        #expect(coloured.standardOutput.contains("\u{1B}[31m+ 2:1: error [promise-broken]"))
    }

    @Test func gitComparesWithARevision() async throws {
        let workspace = try Workspace(["repair.blueprint": Self.old])
        func git(_ arguments: [String]) async throws {
            let result = try await CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                     ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: workspace.url)
            try #require(result.status == 0, "git \(arguments): \(result.standardError)")
        }
        try await git(["init", "-q"])
        try await git(["add", "repair.blueprint"])
        try await git(["commit", "-q", "-m", "as-is"])
        try workspace.write(Self.slower, to: "repair.blueprint")
        try workspace.write(Self.old, to: "new.blueprint")

        let result = try await Blueprint.run(["diff", "--git", "repair.blueprint", "--format", "json", "--fail-on", "broken-promise"], in: workspace.url)
        #expect(result.status == 1, "\(result.standardError)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let file = try #require((parsed["files"] as? [[String: Any]])?.first)
        #expect(file["old"] as? String == "HEAD:repair.blueprint" && file["new"] as? String == "repair.blueprint")

        let named = try await Blueprint.run(["diff", "--git", "HEAD", "repair.blueprint"], in: workspace.url)
        #expect(named.status == 0 && named.standardOutput.hasPrefix("Changes from HEAD:repair.blueprint to repair.blueprint\n"))

        let added = try await Blueprint.run(["diff", "--git", "new.blueprint"], in: workspace.url)
        #expect(added.status == 0)
        #expect(added.standardError.contains("new.blueprint: note: not in HEAD; compared with an empty blueprint"))
        #expect(added.standardOutput.contains("+ customer report \"Report a fault\" added"))

        let unknown = try await Blueprint.run(["diff", "--git", "nowhere.blueprint"], in: workspace.url)
        #expect(unknown.status == 2 && unknown.standardError.contains("nowhere.blueprint: error: neither in HEAD nor in the working tree"))

        let outside = try Workspace(["lone.blueprint": Self.old])
        let notARepository = try await Blueprint.run(["diff", "--git", "lone.blueprint"], in: outside.url,
                                                     environment: ["GIT_CEILING_DIRECTORIES": outside.url.deletingLastPathComponent().path])
        #expect(notARepository.status == 2 && notARepository.standardError.contains("lone.blueprint: error: not in a git repository"))
    }

    @Test func renderCompareMarksTheChange() async throws {
        let broken = Self.old.replacingOccurrences(of: "frontstage fix", with: "frontstage fix fix")
        // Still kept: a file with lint errors is not drawn.
        let longer = Self.old.replacingOccurrences(of: "takes 30m", with: "takes 45m")
        let workspace = try Workspace(["a.blueprint": Self.old, "b.blueprint": longer, "bad.blueprint": broken])
        let result = try await Blueprint.run(["render", "--compare", "a.blueprint", "b.blueprint", "--theme", "dark"], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(XMLParser(data: Data(result.standardOutput.utf8)).parse())
        #expect(result.standardOutput.contains(#"<g id="step&#45;fix" class="node step frontstage changed">"#))
        #expect(result.standardOutput.contains("takes: 30m → 45m"))
        let pages = try await Blueprint.run(["render", "--compare", "a.blueprint", "b.blueprint", "--page", "A4", "-o", "out.pdf"], in: workspace.url)
        #expect(pages.status == 0, "\(pages.standardError)")
        let badOld = try await Blueprint.run(["render", "--compare", "bad.blueprint", "b.blueprint"], in: workspace.url)
        #expect(badOld.status == 2 && badOld.standardError.hasPrefix("bad.blueprint:4:") && badOld.standardOutput.isEmpty)
        let two = try await Blueprint.run(["render", "--compare", "a.blueprint", "a.blueprint", "b.blueprint", "--output-dir", "out"], in: workspace.url)
        #expect(two.status == 2)
    }
}
