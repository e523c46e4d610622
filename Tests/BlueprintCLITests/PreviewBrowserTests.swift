import BlueprintTestSupport
import Foundation
import Testing

/// `blueprint preview` in a real browser: Tests/BrowserTests/preview_page_test.py drives headless
/// Chromium through Selenium against a running `blueprint preview` (see that script for the checks).
/// `.ci/run` installs Chromium, its driver and Selenium; without them the test is skipped.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct PreviewBrowserTests {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let script = Blueprint.packageRoot.appendingPathComponent("Tests/BrowserTests/preview_page_test.py")
    /// Kept after the run, for a person to look at.
    static let screenshots = Blueprint.packageRoot.appendingPathComponent(".build/browser-test")

    static let browserIsInstalled = FileManager.default.isExecutableFile(atPath: chromium)
        && FileManager.default.isExecutableFile(atPath: chromedriver)
        && seleniumIsInstalled()

    /// Asked once, while the tests are being listed, before any server runs: blocking is harmless here.
    private static func seleniumIsInstalled() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import selenium"]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: browserIsInstalled, "needs chromium, chromium-driver and Python's selenium: run scripts/install-dependencies.sh"))
    func thePageFollowsEditsInARealBrowser() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("outage-repair.blueprint")
        let clean = Blueprint.packageRoot.appendingPathComponent("blueprints/outage-repair.blueprint")
        // The page opens on a first draft with a slip in step psr's line; the script fixes it.
        let cleanText = try String(contentsOf: clean, encoding: .utf8)
        let slip = "takes 2m, note \"Priority", slipped = "takes 2 min, note \"Priority"
        try #require(cleanText.contains(slip))
        try cleanText.replacingOccurrences(of: slip, with: slipped).write(to: file, atomically: true, encoding: .utf8)

        let preview = Blueprint.process(["preview", file.lastPathComponent, "--port", "0", "--theme", "light"], in: folder)
        let output = Pipe()
        preview.standardOutput = output
        preview.standardError = FileHandle.nullDevice
        try preview.run()
        defer { Self.stop(preview) }
        let url = try #require(try Self.address(printedBy: output, within: 20), "blueprint preview printed no address")

        // The script kills the server and starts it again on the same port, to see the page reconnect.
        let port = try #require(URL(string: url)?.port)
        let status = try await Self.runPython([
            Self.script.path, "--url", url, "--file", file.path, "--clean", clean.path, "--screenshots", Self.screenshots.path,
            "--chromium", Self.chromium, "--chromedriver", Self.chromedriver, "--server-pid", String(preview.processIdentifier),
            "--restart", Blueprint.executable.path, "preview", file.lastPathComponent, "--port", String(port), "--theme", "light",
        ], timeout: 180)
        #expect(status == 0, "the browser checks failed (exit status \(status)); see the output above and \(Self.screenshots.path)")
    }

    /// The `http://…/` address on the first line `blueprint preview` prints.
    private static func address(printedBy pipe: Pipe, within seconds: Double) throws -> String? {
        let found = BlockingLine()
        pipe.fileHandleForReading.readabilityHandler = { handle in
            found.append(handle.availableData)
        }
        defer { pipe.fileHandleForReading.readabilityHandler = nil }
        guard let line = found.firstLine(within: seconds) else { return nil }
        return line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init)
    }

    /// Runs python3, its output passed through to the test log; kills it after `timeout` seconds.
    @discardableResult
    static func runPython(_ arguments: [String], timeout: Double) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            stop(process)
            Issue.record("python3 \(arguments.first ?? "") took longer than \(Int(timeout)) seconds and was stopped")
            return -1
        }
        return process.terminationStatus
    }

    /// Asks the process to stop, and kills it when it has not within five seconds. Returns at once:
    /// a test stops its servers in `defer`, and must hold no thread while they go.
    static func stop(_ process: Process) {
        process.terminate()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
    }
}

/// Collects output until its first line is complete.
private final class BlockingLine: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `buffer` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var buffer = Data()

    func append(_ data: Data) {
        condition.withLock {
            buffer.append(data)
            condition.broadcast()
        }
    }

    func firstLine(within seconds: Double) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        return condition.withLock {
            while !buffer.contains(UInt8(ascii: "\n")) {
                if !condition.wait(until: deadline) { return nil }
            }
            return String(decoding: buffer.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        }
    }
}
