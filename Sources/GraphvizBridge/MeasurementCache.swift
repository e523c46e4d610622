internal import CGraphvizText
internal import Foundation

/// The line sizes the lanes measured in earlier processes, kept in a file for the next one: a render
/// whose words are all in it needs neither pango nor fontconfig, whose loading and font sets are
/// most of a small render's time.
///
/// The file is used only while nothing a measurement depends on has changed since it was written:
/// - the environment variables that steer fontconfig, pango and the dynamic linker;
/// - this executable, every shared library loaded (pango, HarfBuzz, FreeType, fontconfig and theirs),
///   fontconfig's configuration files and folders, and its font folders, compared by `stat`.
///   Fontconfig itself decides whether its cache of fonts is current by those folders' times: a font
///   added, removed or replaced by a package changes its folder's time.
///
/// A file that is missing, unreadable, damaged or out of date is not used, and is replaced once the
/// lanes have measured; a failure to write it only costs the next process the measuring. The caller
/// reads and writes the file (`MeasurementStorage`), whole.
///
/// `@unchecked Sendable`: every field is only touched with `condition` locked.
final class MeasurementCache: @unchecked Sendable {
    private let storage: MeasurementStorage
    private let condition = NSCondition()
    private var isLoading = true
    /// What the file held, when it was current.
    private var stored: LineSizes = [:]
    /// What this process's lanes measured that `stored` lacks.
    private var measured: LineSizes = [:]

    /// Past this many sizes the file starts again from the last process's: a file that only grew
    /// would make every render read sizes of text long gone.
    static let maximumCount = 20_000

    init(storage: MeasurementStorage) {
        self.storage = storage
    }

    /// Reads the file, and keeps its sizes when it is current. Until it returns, `take` waits.
    /// Returns whether there were sizes to keep.
    func load() -> Bool {
        let contents = storage.read().flatMap(Contents.init(decoding:))
        let current = contents.map { $0.fingerprint == Fingerprint.current(paths: $0.fingerprint.files.map(\.path)) } ?? false
        let kept = current ? contents?.sizes ?? [:] : [:]
        condition.withLock {
            stored = kept
            isLoading = false
            condition.broadcast()
        }
        return !kept.isEmpty
    }

    /// Puts the sizes of `texts` in `font` that the file holds into `sizes`, and returns the others.
    func take(_ texts: [String], in font: FontKey, into sizes: inout LineSizes) -> [String] {
        condition.lock()
        defer { condition.unlock() }
        while isLoading { condition.wait() }
        let found = stored[font] ?? [:], foundNow = measured[font] ?? [:]
        return texts.filter { text in
            guard let size = found[text] ?? foundNow[text] else { return true }
            sizes[font, default: [:]][text] = size
            return false
        }
    }

    /// Keeps sizes the lanes measured, for `save`.
    func record(_ sizes: LineSizes) {
        condition.withLock {
            for (font, lines) in sizes {
                for (text, size) in lines where stored[font]?[text] == nil && measured[font]?[text] == nil {
                    measured[font, default: [:]][text] = size
                }
            }
        }
    }

    /// Writes the file when this process measured anything new.
    func save() {
        let kept = condition.withLock { () -> LineSizes in
            guard !measured.isEmpty else { return [:] }
            guard Self.count(stored) + Self.count(measured) <= Self.maximumCount else { return measured }
            return stored.merging(measured) { old, new in old.merging(new) { first, _ in first } }
        }
        guard !kept.isEmpty, let paths = Self.environmentPaths() else { return }
        storage.write(Contents(fingerprint: Fingerprint.current(paths: paths), sizes: kept).encoded())
    }

    private static func count(_ sizes: LineSizes) -> Int {
        sizes.values.reduce(0) { $0 + $1.count }
    }

    // MARK: Files

    /// The executable, a few user configuration files fontconfig reads when they exist, the files the
    /// lanes' libraries report, and the folders of the configuration files (where another may appear).
    private static func environmentPaths() -> [String]? {
        guard let libraries = reportedPaths(cgraphviz_loaded_libraries),
              let configuration = reportedPaths(cgraphviz_font_configuration_files),
              let fontFolders = reportedPaths(cgraphviz_font_folders) else { return nil }
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? NSHomeDirectory()
        let userConfiguration = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        let own = ["/proc/self/exe", userConfiguration + "/fontconfig", home + "/.fonts.conf", home + "/.fonts.conf.d"]
        let configurationFolders = configuration.map { ($0 as NSString).deletingLastPathComponent }
        var seen = Set<String>()
        return (own + libraries + configuration + configurationFolders + fontFolders).filter { seen.insert($0).inserted }
    }

