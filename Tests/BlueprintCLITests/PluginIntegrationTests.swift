import BlueprintTestSupport
import Foundation
import Testing

/// Builds `Fixtures/PluginFixture`, a package that depends on this one by path, and runs the
/// SwiftPM plugins on it. Slow (the fixture builds the `blueprint` CLI), so only when `CI=true`.
/// The tests share one copy of the fixture and its `.build`, hence `.serialized`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CI"] == "true", "set CI=true to build the plugin fixture"))
struct PluginIntegrationTests {
    @Test func buildRendersEachBlueprintOfTheTargetToSVG() async throws {
        let fixture = try PluginFixture()
        let build = try await fixture.swift(["build"])
        #expect(build.status == 0, "\(build.standardOutput)\(build.standardError)")
        for name in ["outage-repair", "library-loan"] {
            let svg = try #require(fixture.renderedByBuild(name), "no \(name).svg under .build/plugins/outputs")
            #expect(try String(contentsOf: svg, encoding: .utf8).contains("<svg"))
        }

        // Declared inputs and outputs: a build renders only the file that changed. SwiftPM 6.3
        // links the tool once more on the build after a fresh one (it builds plugin tools in a
        // pass of their own), and the tool is an input of every render, so settle that first.
        await #expect(try fixture.swift(["build"]).status == 0)
        try fixture.touch("Sources/ServiceDocs/library-loan.blueprint")
        let rebuild = try await fixture.swift(["build"])
        #expect(rebuild.status == 0)
        #expect(rebuild.standardOutput.contains("Rendering library-loan.blueprint"))
        #expect(!rebuild.standardOutput.contains("Rendering outage-repair.blueprint"))
    }

    @Test func buildFailsOnALintErrorWithACompilerStyleLine() async throws {
        let fixture = try PluginFixture()
        try fixture.write(brokenFile, to: "Sources/ServiceDocs/broken.blueprint")
        let build = try await fixture.swift(["build"])
        #expect(build.status != 0)
        #expect(build.standardOutput.contains(
            "\(fixture.path("Sources/ServiceDocs/broken.blueprint")):5:10: error: flow refers to unknown step 'prnt'"
        ), "\(build.standardOutput)\(build.standardError)")
    }

    @Test func buildShowsWarningsAsWarningLinesAndStillRenders() async throws {
        let fixture = try PluginFixture()
        try fixture.write(warningFile, to: "Sources/ServiceDocs/warning.blueprint")
        let build = try await fixture.swift(["build"])
        #expect(build.status == 0, "\(build.standardOutput)\(build.standardError)")
        #expect("\(build.standardOutput)\(build.standardError)".contains(
            "\(fixture.path("Sources/ServiceDocs/warning.blueprint")):4:9: warning: support step 'orphan' is not joined to the journey"
        ), "\(build.standardOutput)\(build.standardError)")
        #expect(fixture.renderedByBuild("warning") != nil)
    }

    @Test func lintCommandPassesCleanFilesAndFailsBrokenOnes() async throws {
        let fixture = try PluginFixture()
        let clean = try await fixture.swift(["package", "lint-blueprints"])
        #expect(clean.status == 0, "\(clean.standardOutput)\(clean.standardError)")
        // The target's two files and the one in the top-level blueprints/ folder.
        #expect(clean.standardOutput.contains("No problems in 3 files"))

        try fixture.write(warningFile, to: "blueprints/warning.blueprint")
        let strict = try await fixture.swift(["package", "lint-blueprints", "--strict"])
        #expect(strict.status != 0)
        #expect(strict.standardOutput.contains("blueprints/warning.blueprint:"))

        try fixture.write(brokenFile, to: "Sources/ServiceDocs/broken.blueprint")
        let broken = try await fixture.swift(["package", "lint-blueprints", "--target", "ServiceDocs"])
        #expect(broken.status != 0)
        #expect(broken.standardOutput.contains(
            "Sources/ServiceDocs/broken.blueprint:5:10: error: flow refers to unknown step 'prnt'"
        ), "\(broken.standardOutput)\(broken.standardError)")
        #expect(!broken.standardOutput.contains("warning.blueprint"), "--target leaves blueprints/ out")

        let help = try await fixture.swift(["package", "lint-blueprints", "--help"])
        #expect(help.status == 0, "\(help.standardOutput)\(help.standardError)")
        #expect(help.standardOutput.contains("USAGE: swift package lint-blueprints"))

        let annotated = try await fixture.swift(["package", "lint-blueprints", "--format", "github"])
        #expect(annotated.status != 0)
        #expect(annotated.standardOutput.contains("::error file=Sources/ServiceDocs/broken.blueprint,line=5,col=10,"))
    }

    @Test func renderCommandWritesSVGsNextToTheSourcesOrIntoAFolder() async throws {
        let fixture = try PluginFixture()
        let refused = try await fixture.swift(["package", "render-blueprints"])
        #expect(refused.status != 0)
        #expect("\(refused.standardOutput)\(refused.standardError)".contains("--allow-writing-to-package-directory"))

        let nextToSources = try await fixture.swift(["package", "--allow-writing-to-package-directory", "render-blueprints"])
        #expect(nextToSources.status == 0, "\(nextToSources.standardOutput)\(nextToSources.standardError)")
        let intoFolder = try await fixture.swift(
            ["package", "--allow-writing-to-package-directory", "render-blueprints", "--output-dir", "diagrams"]
        )
        #expect(intoFolder.status == 0, "\(intoFolder.standardOutput)\(intoFolder.standardError)")
        for svg in [
            "Sources/ServiceDocs/outage-repair.svg", "Sources/ServiceDocs/library-loan.svg", "blueprints/onboarding.svg",
            "diagrams/Sources/ServiceDocs/outage-repair.svg", "diagrams/blueprints/onboarding.svg",
        ] {
            let text = try? String(contentsOfFile: fixture.path(svg), encoding: .utf8)
            #expect(text?.contains("<svg") == true, "\(svg) was not rendered")
        }

        let png = try await fixture.swift(["package", "--allow-writing-to-package-directory", "render-blueprints",
                                     "--output-dir", "png", "--format", "png", "--theme", "print"])
        #expect(png.status == 0, "\(png.standardOutput)\(png.standardError)")
        let bytes = FileManager.default.contents(atPath: fixture.path("png/blueprints/onboarding.png"))
        #expect(bytes?.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))

        let outside = try await fixture.swift(["package", "--allow-writing-to-package-directory", "render-blueprints", "--output-dir", "../outside"])
        #expect(outside.status != 0)
        #expect("\(outside.standardOutput)\(outside.standardError)".contains("lies outside the package"))
        #expect(!FileManager.default.fileExists(atPath: fixture.url.deletingLastPathComponent().appendingPathComponent("outside").path))
    }
}

