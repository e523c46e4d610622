import BlueprintTestSupport
import Foundation
import Testing

/// `blueprint export` and `blueprint import` as a user runs them.
@Suite struct ExportCommandTests {
    @Test func exportsOneFileToStandardOutputAndRefusesLintErrors() async throws {
        let folder = try TemporaryFolder("export")
        let good = folder.url("outage.blueprint"), bad = folder.url("bad.blueprint")
        try Data(outageRepair.utf8).write(to: good)
        try Data("blueprint \"b\"\ncustomer a \"A\"\na -> missing\n".utf8).write(to: bad)

        let json = try await Blueprint.run(["export", good.path, "--to", "json"])
        #expect(json.status == 0, "\(json.standardError)")
        let model = try #require(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(model["title"] as? String == "Power outage repair")

        let refused = try await Blueprint.run(["export", bad.path, "--to", "markdown", "-o", folder.url("bad.md").path])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("bad.blueprint:3:6: error:"))
        #expect(!FileManager.default.fileExists(atPath: folder.url("bad.md").path))

        // The page holds the drawing itself, without its XML prolog.
        let html = try await Blueprint.run(["export", good.path, "--to", "html"])
        #expect(html.status == 0)
        #expect(html.standardOutput.contains(#"<div id="canvas"><svg "#) && html.standardOutput.contains(#"id="step&#45;dispatch""#))
        #expect(!html.standardOutput.contains("<?xml"))

        let fromStandardInput = try await Blueprint.run(["export", "-", "--to", "csv"], input: Data(outageRepair.utf8))
        #expect(fromStandardInput.status == 0)
        #expect(fromStandardInput.standardOutput.hasPrefix("\u{FEFF}phase,lane,id,label,"))
    }

    @Test func outputDirectoryGetsOneFilePerBlueprint() async throws {
        let folder = try TemporaryFolder("export-dir")
        for (name, text) in [("outage", outageRepair), ("copy", outageRepair)] {
            try Data(text.utf8).write(to: folder.url("\(name).blueprint"))
        }
        let out = folder.url("out")
        let result = try await Blueprint.run(["export", folder.url("outage.blueprint").path, folder.url("copy.blueprint").path,
                                              "--to", "markdown", "--output-dir", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["copy.md", "outage.md"])
        let several = try await Blueprint.run(["export", folder.url("outage.blueprint").path, folder.url("copy.blueprint").path, "--to", "json"])
        #expect(several.status == 2)
    }

    @Test func importWritesAFormattedBlueprintThatExportsToTheSameSheet() async throws {
        let folder = try TemporaryFolder("import")
        try Data(outageRepair.utf8).write(to: folder.url("outage.blueprint"))
        let sheet = folder.url("outage.csv")
        #expect(try await Blueprint.run(["export", folder.url("outage.blueprint").path, "--to", "csv", "-o", sheet.path]).status == 0)
        let imported = folder.url("imported.blueprint")
        let result = try await Blueprint.run(["import", sheet.path, "--title", "Power outage repair", "-o", imported.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try await Blueprint.run(["fmt", "--check", imported.path]).status == 0)
        let again = try await Blueprint.run(["export", imported.path, "--to", "csv"])
        #expect(again.standardOutput == String(decoding: try Data(contentsOf: sheet), as: UTF8.self))
    }

    @Test func importReportsBadCellsAndWritesNothing() async throws {
        let folder = try TemporaryFolder("import-bad")
        let sheet = folder.url("plan.csv")
        try Data("lane,id,label,emotion\ncustomer,a,A,9\nnowhere,b,B,\n".utf8).write(to: sheet)
        let result = try await Blueprint.run(["import", sheet.path, "-o", folder.url("plan.blueprint").path])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(sheet.path + ":2:4: error: ") == true)
        #expect(lines.last?.hasPrefix(sheet.path + ":3:1: error: ") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.url("plan.blueprint").path))
    }
}
