import Foundation

/// What a command printed and how it ended.
package struct CommandResult: Sendable {
    package var status: Int32
    package var standardOutput: String
    package var standardError: String

    package init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs the executables this package builds, as a user would.
package enum CommandRunner {
    /// The package's root folder.
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// An executable product of this package, as SwiftPM built it for the tests: beside the test
    /// bundle, or in the debug build folder.
    package static func builtExecutable(named name: String) -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [besideTests, besideTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")]
        for folder in candidates {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug/\(name)")
    }

    /// A process of `program` ready to start, for tests that need its streams or its pid.
    package static func process(_ program: URL, _ arguments: [String], in directory: URL? = nil,
                                environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return process
    }

    /// Runs `program` to its end with `input` on standard input, without holding a thread while it runs.
    package static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil, input: Data? = nil,
                            environment: [String: String] = [:]) async throws -> CommandResult {
        let process = process(program, arguments, in: directory, environment: environment)
        // Files rather than pipes: a large output cannot block the process.
        let scratch = try TemporaryFolder("command")
        let outputURL = scratch.url("stdout"), errorURL = scratch.url("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL), error = try FileHandle(forWritingTo: errorURL)
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        let status = await process.exited()
        try output.close()
        try error.close()
        return CommandResult(status: status,
                             standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
                             standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
    }
}
