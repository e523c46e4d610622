import ArgumentParser
import BlueprintAnalysis
import Foundation

extension RenderCommand {
    /// `--watch`: draws every file, then draws again each file the workspace reads anew after a
    /// save (of the file, or of a `.blueprintlint.yml` that applies), until interrupted. A round's
    /// errors are printed, not fatal: the old diagram stays in place until the file is fixed.
    func runWatching(_ inputs: InputFiles) throws {
        unblockStopSignals()
        let workspace = analysis.workspace()
        // Watch before the first drawing, so a save made while it is drawn is not missed.
        let watch = workspace.watch(inputs.paths)
        let pending = PendingChanges()
        Task {
            for await change in watch.changes { pending.add(change) }
        }
        drawRound(workspace.reload(inputs.paths), missing: inputs.missing, inputs: inputs)
        printError("Watching \(inputs.paths.count == 1 ? inputs.paths[0] : "\(inputs.paths.count) files") for changes "
            + "(\(watch.mechanism.rawValue)); press Ctrl-C to stop.")
        while true {
            // Saves that came while drawing are all in the next round.
            drawRound(pending.next(), inputs: inputs)
        }
    }

    private func drawRound(_ change: WorkspaceChange, missing: [String] = [], inputs: InputFiles) {
        let paths = inputs.paths.filter { path in change.failures[path] != nil || change.documents.contains { $0.path == path } }
        do {
            try draw(LintRun(change, missing: missing, language: analysis.lang.choice), paths: paths, inputs: inputs.paths)
            printError("\(Self.clock()) drawn" + (paths.count < inputs.paths.count ? ": " + paths.joined(separator: ", ") : ""))
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

/// The changes the watch reported since the last round, merged: the drawing thread waits for them
/// while the watch's task adds them.
private final class PendingChanges: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `merged` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var merged: WorkspaceChange?

    func add(_ change: WorkspaceChange) {
        condition.withLock {
            merged = merged.map { $0.merged(with: change) } ?? change
            condition.signal()
        }
    }

    /// Waits for a change, and takes every change that came meanwhile.
    func next() -> WorkspaceChange {
        condition.withLock {
            while merged == nil { condition.wait() }
            defer { merged = nil }
            return merged!
        }
    }
}
