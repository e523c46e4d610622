import BlueprintDiagnostics
import Foundation

/// Why a file could not be read as blueprint source: the CLI prints it and exits 2.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// Where the text stops being UTF-8, for a file that is not.
    public var position: SourcePosition?
    public var reason: String

    public init(path: String, position: SourcePosition? = nil, reason: String) {
        self.path = path
        self.position = position
        self.reason = reason
    }

    public var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): error: \(reason)"
    }
}

/// The most a blueprint may hold, from a file or standard input. Reading stops just past it, so
/// `fmt - < /dev/zero` fails at once instead of filling memory, and an editor's workspace of huge
/// files costs no more than the command line would accept.
public let maximumSourceBytes = 64 << 20

/// Why a text over `maximumSourceBytes` is not analysed, as every front end says it.
public let oversizedSourceReason = "the file is larger than 64 MiB, the limit for a blueprint"

/// Reads a file, or standard input for `-`, as validated blueprint source, refusing anything larger
/// than `maximumSourceBytes`. Every front end reads blueprints through here. With
/// `regularFileOnly`, what is not a regular file is refused without waiting on it: a watcher must
/// not block on a FIFO put where the file was (one with no writer would never answer).
public func loadSource(_ path: String, regularFileOnly: Bool = false) throws(LoadError) -> SourceText {
    let bytes = try readSourceBytes(path, regularFileOnly: regularFileOnly)
    do {
        return try SourceText(bytes: bytes)
    } catch {
        throw LoadError(path: path, position: error.position, reason: "\(error); blueprint files are UTF-8")
    }
}

/// The bytes of the file, in chunks, up to `maximumSourceBytes`.
private func readSourceBytes(_ path: String, regularFileOnly: Bool) throws(LoadError) -> [UInt8] {
    // Opening a FIFO without O_NONBLOCK waits for a writer; a regular file reads the same either way.
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | (regularFileOnly ? O_NONBLOCK : 0))
    guard descriptor >= 0 else { throw LoadError(path: path, reason: "cannot read the file: \(readableReason(errno))") }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var bytes: [UInt8] = []
    var info = stat()
    let isRegularFile = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    if regularFileOnly && !isRegularFile {
        throw LoadError(path: path, reason: "it is not a regular file (a FIFO, a device or a socket); only files are watched")
    }
    // A regular file's size is known: one allocation of that size, not a buffer grown twice over it.
    if isRegularFile, info.st_size <= maximumSourceBytes {
        bytes.reserveCapacity(Int(info.st_size) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return bytes }
        guard count > 0 else {
            if errno == EINTR { continue }
            throw LoadError(path: path, reason: "cannot read the file: \(readableReason(errno))")
        }
        bytes += chunk[..<count]
        guard bytes.count <= maximumSourceBytes else {
            throw LoadError(path: path, reason: oversizedSourceReason)
        }
    }
}

private func readableReason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EACCES: "permission denied"
    case EISDIR: "it is a folder"
    default: String(cString: strerror(code))
    }
}
