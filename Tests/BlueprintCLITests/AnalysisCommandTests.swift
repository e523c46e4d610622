import BlueprintTestSupport
import Foundation
import Testing

/// The command line over the analysis core: languages, standard input, fixes, notes, warnings.
@Suite struct AnalysisCommandTests {
    static let chineseFile = """
        blueprint "门诊"
        locale zh-Hans
        customer 挂号窗口 "挂号"
        frontstage 分诊台 "分诊", takes 5m
        挂号窗口 ..> 分诊台
        挂号窗口 -> 分珍台

        """

    static let typos = """
        blueprint "Typos"
        customer ask "Asks"，emotion -1
        front greet "Greets"
        frontstage check "Checks" takes 5分钟
        ask -> greet -> check -> chekc

        """

    @Test func messagesFollowTheFileLocaleOrLang() async throws {
        let workspace = try Workspace(["zh.blueprint": Self.chineseFile])
        let auto = try await Blueprint.run(["lint", "zh.blueprint"], in: workspace.url)
        #expect(auto.status == 1)
        #expect(auto.standardOutput.hasPrefix("zh.blueprint:6:9: error: 流程引用了未知的步骤 '分珍台'（是否应为 '分诊台'？） [undefined-reference]\n"))
        #expect(auto.standardOutput.contains("zh.blueprint:6:9: fix: 将 '分珍台' 改为 '分诊台'\n"))
        let english = try await Blueprint.run(["lint", "--lang", "en", "zh.blueprint"], in: workspace.url)
        #expect(english.standardOutput.hasPrefix("zh.blueprint:6:9: error: flow refers to unknown step '分珍台' (did you mean '分诊台'?) [undefined-reference]"))
        let traditional = try await Blueprint.run(["lint", "--lang", "zh-Hant", "--format", "json", "zh.blueprint"], in: workspace.url)
        #expect(traditional.standardOutput.contains(#""message":"流程引用了未知的步驟 '分珍台'（是否應為 '分诊台'？）""#))
        #expect(traditional.standardOutput.contains(#""rule":"undefined-reference""#), "rule ids stay English")
        let bad = try await Blueprint.run(["lint", "--lang", "fr", "zh.blueprint"], in: workspace.url)
        #expect(bad.status == 2)
    }

    /// A file that cannot be read has no `locale`: its error, and the summary of a run that linted
    /// nothing, follow `--lang`. The word `error` stays English for problem matchers.
    @Test func filesThatCannotBeReadAreReportedInLang() async throws {
        let workspace = try Workspace([:])
        try Data([0x62, 0x6C, 0xFF, 0x0A]).write(to: workspace.url.appendingPathComponent("latin1.blueprint"))
        let traditional = try await Blueprint.run(["lint", "--lang", "zh-Hant", "missing.blueprint", "latin1.blueprint"], in: workspace.url)
        #expect(traditional.status == 2)
        #expect(traditional.standardError.contains("missing.blueprint: error: 沒有這個檔案或資料夾\n"))
        #expect(traditional.standardError.contains("latin1.blueprint:1:3: error: UTF-8 編碼無效：位元組 0xFF 不能開始或延續有效的序列；藍圖檔案須為 UTF-8\n"))
        #expect(traditional.standardOutput.contains("沒有檢查任何檔案"))
        let english = try await Blueprint.run(["lint", "missing.blueprint"], in: workspace.url)
        #expect(english.standardError.contains("missing.blueprint: error: no such file or folder\n"))
        #expect(english.standardOutput.contains("No files linted"))
    }

    @Test func rulesAreExplainedInChinese() async throws {
        let explained = try await Blueprint.run(["rules", "--lang", "zh-Hans", "promise-broken"])
        #expect(explained.status == 0)
        #expect(explained.standardOutput.hasPrefix("promise-broken（默认：error）\n"))
        #expect(explained.standardOutput.contains("错误示例："))
        let table = try await Blueprint.run(["rules", "--lang", "zh-Hant"])
        #expect(table.standardOutput.split(separator: "\n").dropFirst().allSatisfy { $0.unicodeScalars.contains { $0.properties.isIdeographic } })
    }

