import BlueprintTestSupport
import Foundation
import Testing

/// `blueprint preview` and `blueprint render --watch` as commands: what they print, refuse and write.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PreviewCommandTests {
    private func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-watch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Blueprint.packageRoot.appendingPathComponent("blueprints/outage-repair.blueprint"),
                                         to: folder.appendingPathComponent("outage.blueprint"))
        return folder
    }

    @Test func renderWatchDrawsAgainOnEverySave() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blueprint = folder.appendingPathComponent("outage.blueprint"), diagram = folder.appendingPathComponent("outage.svg")
        let watch = Blueprint.process(["render", "outage.blueprint", "-o", "outage.svg", "--watch"], in: folder)
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        defer { PreviewBrowserTests.stop(watch) }
        let svg = { (try? String(contentsOf: diagram, encoding: .utf8)) ?? "" }
        #expect(await eventually(within: 45) { svg().contains("Power outage repair") }, "the first drawing was not written")

        let original = try String(contentsOf: blueprint, encoding: .utf8)
        try original.replacingOccurrences(of: "blueprint \"Power outage repair\"", with: "blueprint \"Cable fault, edited\"")
            .write(to: blueprint, atomically: true, encoding: .utf8)
        #expect(await eventually(within: 45) { svg().contains("Cable fault, edited") }, "the save was not drawn")

        // A save with errors leaves the last diagram in place.
        try (original + "arrive -> nowhere\n").write(to: blueprint, atomically: false, encoding: .utf8)
        try? await Task.sleep(for: .milliseconds(500))
        #expect(svg().contains("Cable fault, edited"))
    }

    @Test func renderWatchDrawsOnlyTheFileThatWasSaved() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blueprint = folder.appendingPathComponent("outage.blueprint")
        try FileManager.default.copyItem(at: blueprint, to: folder.appendingPathComponent("second.blueprint"))
        let watch = Blueprint.process(["render", "outage.blueprint", "second.blueprint", "--output-dir", "out", "--watch"], in: folder)
        watch.standardOutput = FileHandle.nullDevice
        watch.standardError = FileHandle.nullDevice
        try watch.run()
        defer { PreviewBrowserTests.stop(watch) }
        let first = folder.appendingPathComponent("out/outage.svg"), second = folder.appendingPathComponent("out/second.svg")
        // The writer replaces a diagram with a new file, so a diagram drawn again has a new inode.
        let inode = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) ?? nil }
        #expect(await eventually(within: 45) { inode(first) != nil && inode(second) != nil }, "the first drawings were not written")
        let untouched = inode(second)

        let original = try String(contentsOf: blueprint, encoding: .utf8)
        try original.replacingOccurrences(of: "blueprint \"Power outage repair\"", with: "blueprint \"Cable fault, edited\"")
            .write(to: blueprint, atomically: true, encoding: .utf8)
        #expect(await eventually(within: 45) { ((try? String(contentsOf: first, encoding: .utf8)) ?? "").contains("Cable fault, edited") })
        #expect(inode(second) == untouched, "a file that was not saved was drawn again")
    }

    @Test func renderWatchNeedsAFileToWrite() async throws {
        let result = try await Blueprint.run(["render", "blueprints/outage-repair.blueprint", "--watch"], in: Blueprint.packageRoot)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--watch needs -o FILE or --output-dir"))
    }

    @Test func aPortInUseIsRefusedWithExitStatus2() async throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Blueprint.process(["preview", "outage.blueprint", "--port", "0"], in: folder)
        let output = Pipe()
        first.standardOutput = output
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer { PreviewBrowserTests.stop(first) }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "no port in \(line)")
        #expect(line.hasPrefix("Previewing outage.blueprint at http://127.0.0.1:"))

        let second = try await Blueprint.run(["preview", "outage.blueprint", "--port", String(port)], in: folder)
        #expect(second.status == 2)
        #expect(second.standardError.contains("port \(port) is already in use"))
    }

    @Test func missingFilesAndBadAddressesAreRefused() async throws {
        let missing = try await Blueprint.run(["preview", "no-such.blueprint"], in: Blueprint.packageRoot)
        #expect(missing.status == 2 && missing.standardError.contains("no-such.blueprint: error: no such file or folder"))
        let name = try await Blueprint.run(["preview", "blueprints", "--host", "example.com"], in: Blueprint.packageRoot)
        #expect(name.status == 2 && name.standardError.contains("--host takes an IP address"))
    }
}
