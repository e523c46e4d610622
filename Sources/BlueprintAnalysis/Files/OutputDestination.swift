#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path that must not be written at all: the CLI prints it and exits 2.
package struct OutputRefusal: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) {
        self.description = description
    }
}

/// Where a path given for output really leads, and so how to write there. Only a regular file is
/// replaced (atomically); a device, a FIFO or the process's own standard output is written in place,
/// and a symbolic link is never replaced: the file it leads to is.
package enum OutputDestination: Equatable {
    /// An open descriptor of this process: `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`.
    case descriptor(Int32)
    /// A character or block device or a FIFO, written as `cat > PATH` would.
    case stream(String)
    /// A regular file, existing or to be made, at the end of any symbolic links.
    case file(String)

    /// Linux gives up after 40 links; so does blueprint.
    package static let maximumLinks = 40

    package init(_ path: String) throws(OutputRefusal) {
        if let descriptor = Self.descriptorNamed(path) {
            self = .descriptor(descriptor)
            return
        }
        var info = stat()
        if stat(path, &info) == 0, ![S_IFREG, S_IFDIR].contains(info.st_mode & S_IFMT) {
            self = .stream(path)
            return
        }
        self = .file(try Self.followingLinks(path))
    }

    /// Device and inode of what the destination names now, to tell whether it is one of the inputs.
    package var fileIdentity: FileIdentity? {
        switch self {
        case .descriptor: nil
        case .stream(let path), .file(let path): FileIdentity(path)
        }
    }

    /// Writes `bytes` here; `path` is the name the user gave, for messages. With `replacing`, a file
    /// is written only while it still holds those bytes: a save made meanwhile is never lost. A file
    /// the command can make again (a drawing, an export) is not `syncing` (see `writeAtomically`).
    package func write(_ bytes: [UInt8], named path: String, replacing original: [UInt8]? = nil, syncing: Bool = true) throws(WriteError) {
        switch self {
        case .descriptor(let descriptor):
            if let failure = writeAll(bytes, to: descriptor) { throw WriteError(path: path, reason: failure) }
        case .stream(let device):
            let descriptor = open(device, O_WRONLY | O_NOCTTY)
            guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
            var failure = writeAll(bytes, to: descriptor)
            if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
            if let failure { throw WriteError(path: path, reason: failure) }
        case .file(let file):
            try writeAtomically(bytes, toFile: file, named: path, replacing: original, syncing: syncing)
        }
    }

    /// Whether `path` names this process's standard output.
    package static func isStandardOutput(_ path: String) -> Bool {
        descriptorNamed(path) == STDOUT_FILENO
    }

    private static func descriptorNamed(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for folder in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(folder) {
                return Int32(path.dropFirst(folder.count))
            }
            return nil
        }
    }

    /// The path at the end of the symbolic links starting at `path`; a dangling link leads to the file
    /// it names, which the write then creates.
    private static func followingLinks(_ path: String) throws(OutputRefusal) -> String {
        var current = path
        for _ in 0...maximumLinks {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ELOOP { throw loop(path) }
                return current
            }
            guard info.st_mode & S_IFMT == S_IFLNK, let target = linkTarget(current) else { return current }
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = current[...slash] + target
            } else {
                current = target
            }
        }
        throw loop(path)
    }

    private static func loop(_ path: String) -> OutputRefusal {
        OutputRefusal(description: "'\(path)' is a loop of symbolic links; nothing was written")
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A file's device and inode: two paths name one file, through links of either kind, when these agree.
package struct FileIdentity: Hashable {
    package var device: UInt64
    package var inode: UInt64

    package init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The regular file an open descriptor reads (standard input redirected from a file, say).
    package init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