    @Test func standardInputTakesItsNameAndConfigurationFromStdinFilename() async throws {
        let workspace = try Workspace(["docs/.blueprintlint.yml": "rules:\n  undefined-reference: warning\n"])
        let result = try await Blueprint.run(["lint", "--stdin-filename", "docs/zh.blueprint", "-"], in: workspace.url, input: Data(Self.chineseFile.utf8))
        #expect(result.status == 0, "the folder's configuration made the error a warning")
        #expect(result.standardOutput.hasPrefix("docs/zh.blueprint:6:9: warning: 流程引用了未知的步骤"))
        let unnamed = try await Blueprint.run(["lint", "-"], in: workspace.url, input: Data(Self.chineseFile.utf8))
        #expect(unnamed.standardOutput.hasPrefix("<stdin>:6:9: error:"))
    }

    @Test func fixRewritesTheFileAndReportsWhatIsLeft() async throws {
        let workspace = try Workspace(["t.blueprint": Self.typos])
        let result = try await Blueprint.run(["lint", "--fix", "t.blueprint"], in: workspace.url)
        let fixed = try String(contentsOfFile: workspace.path("t.blueprint"), encoding: .utf8)
        #expect(fixed == """
            blueprint "Typos"
            customer ask "Asks", emotion -1
            frontstage greet "Greets"
            frontstage check "Checks", takes 5m
            ask -> greet -> check -> check

            """)
        // What is left: the fix of 'chekc' made a flow from 'check' to itself.
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("t.blueprint:5:17: warning: flow from 'check' to itself"))
        #expect(result.standardOutput.hasSuffix("\n1 warning in 1 file\n"))
    }

    @Test func dryRunPrintsADiffAndWritesNothing() async throws {
        let workspace = try Workspace(["t.blueprint": Self.typos])
        let result = try await Blueprint.run(["lint", "--fix", "--dry-run", "t.blueprint"], in: workspace.url)
        #expect(try String(contentsOfFile: workspace.path("t.blueprint"), encoding: .utf8) == Self.typos)
        #expect(result.standardOutput == """
            --- a/t.blueprint
            +++ b/t.blueprint
            @@ -1,5 +1,5 @@
             blueprint "Typos"
            -customer ask "Asks"，emotion -1
            -front greet "Greets"
            -frontstage check "Checks" takes 5分钟
            -ask -> greet -> check -> chekc
            +customer ask "Asks", emotion -1
            +frontstage greet "Greets"
            +frontstage check "Checks", takes 5m
            +ask -> greet -> check -> check

            """)
        #expect(!result.standardError.isEmpty, "the report goes to standard error")
        // `patch` reads it.
        let patched = try Workspace(["t.blueprint": Self.typos, "fix.diff": result.standardOutput])
        let patch = Process()
        patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
        patch.arguments = ["-p1", "-s", "-i", "fix.diff"]
        patch.currentDirectoryURL = patched.url
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") {
            try patch.run()
            await patch.exited()
            #expect(try String(contentsOfFile: patched.path("t.blueprint"), encoding: .utf8).contains("takes 5m"))
        }
        #expect(try await Blueprint.run(["lint", "--dry-run", "t.blueprint"], in: workspace.url).status == 2, "--dry-run goes with --fix")
    }

    @Test func fixOnStandardInputPrintsOnlyTheFixedText() async throws {
        let fixedText = "blueprint \"Typos\"\ncustomer ask \"Asks\", emotion -1\nfrontstage greet \"Greets\"\n"
            + "frontstage check \"Checks\", takes 5m\nask -> greet -> check -> check\n"
        for quiet in [[], ["--quiet"]] {
            let result = try await Blueprint.run(["lint", "--fix", "-", "--stdin-filename", "x.blueprint"] + quiet, input: Data(Self.typos.utf8))
            #expect(result.standardOutput == fixedText, "an editor filter or a hook writes standard output back to the file")
            #expect(result.standardError.contains("x.blueprint:5:17: warning: flow from 'check' to itself"))
            #expect(result.standardError.hasSuffix("1 warning in 1 file\n") == quiet.isEmpty)
        }
    }

    /// Issue 21, point 3: the slips of a Chinese keyboard, each reported with its fix, all fixed at once.
    @Test func chineseKeyboardSlipsAreReportedAndFixedInOneRound() async throws {
        let slips = """
            blueprint "理賠"
            locale zh-TW
            customer 報案 "報案"，takes ３０m；
            backstage 複核 "複核"
            報案 －> 複核
            promise "十個工作天內結案" from 報案 to 複核 within 10個工作天

            """
        let workspace = try Workspace(["c.blueprint": slips])
        let report = try await Blueprint.run(["lint", "c.blueprint"], in: workspace.url)
        let errors = report.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 6, "one for each slip: \(errors)")
        #expect(errors.first == "c.blueprint:2:8: error: 未知的語言 'zh-TW'：可用 'en'、'zh-Hans' 或 'zh-Hant'（是否應為 'zh-Hant'？） [syntax]",
                "messages follow the locale meant")
        let fixed = try await Blueprint.run(["lint", "--fix", "-", "--stdin-filename", "c.blueprint"], in: workspace.url, input: Data(slips.utf8))
        #expect(fixed.standardOutput == """
            blueprint "理賠"
            locale zh-Hant
            customer 報案 "報案", takes 30m
            backstage 複核 "複核"
            報案 -> 複核
            promise "十個工作天內結案" from 報案 to 複核 within 2w

            """)
        #expect(fixed.status == 0)
    }

    @Test func textShowsNotesUnderTheCaretLine() async throws {
        let workspace = try Workspace(["d.blueprint": "blueprint \"D\"\ncustomer a \"A\"\nfrontstage b \"B\"\nbackstage a \"Again\"\na -> b\n"])
        let result = try await Blueprint.run(["lint", "d.blueprint"], in: workspace.url)
        #expect(result.standardOutput.hasPrefix("""
            d.blueprint:4:11: error: duplicate id 'a': it is already declared at line 2 [duplicate-id]
             4 | backstage a "Again"
               |           ^
            d.blueprint:2:10: note: first declared here
             2 | customer a "A"
               |          ^

            """))
    }

    @Test func sarifCarriesRelatedLocationsAndFixes() async throws {
        let workspace = try Workspace(["d.blueprint": "blueprint \"D\"\ncustomer abc \"A\"\nfrontstage abc \"Again\"\nabc -> abd\n"])
        let result = try await Blueprint.run(["lint", "--format", "sarif", "d.blueprint"], in: workspace.url)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "duplicate-id" })
        let related = try #require(duplicate["relatedLocations"] as? [[String: Any]])
        let region = (related.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 2 && region?["startColumn"] as? Int == 10)
        let undefined = try #require(results.first { $0["ruleId"] as? String == "undefined-reference" })
        let fixes = try #require(undefined["fixes"] as? [[String: Any]])
        let change = try #require((fixes.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "abc")
    }

    @Test func renderPrintsWarningsAndStillDraws() async throws {
        let workspace = try Workspace(["w.blueprint": warningFile])
        let result = try await Blueprint.run(["render", "w.blueprint", "-o", "w.svg"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.standardError.hasPrefix("w.blueprint:4:9: warning: support step 'orphan' is not joined to the journey"))
        #expect(!result.standardError.contains("warning in"), "no summary line")
        #expect(FileManager.default.fileExists(atPath: workspace.path("w.svg")))
    }

    @Test func syntaxCannotBeSwitchedOffInConfiguration() async throws {
        let workspace = try Workspace([".blueprintlint.yml": "rules:\n  syntax: off\n", "c.blueprint": cleanFile])
        let result = try await Blueprint.run(["lint", "c.blueprint"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix(".blueprintlint.yml:2:11: error: rule 'syntax' cannot be set to off"))
    }
}
