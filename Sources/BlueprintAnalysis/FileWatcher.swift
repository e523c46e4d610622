import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches blueprint files and every `.blueprintlint.yml` that could apply to them, and reports each
/// burst of changes once, as the set of absolute paths that changed.
///
/// On Linux it listens to inotify on the files' folders (an editor that saves by writing a new file
/// and renaming it over the old one replaces the file, so a watch on the file itself would be lost)
/// and on every folder above them, where a configuration file may appear. Events are merged until
/// the folder has been quiet for `debounce`, so an editor's truncate–write–rename burst is read
/// once, complete. Elsewhere, or when inotify cannot be set up, it polls the files' metadata.
public final class FileWatcher: Sendable {
    public enum Mechanism: String, Sendable {
        case inotify, polling
    }

    public let mechanism: Mechanism
    /// Each element is one merged burst of changes.
    public let changes: AsyncStream<Set<String>>

    private let stopFlag = StopFlag()

    /// `files` as given on the command line; they are watched by their absolute paths.
    public init(files: [String], debounce: Duration = .milliseconds(20), pollInterval: Duration = .milliseconds(250),
                forcePolling: Bool = false) {
        let watched = WatchedPaths(files: files)
        let (changes, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        self.changes = changes
        let stopFlag = stopFlag
        #if canImport(Glibc)
        if !forcePolling, let inotify = InotifyLoop(watched: watched, debounce: debounce) {
            mechanism = .inotify
            Thread.detachNewThread { inotify.run(until: stopFlag, report: continuation) }
            continuation.onTermination = { _ in stopFlag.stop() }
            return
        }
        #endif
        mechanism = .polling
        let polling = PollingLoop(watched: watched, interval: pollInterval)
        Thread.detachNewThread { polling.run(until: stopFlag, report: continuation) }
        continuation.onTermination = { _ in stopFlag.stop() }
    }

    /// Ends the watch: the thread stops within a poll interval and `changes` finishes.
    public func stop() {
        stopFlag.stop()
    }

    deinit {
        stopFlag.stop()
    }

    /// The absolute form of `path` that `changes` reports.
    public static func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// What a change must touch to matter: a watched file, or a configuration file in a folder at or
/// above one.
struct WatchedPaths: Sendable {
    let files: Set<String>
    /// The files' own folders.
    let fileFolders: Set<String>
    /// Every folder from the files' folders up to the root.
    let configurationFolders: Set<String>

    init(files: [String]) {
        let absolute = Set(files.map(FileWatcher.absolutePath))
        self.files = absolute
        fileFolders = Set(absolute.map { ($0 as NSString).deletingLastPathComponent })
        var folders = Set<String>()
        for folder in fileFolders {
            var current = folder
            while folders.insert(current).inserted, current != "/" {
                current = (current as NSString).deletingLastPathComponent
            }
        }
        configurationFolders = folders
    }

    func matters(_ path: String) -> Bool {
        if files.contains(path) { return true }
        return Workspace.isConfigurationFile(path)
            && configurationFolders.contains((path as NSString).deletingLastPathComponent)
    }

    /// Every path whose metadata the polling loop compares: the files and each possible configuration file.
    var polledPaths: [String] {
        let configurationNames = [".blueprintlint.yml", ".blueprintlint.yaml"]
        return files.sorted() + configurationFolders.sorted().flatMap { folder in
            configurationNames.map { (folder as NSString).appendingPathComponent($0) }
        }
    }
}

/// Set once, read by a watcher thread between waits.
final class StopFlag: @unchecked Sendable {
    // `@unchecked Sendable` is sound because `stopped` is only touched with `lock` held.
    private let lock = NSLock()
    private var stopped = false

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() { lock.withLock { stopped = true } }
}

/// Compares the metadata of every polled path each interval: where file events are not available.
struct PollingLoop {
    let interval: Duration
    private let paths: [String]
    /// Read when the watch starts, not when its thread does: a save in between is not missed.
    private let initial: [Fingerprint?]

    init(watched: WatchedPaths, interval: Duration) {
        self.interval = interval
        paths = watched.polledPaths
        initial = paths.map(Self.fingerprint)
    }

    struct Fingerprint: Equatable {
        var inode: UInt64
        var size: Int64
        var modified: timespec

        static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
            lhs.inode == rhs.inode && lhs.size == rhs.size
                && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
        }
    }

    static func fingerprint(_ path: String) -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Fingerprint(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: info.st_mtimespec)
        #else
        return Fingerprint(inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: info.st_mtim)
        #endif
    }

    func run(until stopFlag: StopFlag, report: AsyncStream<Set<String>>.Continuation) {
        var known = initial
        while !stopFlag.isStopped {
            Thread.sleep(forTimeInterval: interval.seconds)
            let now = paths.map(Self.fingerprint)
            let changed = Set(paths.indices.filter { now[$0] != known[$0] }.map { paths[$0] })
            known = now
            if !changed.isEmpty { report.yield(changed) }
        }
        report.finish()
    }
}

#if canImport(Glibc)
/// inotify on every watched folder, read on a thread of its own.
final class InotifyLoop: @unchecked Sendable {
    // `@unchecked Sendable` is sound because after `init` only the watcher thread touches the state.
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let watched: WatchedPaths
    private let debounce: Duration
    /// However long a burst lasts, what it changed so far is reported after this.
    private let longestDelay: Duration

    private static let folderEvents = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
    private static let selfEvents = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)

    init?(watched: WatchedPaths, debounce: Duration) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.watched = watched
        self.debounce = debounce
        longestDelay = debounce * 5
        for folder in watched.configurationFolders {
            let watch = inotify_add_watch(descriptor, folder, Self.folderEvents)
            if watch >= 0 { folders[watch] = folder }
        }
        // Without a watch on a file's own folder its saves would go unseen: poll instead.
        guard watched.fileFolders.allSatisfy(folders.values.contains) else {
            close(descriptor)
            return nil
        }
    }

    deinit {
        close(descriptor)
    }

    func run(until stopFlag: StopFlag, report: AsyncStream<Set<String>>.Continuation) {
        let clock = ContinuousClock()
        var pending = Set<String>()
        var burstStart = clock.now
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !stopFlag.isStopped {
            // Wake up now and then to notice `stop()`; during a burst, wait only as long as the debounce.
            let wait = pending.isEmpty ? Duration.milliseconds(200) : debounce
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(wait.seconds * 1000))
            if ready > 0 {
                if pending.isEmpty { burstStart = clock.now }
                pending.formUnion(readEvents(into: &buffer))
            }
            let quiet = ready == 0
            if !pending.isEmpty && (quiet || clock.now - burstStart >= longestDelay) {
                report.yield(pending)
                pending.removeAll()
            }
        }
        report.finish()
    }

    /// The watched paths named by the events waiting on the descriptor.
    private func readEvents(into buffer: inout [UInt8]) -> Set<String> {
        var changed = Set<String>()
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return changed }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                let headerSize = MemoryLayout<inotify_event>.size
                while offset + headerSize <= count {
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + headerSize
                    let nameBytes = bytes[nameStart..<min(nameStart + Int(event.len), count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset = nameStart + Int(event.len)
                    guard let folder = folders[event.wd] else { continue }
                    if event.mask & Self.selfEvents != 0 {
                        // The folder itself went away: its files are gone too.
                        changed.formUnion(watched.files.filter { ($0 as NSString).deletingLastPathComponent == folder })
                        continue
                    }
                    let path = (folder as NSString).appendingPathComponent(name)
                    if watched.matters(path) { changed.insert(path) }
                }
            }
        }
    }
}
#endif

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
