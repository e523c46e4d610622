@testable import BlueprintAnalysis
import Foundation
import Testing

@Suite(.timeLimit(.minutes(2)))
struct FileWatcherTests {
    /// A scratch folder with `child/plan.blueprint`, so a configuration file can appear above it.
    private func scratch() throws -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-watch-\(UUID().uuidString)")
        let child = folder.appendingPathComponent("child")
        try FileManager.default.createDirectory(at: child, withIntermediateDirectories: true)
        let file = child.appendingPathComponent("plan.blueprint")
        try Data("blueprint \"Plan\"\n".utf8).write(to: file)
        return (folder, file)
    }

    /// Every burst reported within `seconds` after `act` ran.
    private func bursts(of watcher: FileWatcher, within seconds: Double, after act: () throws -> Void) async throws -> [Set<String>] {
        // Let the watch settle before acting, so the writes are not merged with its setting up.
        try await Task.sleep(for: .milliseconds(100))
        let collecting = Task {
            var seen: [Set<String>] = []
            for await burst in watcher.changes { seen.append(burst) }
            return seen
        }
        try act()
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        watcher.stop()
        return await collecting.value
    }

    @Test func anEditorsBurstOfWritesIsReportedOnce() async throws {
        let (folder, file) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A debounce longer than the default, so a busy machine pausing the writer does not split the burst.
        let watcher = FileWatcher(files: [file.path], debounce: .milliseconds(150))
        try #require(watcher.mechanism == .inotify)
        let seen = try await bursts(of: watcher, within: 1.5) {
            // Truncate, write in pieces, then save by rename, as editors do.
            for piece in 0..<5 {
                try Data("blueprint \"Plan \(piece)\"\n".utf8).write(to: file)
            }
            let temporary = file.deletingLastPathComponent().appendingPathComponent(".plan.blueprint.swp")
            try Data("blueprint \"Plan, saved\"\n".utf8).write(to: temporary)
            #expect(rename(temporary.path, file.path) == 0)
        }
        #expect(seen == [[FileWatcher.absolutePath(file.path)]])
    }

    @Test func aConfigurationFileAboveTheFileIsSeen() async throws {
        let (folder, file) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // What is seen matters here, not how it is grouped: a busy machine may pause the writer
        // between creating the file and writing it, which makes two bursts of the one file.
        let watcher = FileWatcher(files: [file.path], debounce: .milliseconds(150))
        let configuration = folder.appendingPathComponent(".blueprintlint.yml")
        let seen = try await bursts(of: watcher, within: 1) {
            try Data("rules: {}\n".utf8).write(to: configuration)
            // Neither another file nor another name in the same folder matters.
            try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        }
        #expect(Set(seen.joined()) == [FileWatcher.absolutePath(configuration.path)])
    }

    @Test func pollingSeesChangesAndDeletions() async throws {
        let (folder, file) = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher(files: [file.path], pollInterval: .milliseconds(40), forcePolling: true)
        #expect(watcher.mechanism == .polling)
        let path = FileWatcher.absolutePath(file.path)
        var changes = watcher.changes.makeAsyncIterator()
        try Data("blueprint \"Plan, longer\"\n".utf8).write(to: file, options: .atomic)
        #expect(await changes.next() == [path])
        try FileManager.default.removeItem(at: file)
        #expect(await changes.next() == [path])
        watcher.stop()
    }
}
