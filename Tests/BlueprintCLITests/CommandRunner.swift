import BlueprintTestSupport
import Foundation

/// The built `blueprint` executable, run as a user would.
enum Blueprint {
    static let executable = CommandRunner.builtExecutable(named: "blueprint")
    static let packageRoot = CommandRunner.packageRoot

    /// A `blueprint` process ready to start, for tests that need its streams or its pid.
    static func process(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) -> Process {
        CommandRunner.process(executable, arguments, in: directory, environment: environment)
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, input: Data? = nil,
                    environment: [String: String] = [:]) async throws -> CommandResult {
        try await CommandRunner.run(executable, arguments, in: directory, input: input, environment: environment)
    }
}

/// Waits, holding this thread, until `folder` holds a write's temporary file; false after `seconds`.
/// A test that must act inside a write window waits this way: a sleeping task may wake only after it.
func waitForTemporaryFile(in folder: URL, within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: { $0.contains(".tmp-") }) { return true }
        usleep(20_000)
    }
    return false
}