/// A copy of `Fixtures/PluginFixture` that depends on this checkout by absolute path. The copy
/// lives at one place in the scratch folder `.build-plugin-fixture/` and keeps its `.build`
/// between tests and runs, so only the first build compiles the CLI.
private struct PluginFixture {
    let url = Blueprint.packageRoot.appendingPathComponent(".build-plugin-fixture/PluginFixture")

    init() throws {
        let fileManager = FileManager.default
        let original = Blueprint.packageRoot.appendingPathComponent("Fixtures/PluginFixture")
        try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        for name in try fileManager.contentsOfDirectory(atPath: url.path) where name != ".build" {
            try fileManager.removeItem(at: url.appendingPathComponent(name))
        }
        for name in try fileManager.contentsOfDirectory(atPath: original.path) where name != ".build" {
            try fileManager.copyItem(at: original.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
        let manifest = url.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let rewritten = text.replacingOccurrences(of: #"path: "../..""#, with: #"path: "\#(Blueprint.packageRoot.path)""#)
        try #require(rewritten != text, "the fixture's manifest no longer says path: \"../..\"")
        try rewritten.write(to: manifest, atomically: true, encoding: .utf8)
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func write(_ text: String, to relative: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    func touch(_ relative: String) throws {
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path(relative))
    }

    /// The SVG the build tool plugin wrote for `NAME.blueprint`, wherever SwiftPM keeps plugin outputs.
    func renderedByBuild(_ name: String) -> URL? {
        let outputs = url.appendingPathComponent(".build/plugins/outputs")
        let files = FileManager.default.enumerator(at: outputs, includingPropertiesForKeys: nil)
        return files?.compactMap { $0 as? URL }.first { $0.lastPathComponent == "\(name).svg" }
    }

    /// Runs `swift ARGUMENTS…` (from PATH) in the fixture, stdin closed so SwiftPM never asks.
    func swift(_ arguments: [String]) async throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift"] + arguments
        process.currentDirectoryURL = url
        // Files rather than pipes: a long build log cannot block the process.
        let output = url.appendingPathComponent(".build/test-stdout"), error = url.appendingPathComponent(".build/test-stderr")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: error.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: output), errorHandle = try FileHandle(forWritingTo: error)
        defer { try? outputHandle.close(); try? errorHandle.close() }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        await process.exited()
        return CommandResult(status: process.terminationStatus,
                             standardOutput: String(decoding: try Data(contentsOf: output), as: UTF8.self),
                             standardError: String(decoding: try Data(contentsOf: error), as: UTF8.self))
    }
}
