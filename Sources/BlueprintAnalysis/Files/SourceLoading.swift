import BlueprintDiagnostics
import Foundation

/// Why a file could not be read as blueprint source: the CLI prints it and exits 2.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// Where the text stops being UTF-8, for a file that is not.
    public var position: SourcePosition?
    /// Why, in any language.
    public var message: Message
    /// Why, in English.
    public var reason: String { message.description }

    public init(path: String, position: SourcePosition? = nil, message: Message) {
        self.path = path
        self.position = position
        self.message = message
    }

    public var description: String { description(in: .en) }

    /// `path[:line:column]: error: reason`, the reason in `language`; `error` stays English, as in
    /// every report (editors and CI problem matchers look for it).
    public func description(in language: MessageLanguage) -> String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): error: \(message.text(in: language))"
    }
}

/// Why a file or an input cannot be read, in the words of each language.
package enum LoadMessage: MessageCatalog {
    case cannotRead, noSuchFile, permissionDenied, isFolder, notRegularFile, tooLarge, notUTF8, noSuchInput

    package var phrase: Phrase {
        switch self {
        case .cannotRead: Phrase(en: "cannot read the file: {reason}", zhHans: "无法读取文件：{reason}", zhHant: "無法讀取檔案：{reason}")
        case .noSuchFile: Phrase(en: "no such file", zhHans: "文件不存在", zhHant: "檔案不存在")
        case .permissionDenied: Phrase(en: "permission denied", zhHans: "没有权限", zhHant: "沒有權限")
        case .isFolder: Phrase(en: "it is a folder", zhHans: "这是一个文件夹", zhHant: "這是一個資料夾")
        case .notRegularFile:
            Phrase(en: "it is not a regular file (a FIFO, a device or a socket); only files are watched",
                   zhHans: "这不是普通文件（而是管道、设备或套接字）；只监视文件", zhHant: "這不是一般檔案（而是具名管線、裝置或通訊端）；只監看檔案")
        case .tooLarge:
            Phrase(en: "the file is larger than 64 MiB, the limit for a blueprint", zhHans: "文件大于 64 MiB，超过蓝图文件的上限",
                   zhHant: "檔案大於 64 MiB，超過藍圖檔案的上限")
        case .notUTF8:
            Phrase(en: "invalid UTF-8: byte 0x{byte} does not start or continue a valid sequence; blueprint files are UTF-8",
                   zhHans: "UTF-8 编码无效：字节 0x{byte} 不能开始或延续有效的序列；蓝图文件须为 UTF-8",
                   zhHant: "UTF-8 編碼無效：位元組 0x{byte} 不能開始或延續有效的序列；藍圖檔案須為 UTF-8")
        case .noSuchInput: Phrase(en: "no such file or folder", zhHans: "没有这个文件或文件夹", zhHant: "沒有這個檔案或資料夾")
        }
    }
}

/// The most a blueprint may hold, from a file or standard input. Reading stops just past it, so
/// `fmt - < /dev/zero` fails at once instead of filling memory, and an editor's workspace of huge
/// files costs no more than the command line would accept.
public let maximumSourceBytes = 64 << 20

/// Why a text over `maximumSourceBytes` is not analysed, as every front end says it.
public let oversizedSource = Message(LoadMessage.tooLarge)

/// Reads a file, or standard input for `-`, as validated blueprint source, refusing anything larger
/// than `maximumSourceBytes`. Every front end reads blueprints through here. With
/// `regularFileOnly`, what is not a regular file is refused without waiting on it: a watcher must
/// not block on a FIFO put where the file was (one with no writer would never answer).
public func loadSource(_ path: String, regularFileOnly: Bool = false) throws(LoadError) -> SourceText {
    let bytes = try readBytes(path, limit: maximumSourceBytes, regularFileOnly: regularFileOnly)
    do {
        return try SourceText(bytes: bytes)
    } catch {
        throw LoadError(path: path, position: error.position,
                        message: Message(LoadMessage.notUTF8, ["byte": .text(String(error.byte, radix: 16, uppercase: true))]))
    }
}

/// The bytes of the file (`-` for standard input), in chunks, up to `limit`; with `regularFileOnly`,
/// what is not a regular file is refused without waiting on it.
package func readBytes(_ path: String, limit: Int, regularFileOnly: Bool) throws(LoadError) -> [UInt8] {
    // Opening a FIFO without O_NONBLOCK waits for a writer; a regular file reads the same either way.
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | (regularFileOnly ? O_NONBLOCK : 0))
    guard descriptor >= 0 else { throw LoadError(path: path, message: unreadable(errno)) }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var bytes: [UInt8] = []
    var info = stat()
    let isRegularFile = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    if regularFileOnly && !isRegularFile {
        throw LoadError(path: path, message: Message(LoadMessage.notRegularFile))
    }
    // A regular file's size is known: one allocation of that size, not a buffer grown twice over it.
    if isRegularFile, info.st_size <= limit {
        bytes.reserveCapacity(Int(info.st_size) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return bytes }
        guard count > 0 else {
            if errno == EINTR { continue }
            throw LoadError(path: path, message: unreadable(errno))
        }
        bytes += chunk[..<count]
        guard bytes.count <= limit else {
            throw LoadError(path: path, message: oversizedSource)
        }
    }
}

private func unreadable(_ code: Int32) -> Message {
    let reason = switch code {
    case ENOENT: Message(LoadMessage.noSuchFile)
    case EACCES: Message(LoadMessage.permissionDenied)
    case EISDIR: Message(LoadMessage.isFolder)
    default: Message.verbatim(String(cString: strerror(code)))
    }
    return Message(LoadMessage.cannotRead, ["reason": .message(reason)])
}
