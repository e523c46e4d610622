#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Why a file could not be written.
package struct WriteError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes `bytes` to the regular file `path` (symbolic links already followed, see
/// `OutputDestination`) through a temporary file in the same folder and a rename, so a reader (or a
/// failed run) never sees a half-written file. An existing file keeps its permissions and owner.
///
/// The temporary file is `.NAME.tmp-PID-XXXXXX`. It is removed on SIGINT and SIGTERM; one left by a
/// run killed outright is removed by the next write of the same file (see `StaleTemporaries`).
///
/// With `original`, the file is replaced only when it still holds those bytes just before the rename
/// (`fmt` and `lint --fix` rewrite what they read; a line saved while they ran must not be lost).
///
/// With `syncing`, the bytes reach the disk before the rename: a file a person wrote survives a
/// crash whole. A drawing or an export is made again by running the command, and goes without
/// (as `dot -o` or a compiler's output does): the sync was a third of a millisecond or more of
/// every render.
///
/// A file the writer may not write is refused, as the file system would refuse writing it in place
/// (a rename in a folder the writer may write would replace it anyway). A file with other hard
/// links is written in place, so every name keeps showing the same text.
package func writeAtomically(_ bytes: [UInt8], toFile path: String, named requestedPath: String,
                             replacing original: [UInt8]? = nil, syncing: Bool = true) throws(WriteError) {
    var existing = stat()
    if stat(path, &existing) == 0 {
        guard access(path, W_OK) == 0 else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
        if existing.st_nlink > 1 { return try writeInPlace(bytes, toFile: path, named: requestedPath, replacing: original, syncing: syncing) }
    } else {
        existing = stat()
    }
    StaleTemporaries.remove(besides: path)
    // The handler that removes the temporary file on SIGINT or SIGTERM is in place before the file
    // exists: a signal arriving in between would otherwise leave it behind.
    let (descriptor, temporaryPath) = try createTemporaryFile(beside: path, named: requestedPath)
    defer { InterruptedWriteCleanup.end() }
    let mode: mode_t = existing.st_ino != 0 ? existing.st_mode & 0o7777 : 0o644 & ~currentUmask()
    var failure = writeAll(bytes, to: descriptor)
    pauseInWriteWindowForTests()
    if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
    // Keeping the owner needs privileges; without them the file becomes the writer's, as with any editor.
    if failure == nil, existing.st_ino != 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
    if failure == nil, syncing, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, let original, contents(of: path) != original {
        failure = changedSinceRead
    }
    if failure == nil, rename(temporaryPath, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporaryPath)
        throw WriteError(path: requestedPath, reason: failure)
    }
}

/// Replaces the contents of a file with hard links in place: its inode, and so every name of it, its
/// mode and its owner stay. Not atomic: a reader may see it half-written, which a rename would avoid.
private func writeInPlace(_ bytes: [UInt8], toFile path: String, named requestedPath: String,
                          replacing original: [UInt8]?, syncing: Bool) throws(WriteError) {
    if let original, contents(of: path) != original {
        throw WriteError(path: requestedPath, reason: changedSinceRead)
    }
    let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
    guard descriptor >= 0 else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
    var failure = writeAll(bytes, to: descriptor)
    if failure == nil, syncing, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if let failure { throw WriteError(path: requestedPath, reason: failure) }
}

/// Creates `.NAME.tmp-PID-XXXXXX` beside `path`, exclusively, with the cleanup of an interrupted
/// write already watching the name (a file that does not exist yet is simply not removed).
private func createTemporaryFile(beside path: String, named requestedPath: String) throws(WriteError) -> (Int32, String) {
    let prefix = StaleTemporaries.prefix(for: path) + "\(getpid())-"
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    for _ in 0..<100 {
        let candidate = prefix + String((0..<6).map { _ in letters.randomElement()! })
        InterruptedWriteCleanup.begin(removing: candidate)
        let descriptor = open(candidate, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { return (descriptor, candidate) }
        let code = errno
        InterruptedWriteCleanup.end()
        guard code == EEXIST else { throw WriteError(path: requestedPath, reason: String(cString: strerror(code))) }
    }
    throw WriteError(path: requestedPath, reason: "no free name for a temporary file beside it")
}

private let changedSinceRead = "it changed since it was read; it was left as it is, run the command again"

/// The bytes of a regular file, nil when it cannot be read.
private func contents(of path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map(Array.init)
}

/// Writes all of `bytes` to an open descriptor; the reason when it fails (ENOSPC on `/dev/full`, say).
package func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    bytes.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
            let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += result
        }
        return nil
    }
}

/// Test hook, for the tests of interrupted writes only: with `BLUEPRINT_TEST_HOOK_WRITE_PAUSE_SECONDS`
/// set, every atomic write sleeps that long between writing its temporary file and renaming it, so
/// a test can send a signal while the temporary file exists.
private func pauseInWriteWindowForTests() {
    guard let value = getenv("BLUEPRINT_TEST_HOOK_WRITE_PAUSE_SECONDS"), let seconds = UInt32(String(cString: value))
    else { return }
    sleep(seconds)
}

private func currentUmask() -> mode_t {
    let mask = umask(0)
    umask(mask)
    return mask
}
