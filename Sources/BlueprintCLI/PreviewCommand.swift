import ArgumentParser
import BlueprintAnalysis
import BlueprintPreview
import Foundation

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show blueprints in the browser, redrawn each time a file is saved.",
        discussion: """
        Starts a local web server and prints its address. With one file the page shows its diagram; \
        with several files or a folder, an index lists them. Saving a file, or a .blueprintlint.yml \
        that applies to it, updates the page in place. While a file has lint errors the page keeps \
        the last good diagram, dimmed, under the diagnostics. The server answers only requests \
        addressed to it, and only for the files it was started on. Stop it with Ctrl-C.

        Exit status: 2 when a file cannot be found, the address is wrong or the port is taken.
        """
    )

    @Argument(help: "Blueprint files, or folders to search for them.")
    var files: [String] = []

    @Option(help: ArgumentHelp("The port to listen on (0: any free port). Without it, \(PreviewOptions.defaultPort) or the next free one.",
                               valueName: "port"))
    var port: UInt16?

    @Option(help: ArgumentHelp("The address to listen on. Anything but a loopback address lets other machines see the files.",
                               valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Open the page in the default browser.")
    var open = false

    @Option(help: "The diagram theme the page starts with: light, dark or print (default: the browser's light or dark).")
    var theme: DiagramTheme?

    @Option(help: ArgumentHelp("Language of messages: en, zh-Hans, zh-Hant, or auto (each file's 'locale').", valueName: "language"))
    var lang: LanguageOption = .auto

    @Flag(help: "Poll the files for changes instead of using the system's file events (for network file systems, where they do not arrive).")
    var poll = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one blueprint file or folder to preview") }
    }

    func run() throws {
        unblockStopSignals()
        let inputs = InputFiles(files)
        for missing in inputs.missing { printError(LintRun.missingFailure(missing, in: lang.choice)) }
        guard inputs.missing.isEmpty else { throw ExitCode(2) }
        guard !inputs.paths.isEmpty else {
            printError("error: no .blueprint files in \(files.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let address: ListenAddress
        do {
            address = try ListenAddress(host)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let options = PreviewOptions(paths: inputs.paths, host: address, port: port, theme: theme?.rawValue,
                                     language: lang.choice, forcePolling: poll)
        let server = PreviewServer(options: options, workspace: Workspace())
        let outcome = BlockingResult<URL, PreviewError>()
        let stopped = BlockingResult<Void, Never>()
        Task {
            do throws(PreviewError) {
                outcome.set(.success(try await server.start()))
                await server.waitUntilStopped()
                stopped.set(.success(()))
            } catch {
                outcome.set(.failure(error))
            }
        }
        let url: URL
        do {
            url = try outcome.wait().get()
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if !address.isLoopback {
            printError("warning: listening on \(address.ip), not a loopback address: other machines on the network can read these blueprints")
        }
        let what = inputs.paths.count == 1 ? inputs.paths[0] : "\(inputs.paths.count) blueprints"
        writeOutput("Previewing \(what) at \(url.absoluteString)\n")
        printError("Watching for changes (\(server.watchMechanism?.rawValue ?? "polling")); press Ctrl-C to stop.")
        if open { openInBrowser(url) }
        // The server runs on Swift's cooperative threads; this thread only waits for it.
        _ = stopped.wait()
        printError("error: the server stopped")
        throw ExitCode(1)
    }

    private func openInBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url.absoluteString]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            printError("warning: cannot open a browser (\(error.localizedDescription)); open \(url.absoluteString) yourself")
        }
    }
}

/// Lets Ctrl-C and `kill` stop a command that runs until stopped. A launcher that spawned it from a
/// thread blocking signals (Dispatch's threads do) passes that mask on.
func unblockStopSignals() {
    var stopSignals = sigset_t()
    sigemptyset(&stopSignals)
    sigaddset(&stopSignals, SIGINT)
    sigaddset(&stopSignals, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
}

/// A value produced by a task and waited for by a thread that is not one of Swift's.
final class BlockingResult<Success: Sendable, Failure: Error>: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `result` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var result: Result<Success, Failure>?

    func set(_ value: Result<Success, Failure>) {
        condition.withLock {
            result = value
            condition.signal()
        }
    }

    func wait() -> Result<Success, Failure> {
        condition.withLock {
            while result == nil { condition.wait() }
            return result!
        }
    }
}
