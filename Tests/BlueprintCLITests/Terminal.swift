import BlueprintTestSupport
import Foundation

/// Runs `blueprint` on a pseudo-terminal through util-linux's `script`, for what only happens on
/// a terminal (colour, refusing binary output). Standard output and standard error both reach the
/// terminal, so `standardOutput` holds both and `standardError` is empty.
enum Terminal {
    static let script = "/usr/bin/script"
    /// BSD's `script` (macOS) takes other options.
    static var isAvailable: Bool {
        #if os(Linux)
        FileManager.default.isExecutableFile(atPath: script)
        #else
        false
        #endif
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> CommandResult {
        let command = ([Blueprint.executable.path] + arguments).map(shellQuoted).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        // -q: no banner; -e: the command's exit status; -c: the command; /dev/null: no typescript file.
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = directory.appendingPathComponent(".terminal-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        await process.exited()
        try handle.close()
        return CommandResult(status: process.terminationStatus,
                             standardOutput: String(decoding: try Data(contentsOf: output), as: UTF8.self), standardError: "")
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
