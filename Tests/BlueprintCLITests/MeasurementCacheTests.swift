import BlueprintTestSupport
import Foundation
import Testing

/// `render` keeps the sizes of the text it measured in the user's cache folder and uses them while
/// nothing they depend on has changed: a drawing whose text is all there loads no pango. Whether it
/// did is read from the dynamic linker (`LD_DEBUG=files` names each library a process loads).
@Suite struct MeasurementCacheTests {
    private static let example = Blueprint.packageRoot.appendingPathComponent("blueprints/hotel-stay.blueprint").path

    /// A render of the example into `output` with its cache under `workspace`'s `cache` folder.
    private func render(_ workspace: borrowing Workspace, to output: String = "out.svg", _ environment: [String: String] = [:],
                        cache: String = "cache") async throws -> (result: CommandResult, svg: Data) {
        let result = try await Blueprint.run(["render", Self.example, "-o", output], in: workspace.url,
                                             environment: ["XDG_CACHE_HOME": workspace.path(cache), "LD_DEBUG": "files"].merging(environment) { $1 })
        #expect(result.status == 0, "\(result.standardError.suffix(2_000))")
        let svg = try Data(contentsOf: workspace.url.appendingPathComponent(output))
        return (result, svg)
    }

    private func loadsPango(_ result: CommandResult) -> Bool {
        result.standardError.contains("libpangocairo-1.0.so.0")
    }

    /// Only the dynamic linker's lines: every one starts with the process's pid and a colon.
    private func saysNothingElse(_ result: CommandResult) -> Bool {
        result.standardError.split(separator: "\n").allSatisfy { line in
            line.drop { $0 == " " }.prefix { $0 != ":" }.allSatisfy(\.isNumber)
        }
    }

    /// The SVG drawn with no cache at all, as every render must draw it.
    private func uncached(_ workspace: borrowing Workspace) async throws -> Data {
        try await render(workspace, to: "uncached.svg", ["BLUEPRINT_NO_CACHE": "1"]).svg
    }

    /// The XDG base directory specification's place, which ignores a relative `XDG_CACHE_HOME`.
    @Test(arguments: [
        (["XDG_CACHE_HOME": "WORKSPACE/xdg"], "xdg/blueprint/measured-text"),
        (["XDG_CACHE_HOME": "relative/cache"], "home/.cache/blueprint/measured-text"),
        (["XDG_CACHE_HOME": ""], "home/.cache/blueprint/measured-text"),
        (["XDG_CACHE_HOME": "WORKSPACE/xdg", "BLUEPRINT_NO_CACHE": ""], "xdg/blueprint/measured-text"),
        (["XDG_CACHE_HOME": "WORKSPACE/xdg", "BLUEPRINT_NO_CACHE": "1"], nil),
    ])
    func theCacheIsWhereTheUserKeepsCaches(environment: [String: String], expected: String?) async throws {
        let workspace = try Workspace()
        var environment = environment.mapValues { $0.replacingOccurrences(of: "WORKSPACE", with: workspace.url.path) }
        environment["HOME"] = workspace.path("home")
        let result = try await Blueprint.run(["render", Self.example, "-o", "out.svg"], in: workspace.url, environment: environment)

        #expect(result.status == 0)
        let written = ["xdg/blueprint/measured-text", "home/.cache/blueprint/measured-text", "relative/cache/blueprint/measured-text"]
            .filter { FileManager.default.fileExists(atPath: workspace.path($0)) }
        #expect(written == (expected.map { [$0] } ?? []))
    }

    @Test func aRenderKeepsItsMeasurementsAndTheNextUsesThem() async throws {
        let workspace = try Workspace()
        let first = try await render(workspace)
        let second = try await render(workspace)
        let withoutCache = try await render(workspace, to: "uncached.svg", ["BLUEPRINT_NO_CACHE": "1"])

        #expect(loadsPango(first.result))
        #expect(FileManager.default.fileExists(atPath: workspace.path("cache/blueprint/measured-text")))
        #expect(!loadsPango(second.result))
        #expect(second.svg == first.svg)
        #expect(loadsPango(withoutCache.result))
        #expect(withoutCache.svg == first.svg)
        #expect(saysNothingElse(first.result) && saysNothingElse(second.result))
    }

