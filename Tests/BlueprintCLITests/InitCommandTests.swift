import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test(arguments: ["en", "zh-Hans", "zh-Hant"])
    func writesALintCleanFormattedCommentedBlueprint(_ locale: String) async throws {
        let workspace = try Workspace()
        let result = try await Blueprint.run(["init", "counter-visit", "--locale", locale], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: workspace.path("counter-visit.blueprint"), encoding: .utf8)
        #expect(text.contains("blueprint \"counter visit\""))
        #expect(text.split(separator: "\n").count { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") } >= 10, "comments explain the constructs")
        for construct in ["persona", "promise", "phase", "evidence", "customer", "frontstage", "backstage", "support", "->", "..>",
                          "takes", "wait", "tolerance", "moment", "fail", "recover", "emotion"] {
            #expect(text.contains(construct), "\(construct)")
        }
        if locale != "en" { #expect(text.contains("locale \(locale)")) }
        let lint = try await Blueprint.run(["lint", "--strict", "counter-visit.blueprint"], in: workspace.url)
        #expect(lint.status == 0, "\(lint.standardOutput)")
        // The closing sentence in the file's language.
        let clean = ["en": "No problems in 1 file\n", "zh-Hans": "1个文件中没有问题\n", "zh-Hant": "1個檔案中沒有問題\n"]
        #expect(lint.standardOutput == clean[locale])
        #expect(try await Blueprint.run(["fmt", "--check", "counter-visit.blueprint"], in: workspace.url).status == 0)
    }

    @Test func neverOverwritesAnExistingFile() async throws {
        let workspace = try Workspace(["service.blueprint": "mine\n"])
        let result = try await Blueprint.run(["init"], in: workspace.url)
        #expect(result.status == 2)
        #expect(result.standardError.contains("service.blueprint: error: it exists already; nothing was written"))
        #expect(try String(contentsOfFile: workspace.path("service.blueprint"), encoding: .utf8) == "mine\n")
        #expect(try await Blueprint.run(["init", "other.blueprint", "--locale", "fr"], in: workspace.url).status == 2)
        #expect(try await Blueprint.run(["init", "other.blueprint"], in: workspace.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.path("other.blueprint")))
    }
}