    private static func reportedPaths(_ part: cgraphviz_text_environment_part) -> [String]? {
        var length = 0
        guard let list = cgraphviz_text_environment_paths(part, &length) else { return nil }
        defer { free(list) }
        return UnsafeRawBufferPointer(start: list, count: length).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// How a `MeasurementCache` reads and writes its file: `read` returns nil for a file that is missing
/// or cannot be read, and `write` replaces the file whole or leaves it as it was.
package struct MeasurementStorage: Sendable {
    package var read: @Sendable () -> [UInt8]?
    package var write: @Sendable ([UInt8]) -> Void

    package init(read: @escaping @Sendable () -> [UInt8]?, write: @escaping @Sendable ([UInt8]) -> Void) {
        self.read = read
        self.write = write
    }
}

// MARK: - The file's contents

/// What the sizes in the file were measured under.
private struct Fingerprint: Equatable {
    /// `NAME=value` of each variable in `variables`, `NAME` alone where it is not set.
    var environment: [String]
    var files: [FileSignature]

    /// What fontconfig, pango, FreeType and the dynamic linker read from the environment.
    static let variables = [
        "FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "FC_LANG", "FREETYPE_PROPERTIES",
        "PANGOCAIRO_BACKEND", "PANGO_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG",
        "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DATA_DIRS", "LD_LIBRARY_PATH", "LD_PRELOAD",
    ]

    static func current(paths: [String]) -> Fingerprint {
        let environment = ProcessInfo.processInfo.environment
        return Fingerprint(environment: variables.map { name in environment[name].map { "\(name)=\($0)" } ?? name },
                           files: paths.map(FileSignature.init(path:)))
    }
}

/// A file as `stat` finds it: a file replaced, changed or removed has another signature.
private struct FileSignature: Equatable {
    var path: String
    /// Device, inode, size, mode, then modification and status-change times (seconds, nanoseconds);
    /// for a file `stat` cannot find, minus its `errno` then zeros.
    var fields: [Int64]

    static let fieldCount = 8

    init(path: String, fields: [Int64]) {
        self.path = path
        self.fields = fields
    }

    init(path: String) {
        self.path = path
        var status = stat()
        guard stat(path, &status) == 0 else {
            fields = [-Int64(errno)] + Array(repeating: 0, count: Self.fieldCount - 1)
            return
        }
        fields = [Int64(status.st_dev), Int64(status.st_ino), Int64(status.st_size), Int64(status.st_mode),
                  Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec), Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec)]
    }
}

/// The file: a header line, the fingerprint, then each font's sizes. Numbers are little-endian;
/// a string is its UTF-8 length (four bytes) and bytes.
private struct Contents {
    var fingerprint: Fingerprint
    var sizes: LineSizes

    static let header = Array("blueprint measured text 1\n".utf8)

    init(fingerprint: Fingerprint, sizes: LineSizes) {
        self.fingerprint = fingerprint
        self.sizes = sizes
    }

    init?(decoding bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard reader.take(Self.header.count) == Self.header[...], let variableCount = reader.count(ofItemsOfAtLeast: Reader.stringSize) else { return nil }
        var environment: [String] = []
        for _ in 0..<variableCount {
            guard let variable = reader.string() else { return nil }
            environment.append(variable)
        }
        guard let fileCount = reader.count(ofItemsOfAtLeast: Reader.stringSize + 8 * FileSignature.fieldCount) else { return nil }
        var files: [FileSignature] = []
        for _ in 0..<fileCount {
            guard let path = reader.string() else { return nil }
            var fields: [Int64] = []
            for _ in 0..<FileSignature.fieldCount {
                guard let field = reader.integer() else { return nil }
                fields.append(field)
            }
            files.append(FileSignature(path: path, fields: fields))
        }
        guard let fontCount = reader.count(ofItemsOfAtLeast: Reader.stringSize + 8 + 4) else { return nil }
        var sizes: LineSizes = [:]
        for _ in 0..<fontCount {
            guard let name = reader.string(), let size = reader.double(), let lineCount = reader.count(ofItemsOfAtLeast: Reader.stringSize + 16) else { return nil }
            var lines: [String: (width: Double, height: Double)] = [:]
            lines.reserveCapacity(lineCount)
            for _ in 0..<lineCount {
                guard let text = reader.string(), let width = reader.double(), let height = reader.double() else { return nil }
                lines[text] = (width, height)
            }
            sizes[FontKey(name: name, size: size)] = lines
        }
        guard reader.isAtEnd else { return nil }
        self.init(fingerprint: Fingerprint(environment: environment, files: files), sizes: sizes)
    }

    func encoded() -> [UInt8] {
        var writer = Writer(bytes: Self.header)
        writer.count(fingerprint.environment.count)
        fingerprint.environment.forEach { writer.string($0) }
        writer.count(fingerprint.files.count)
        for file in fingerprint.files {
            writer.string(file.path)
            file.fields.forEach { writer.integer($0) }
        }
        writer.count(sizes.count)
        for (font, lines) in sizes {
            writer.string(font.name)
            writer.double(font.size)
            writer.count(lines.count)
            for (text, size) in lines {
                writer.string(text)
                writer.double(size.width)
                writer.double(size.height)
            }
        }
        return writer.bytes
    }
}

private struct Reader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer() -> Int64? {
        guard let field = take(8) else { return nil }
        return Int64(littleEndian: field.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) })
    }

    mutating func double() -> Double? { integer().map { Double(bitPattern: UInt64(bitPattern: $0)) } }

    /// The fewest bytes a string takes: its length.
    static let stringSize = 4

    /// A count of items that take at least `size` bytes each, which the bytes left must hold: a
    /// damaged count fails here, before anything is made for it.
    mutating func count(ofItemsOfAtLeast size: Int) -> Int? {
        guard let field = take(4) else { return nil }
        let count = Int(UInt32(littleEndian: field.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }))
        return count <= (bytes.count - offset) / size ? count : nil
    }

    mutating func string() -> String? {
        guard let length = count(ofItemsOfAtLeast: 1), let text = take(length) else { return nil }
        return String(validating: text, as: UTF8.self)
    }
}

private struct Writer {
    var bytes: [UInt8]

    mutating func integer(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { integer(Int64(bitPattern: value.bitPattern)) }

    mutating func count(_ value: Int) {
        withUnsafeBytes(of: UInt32(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        count(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }
}