    @Test(arguments: ["garbage", "truncated", "empty", "a count past its end", "folder"])
    func aDamagedCacheIsReplacedAndChangesNothing(damage: String) async throws {
        let workspace = try Workspace()
        let expected = try await uncached(workspace)
        _ = try await render(workspace)
        let file = workspace.path("cache/blueprint/measured-text")
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        try FileManager.default.removeItem(atPath: file)
        switch damage {
        case "garbage": try workspace.write(Data((0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 7_919) }), to: "cache/blueprint/measured-text")
        case "truncated": try workspace.write(whole.prefix(whole.count / 2), to: "cache/blueprint/measured-text")
        case "empty": try workspace.write(Data(), to: "cache/blueprint/measured-text")
        case "a count past its end":
            // The header, then two thousand million environment variables.
            try workspace.write(whole.prefix(26) + Data([0xFF, 0xFF, 0xFF, 0x7F]) + Data(count: 64), to: "cache/blueprint/measured-text")
        default: try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: true)
        }

        let damaged = try await render(workspace)
        let next = try await render(workspace)

        #expect(damaged.svg == expected)
        #expect(saysNothingElse(damaged.result))
        #expect(loadsPango(damaged.result))
        #expect(next.svg == expected)
        // A folder in its place is left there; anything else was replaced by a good file.
        #expect(loadsPango(next.result) == (damage == "folder"))
    }

    /// Fontconfig's own test of its cache: a font folder's time. A folder of the test's own is added
    /// to the system's configuration; anything written into it makes the cache out of date.
    @Test func aChangedFontFolderMakesTheCacheOutOfDate() async throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(atPath: workspace.path("fonts"), withIntermediateDirectories: true)
        // The test's cache folder for fontconfig comes first: fontconfig writes to the first it may.
        // The configuration has a folder of its own, as the renders write beside the workspace's files.
        try workspace.write("""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <cachedir>\(workspace.path("fontconfig-cache"))</cachedir>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <dir>\(workspace.path("fonts"))</dir>
            </fontconfig>
            """, to: "fontconfig/fonts.conf")
        let configuration = ["FONTCONFIG_FILE": workspace.path("fontconfig/fonts.conf")]
        let first = try await render(workspace, configuration)
        let cached = try await render(workspace, configuration)
        try workspace.write("not a font", to: "fonts/README")
        let afterChange = try await render(workspace, configuration)
        let cachedAgain = try await render(workspace, configuration)

        #expect(loadsPango(first.result))
        #expect(!loadsPango(cached.result))
        #expect(loadsPango(afterChange.result))
        #expect(!loadsPango(cachedAgain.result))
        #expect(Set([first.svg, cached.svg, afterChange.svg, cachedAgain.svg]).count == 1)
    }

    /// Pango picks fonts for the language it is told; sizes kept under another are not used.
    @Test func anotherLanguageMakesTheCacheOutOfDate() async throws {
        let workspace = try Workspace()
        _ = try await render(workspace)
        let otherLanguage = try await render(workspace, ["PANGO_LANGUAGE": "zh-tw"])
        let sameAgain = try await render(workspace, ["PANGO_LANGUAGE": "zh-tw"])

        #expect(loadsPango(otherLanguage.result))
        #expect(!loadsPango(sameAgain.result))
    }

    @Test(arguments: ["a file", "fifo"])
    func aCacheThatCannotBeUsedIsPassedOverInSilence(obstacle: String) async throws {
        let workspace = try Workspace()
        let expected = try await uncached(workspace)
        let folder = workspace.path("cache/blueprint")
        switch obstacle {
        case "a file":
            try workspace.write("in the way", to: "cache/blueprint")
        default:
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            #expect(mkfifo(folder + "/measured-text", 0o600) == 0)
        }

        let drawn = try await render(workspace)

        #expect(drawn.svg == expected)
        #expect(saysNothingElse(drawn.result))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(!left.contains { $0.contains(".tmp-") })
    }

    /// Renders at once, as a build running one per file does: each replaces the file whole.
    @Test func rendersAtOnceLeaveOneWholeCache() async throws {
        let workspace = try Workspace()
        let expected = try await uncached(workspace)
        let results = try await withThrowingTaskGroup(of: (CommandResult, Data).self) { group in
            for index in 0..<6 {
                group.addTask { [url = workspace.url] in
                    let output = "out-\(index).svg"
                    let result = try await Blueprint.run(["render", Self.example, "-o", output], in: url,
                                                         environment: ["XDG_CACHE_HOME": url.appendingPathComponent("cache").path])
                    return (result, (try? Data(contentsOf: url.appendingPathComponent(output))) ?? Data())
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let next = try await render(workspace)

        #expect(results.allSatisfy { $0.0.status == 0 && $0.0.standardError.isEmpty && $0.1 == expected })
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("cache/blueprint")) == ["measured-text"])
        #expect(!loadsPango(next.result))
        #expect(next.svg == expected)
    }
}
