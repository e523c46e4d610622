import ArgumentParser
import BlueprintAnalysis
import Foundation

extension RenderCommand {
    /// `--watch`: draws every file, then draws them again after each save of one of them, or of a
    /// `.blueprintlint.yml` that applies, until interrupted. A round's errors are printed, not fatal:
    /// the old diagram stays in place until the file is fixed.
    func runWatching() throws {
        unblockStopSignals()
        let paths = InputFiles(files).paths
        // Watch before the first drawing, so a save made while it is drawn is not missed.
        let watcher = FileWatcher(files: paths)
        drawRound()
        let saved = DispatchSemaphore(value: 0)
        Task {
            for await _ in watcher.changes { saved.signal() }
        }
        printError("Watching \(paths.count == 1 ? paths[0] : "\(paths.count) files") for changes "
            + "(\(watcher.mechanism.rawValue)); press Ctrl-C to stop.")
        while true {
            saved.wait()
            // Saves that came while drawing are all in the next round.
            while saved.wait(timeout: .now()) == .success {}
            drawRound()
        }
    }

    private func drawRound() {
        do {
            try draw(readsRegularFilesOnly: true)
            printError("\(Self.clock()) drawn")
        } catch let exit as ExitCode {
            // The reasons are printed already.
            printError("\(Self.clock()) not drawn (exit status \(exit.rawValue)); waiting for the next save")
        } catch {
            printError("error: \(error)")
        }
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}
