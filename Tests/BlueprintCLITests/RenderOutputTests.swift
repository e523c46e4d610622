import BlueprintTestSupport
import Foundation
import Testing

/// Where `render -o` writes (issue #11): devices, FIFOs and standard output in place, links followed and
/// never replaced, the source never overwritten, no temporary file left behind.
@Suite struct RenderOutputTests {
    /// `S_IFCHR`, `S_IFIFO`, … of the file `path` names, links followed.
    private func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test func devicesAreWrittenInPlaceAndStayDevices() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])

        let toNull = try await Blueprint.run(["render", "a.blueprint", "-o", "/dev/null"], in: workspace.url)
        let toFull = try await Blueprint.run(["render", "a.blueprint", "-o", "/dev/full"], in: workspace.url)

        #expect(toNull.status == 0)
        #expect(toFull.status == 1)
        #expect(toFull.standardError.contains("cannot write '/dev/full': No space left on device"))
        #expect(fileType("/dev/null") == S_IFCHR)
        #expect(fileType("/dev/full") == S_IFCHR)
    }

    @Test func fifoIsWrittenInPlace() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let fifo = workspace.path("diagram.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening a FIFO for reading waits for the writer, so the reader runs beside the command.
        let received = Received()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            received.done.signal()
        }
        reader.start()

        let result = try await Blueprint.run(["render", "a.blueprint", "-o", fifo], in: workspace.url)

        #expect(result.status == 0)
        #expect(received.done.wait(timeout: .now() + 30) == .success)
        #expect(String(decoding: received.data, as: UTF8.self).contains("<svg"))
        #expect(fileType(fifo) == S_IFIFO)
    }

    private final class Received: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }

    /// `-o -` and `/dev/fd/1` (like `/dev/stdout`) write to the standard output the command was given,
    /// here a pipe.
    @Test(arguments: ["-", "/dev/fd/1"])
    func standardOutputNamesArePipedThrough(name: String) async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let process = Blueprint.process(["render", "a.blueprint", "-o", name], in: workspace.url)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        await process.exited()

        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self).contains("<svg"))
    }

    @Test func theSourceIsNeverOverwritten() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        try FileManager.default.createSymbolicLink(atPath: workspace.path("soft.svg"), withDestinationPath: "a.blueprint")
        try FileManager.default.linkItem(atPath: workspace.path("a.blueprint"), toPath: workspace.path("hard.svg"))

        for target in ["a.blueprint", "./a.blueprint", "soft.svg", "hard.svg"] {
            let result = try await Blueprint.run(["render", "a.blueprint", "-o", target], in: workspace.url)
            #expect(result.status == 2)
            #expect(result.standardError.contains("is the blueprint 'a.blueprint' itself"))
        }
        #expect(try String(contentsOfFile: workspace.path("a.blueprint"), encoding: .utf8) == cleanFile)
        #expect(isSymbolicLink(workspace.path("soft.svg")))
    }

    /// Issue #20: one step with thousands of flows took time and memory in their square (10,000
    /// flows: 8.6 s and 2.8 GB). Every flow is drawn; `BlueprintBenchmarks render-scaling` measures the
    /// growth, and the limit only keeps a regression from hanging the suite.
    @Test(.timeLimit(.minutes(1))) func aStepWithThousandsOfFlowsIsDrawn() async throws {
        let workspace = try Workspace(["fan.blueprint": BlueprintGenerator.fanOut(flows: 2_000)])
        let result = try await Blueprint.run(["render", "fan.blueprint", "--format", "dot", "-o", "fan.dot"], in: workspace.url)
        #expect(result.status == 0, "\(result.standardError)")
        let dot = try String(contentsOfFile: workspace.path("fan.dot"), encoding: .utf8)
        #expect(dot.components(separatedBy: "\"step-hub\" -> ").count - 1 == 2_000, "one arrow out of the hub per flow")
    }

    /// Issue #20: `render - -o in.blueprint < in.blueprint` replaced the source with the drawing.
    @Test func standardInputThatIsTheSourceIsNeverOverwritten() async throws {
        let workspace = try Workspace(["in.blueprint": cleanFile])
        for extra in [[], ["--stdin-filename", "in.blueprint"]] {
            let process = Blueprint.process(["render", "-", "-o", "in.blueprint"] + extra, in: workspace.url)
            process.standardInput = FileHandle(forReadingAtPath: workspace.path("in.blueprint"))
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            #expect(await process.exited() == 2, "\(extra)")
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(message.contains("writing the diagram there would destroy its source"), "\(extra): \(message)")
        }
        // Named by --stdin-filename, piped rather than redirected: refused all the same.
        let piped = try await Blueprint.run(["render", "-", "--stdin-filename", "in.blueprint", "-o", "in.blueprint"],
                                            in: workspace.url, input: Data(cleanFile.utf8))
        #expect(piped.status == 2)
        #expect(try String(contentsOfFile: workspace.path("in.blueprint"), encoding: .utf8) == cleanFile)
    }

    @Test func aDanglingLinkLeadsToANewFileAndStaysALink() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile, "out/.keep": ""])
        try FileManager.default.createSymbolicLink(atPath: workspace.path("link.svg"), withDestinationPath: "out/diagram.svg")

        let result = try await Blueprint.run(["render", "a.blueprint", "-o", "link.svg"], in: workspace.url)

        #expect(result.status == 0)
        #expect(isSymbolicLink(workspace.path("link.svg")))
        #expect(try String(contentsOfFile: workspace.path("out/diagram.svg"), encoding: .utf8).contains("<svg"))
    }

    @Test func aLinkLoopIsRefused() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        try FileManager.default.createSymbolicLink(atPath: workspace.path("one.svg"), withDestinationPath: "two.svg")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("two.svg"), withDestinationPath: "one.svg")

        let result = try await Blueprint.run(["render", "a.blueprint", "-o", "one.svg"], in: workspace.url)

        #expect(result.status == 2)
        #expect(result.standardError.contains("'one.svg' is a loop of symbolic links"))
        #expect(isSymbolicLink(workspace.path("one.svg")))
        #expect(isSymbolicLink(workspace.path("two.svg")))
    }

    @Test func fmtWritesThroughALinkAndKeepsIt() async throws {
        let unformatted = "blueprint \"X\"\ncustomer   ask \"Asks\"\n"
        let workspace = try Workspace(["real/a.blueprint": unformatted])
        try FileManager.default.createSymbolicLink(atPath: workspace.path("a.blueprint"), withDestinationPath: "real/a.blueprint")

        #expect(try await Blueprint.run(["fmt", "a.blueprint"], in: workspace.url).status == 0)

        #expect(isSymbolicLink(workspace.path("a.blueprint")))
        #expect(try String(contentsOfFile: workspace.path("real/a.blueprint"), encoding: .utf8) != unformatted)
    }

    private func temporaries(in workspace: borrowing Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".tmp-") }
    }

    /// The test hook holds the write open between the temporary file and the rename.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalInTheWriteWindowRemovesTheTemporaryFile(signal: Int32) throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let child = try spawnWithSignalsDelivered(
            ["render", workspace.path("a.blueprint"), "-o", workspace.path("out.svg")],
            environment: ["BLUEPRINT_TEST_HOOK_WRITE_PAUSE_SECONDS=30"])
        _ = waitForTemporaryFile(in: workspace.url, within: 30)
        #expect(try temporaries(in: workspace).count == 1)

        kill(child, signal)
        var status: Int32 = 0
        waitpid(child, &status, 0)

        // Killed by the signal itself (the low seven bits of the status), as if no handler had run.
        #expect(status & 0x7F == signal)
        #expect(try temporaries(in: workspace).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out.svg")))
    }

    /// Starts `blueprint` with no signal blocked or ignored: the test runner blocks most signals, and
    /// a child started by `Process` inherits that.
    private func spawnWithSignalsDelivered(_ arguments: [String], environment: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&files, descriptor, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([Blueprint.executable.path] + arguments).map { strdup($0) } + [nil]
        let environ = (ProcessInfo.processInfo.environment.map { "\($0)=\($1)" } + environment).map { strdup($0) } + [nil]
        defer { (argv + environ).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, argv[0]!, &files, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        return child
    }

    @Test func staleTemporariesOfTheOutputAreRemovedByTheNextWrite() async throws {
        let workspace = try Workspace(["a.blueprint": cleanFile])
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        await finished.exited()
        let alive = ProcessInfo.processInfo.processIdentifier
        let files = [
            "gone": ".out.svg.tmp-\(finished.processIdentifier)-AAAAAA",
            "old": ".out.svg.tmp-\(alive)-BBBBBB",
            "busy": ".out.svg.tmp-\(alive)-CCCCCC",
            "other": ".other.svg.tmp-\(finished.processIdentifier)-DDDDDD",
        ]
        for name in files.values { try workspace.write("partial", to: name) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)],
                                              ofItemAtPath: workspace.path(files["old"]!))

        #expect(try await Blueprint.run(["render", "a.blueprint", "-o", "out.svg"], in: workspace.url).status == 0)

        let left = Set(try temporaries(in: workspace))
        #expect(left == [files["busy"]!, files["other"]!])
    }
}

@Suite struct InputLimitTests {
    @Test func aFileOverTheLimitIsRefusedNamingIt() async throws {
        let workspace = try Workspace()
        try workspace.write(Data(repeating: UInt8(ascii: " "), count: 64 << 20 + 1), to: "big.blueprint")

        for command in ["fmt", "lint", "render"] {
            let result = try await Blueprint.run([command, "big.blueprint"], in: workspace.url)
            #expect(result.status == 2)
            #expect(result.standardError.contains("big.blueprint: error: the file is larger than 64 MiB, the limit for a blueprint"))
        }
    }

    @Test func endlessStandardInputStopsAtTheLimit() async throws {
        let process = Blueprint.process(["fmt", "-"])
        process.standardInput = FileHandle(forReadingAtPath: "/dev/zero")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        await process.exited()

        #expect(process.terminationStatus == 2)
        #expect(String(decoding: message, as: UTF8.self).contains("-: error: the file is larger than 64 MiB"))
    }
}
