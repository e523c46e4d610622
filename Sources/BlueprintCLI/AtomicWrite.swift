#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written.
struct WriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write '\(path)': \(reason)" }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a
/// rename, so a reader (or a failed run) never sees a half-written file. An
/// existing file keeps its permissions and owner; a symbolic link keeps
/// pointing where it did, and the file it names is replaced.
func writeAtomically(_ bytes: some Collection<UInt8>, to requestedPath: String) throws(WriteError) {
    let path = resolvingSymbolicLinks(requestedPath)
    let folderEnd = path.lastIndex(of: "/")
    let folder = folderEnd.map { String(path[...$0]) } ?? ""
    let name = folderEnd.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array("\(folder).\(name).tmp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw WriteError(path: requestedPath, reason: String(cString: strerror(errno))) }
    let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var existing = stat()
    let mode: mode_t = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644 & ~currentUmask()
    var failure: String?
    let data = Array(bytes)
    data.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
            let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            written += result
        }
    }
    if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
    // Keeping the owner needs privileges; without them the file becomes the writer's, as with any editor.
    if failure == nil, existing.st_ino != 0 { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporaryPath, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporaryPath)
        throw WriteError(path: requestedPath, reason: failure)
    }
}

/// The file a path finally names, when it is a symbolic link; the path itself otherwise.
private func resolvingSymbolicLinks(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
}

private func currentUmask() -> mode_t {
    let mask = umask(0)
    umask(mask)
    return mask
}
