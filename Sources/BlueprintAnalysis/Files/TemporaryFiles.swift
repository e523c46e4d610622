import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary file of an atomic write when SIGINT or SIGTERM stops the run in the middle
/// of it. The handlers are installed only around the write; the handler unlinks the file and dies of
/// the same signal, so the caller still sees the run interrupted.
enum InterruptedWriteCleanup {
    static let signals = [SIGINT, SIGTERM]
    /// The handlers there were before `begin`, to put back at `end`.
    private nonisolated(unsafe) static var previousHandlers: [Int32: SignalHandler?] = [:]

    static func begin(removing temporaryPath: String) {
        // A path too long for the buffer cannot be a real one: mkstemp made it.
        temporaryPath.withCString { _ = strncpy(pendingTemporaryPath, $0, pendingTemporaryPathCapacity - 1) }
        for number in signals {
            let previous = signal(number, removeTemporaryFileAndDie)
            // A signal the caller ignores (nohup, a background job) stays ignored.
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(number, previous)
            }
            previousHandlers[number] = previous
        }
    }

    static func end() {
        // Cleared first: from here the temporary file is renamed or removed, and a signal must not unlink it.
        pendingTemporaryPath[0] = 0
        for (number, handler) in previousHandlers { signal(number, handler) }
        previousHandlers = [:]
    }
}

private let pendingTemporaryPathCapacity = Int(PATH_MAX) + 1
/// The temporary file being written, as a C string: a signal handler may only make async-signal-safe
/// calls, so it cannot read a Swift string. Made before any handler is installed.
private nonisolated(unsafe) let pendingTemporaryPath: UnsafeMutablePointer<CChar> = {
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: pendingTemporaryPathCapacity)
    buffer.initialize(repeating: 0, count: pendingTemporaryPathCapacity)
    return buffer
}()

/// Only async-signal-safe calls: unlink, signal, raise.
private func removeTemporaryFileAndDie(_ number: Int32) {
    if pendingTemporaryPath[0] != 0 { unlink(pendingTemporaryPath) }
    signal(number, SIG_DFL)
    raise(number)
}

private typealias SignalHandler = @convention(c) (Int32) -> Void

/// Temporary files that earlier writes of a file left behind when they were killed outright (SIGKILL,
/// a power cut): same folder, named `.NAME.tmp-PID-XXXXXX`.
enum StaleTemporaries {
    /// Older than this, a temporary file is no longer being written, whoever made it.
    static let maximumAge: TimeInterval = 60

    /// `FOLDER/.NAME.tmp-`, the start of the temporary files of `path`.
    static func prefix(for path: String) -> String {
        let (folder, name) = split(path)
        return "\(folder).\(name).tmp-"
    }

    /// Removes the temporary files of `path` whose writer is gone or that are older than `maximumAge`.
    /// Only regular files of this user are touched.
    static func remove(besides path: String, now: Date = Date()) {
        let (folder, name) = split(path)
        let namePrefix = ".\(name).tmp-"
        for entry in entries(of: folder.isEmpty ? "." : folder, startingWith: namePrefix) {
            let candidate = folder + entry
            var info = stat()
            guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { continue }
            #if canImport(Darwin)
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtimespec.tv_sec))
            #else
            let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
            #endif
            let writer = entry.dropFirst(namePrefix.count).split(separator: "-").first.flatMap { pid_t($0) }
            if now.timeIntervalSince(modified) > maximumAge || writer.map(isGone) == true {
                unlink(candidate)
            }
        }
    }

    /// The names in `folder` that start with `prefix`. The other names are compared as bytes, never
    /// made strings: an output folder may hold thousands of files (listing them as strings took 3 ms
    /// of a render for 9,600).
    private static func entries(of folder: String, startingWith prefix: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let prefixLength = prefix.utf8.count
        var found: [String] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                let name = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
                if strncmp(name, prefix, prefixLength) == 0 { found.append(String(cString: name)) }
            }
        }
        return found
    }

    private static func isGone(_ process: pid_t) -> Bool {
        process != getpid() && kill(process, 0) != 0 && errno == ESRCH
    }

    /// The folder (with its `/`, or empty) and the name of `path`.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}
