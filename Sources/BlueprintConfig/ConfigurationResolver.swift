import BlueprintDiagnostics
import BlueprintLint
import Foundation

/// Finds the configuration that applies to each linted file: the nearest `.blueprintlint.yml` (or
/// `.blueprintlint.yaml`) in the file's folder or the folders above it, up to the file-system root.
/// The search stops at the first folder that has one; files further up are not merged in, so a
/// folder's file states everything that applies below it. With no file at all, the default
/// configuration (every rule at its default severity) applies.
///
/// Each folder is searched, and each file read, once per resolver: linting a thousand files in one
/// folder reads its configuration once. One resolver may be shared by concurrent lint tasks.
package final class ConfigurationResolver: @unchecked Sendable {
    private let knownRules: [RuleID]
    private let workingDirectory: String
    /// The absolute path of the file given with `--config`, which applies to every file instead.
    private let explicitFile: String?

    // `@unchecked Sendable` is sound because the caches below are only touched with `lock` held.
    // (`Mutex` would say so to the compiler, but needs macOS 15 and the package supports macOS 13.)
    private let lock = NSLock()
    private var fileByDirectory: [String: Result<String?, ConfigurationError>] = [:]
    private var configurationByFile: [String: Result<LintConfiguration, ConfigurationError>] = [:]

    /// `knownRules` are the ids a configuration may set; relative paths are taken from `workingDirectory`.
    /// A `configurationFile` applies to every file instead of the nearest one.
    package init(knownRules: [RuleID], workingDirectory: String = FileManager.default.currentDirectoryPath,
                configurationFile: String? = nil) {
        self.knownRules = knownRules
        self.workingDirectory = Self.normalized(workingDirectory, from: "/")
        self.explicitFile = configurationFile.map { Self.normalized($0, from: Self.normalized(workingDirectory, from: "/")) }
    }

    /// The configuration for the file at `path`. The same error is thrown for every file under a
    /// bad configuration file; `ConfigurationError` is `Hashable`, so a caller can print each once.
    package func configuration(forFile path: String) throws(ConfigurationError) -> LintConfiguration {
        lock.lock()
        defer { lock.unlock() }
        guard let file = try applyingFile(forFile: path) else { return .default }
        return try loadedConfiguration(at: file).get()
    }

    /// The configuration file that applies to the file at `path`, as `ConfigurationError.path`
    /// would name it, or nil when none does.
    package func configurationFile(forFile path: String) throws(ConfigurationError) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return try applyingFile(forFile: path).map(displayPath)
    }

    /// The explicit file, or the nearest one; the caller holds `lock`.
    private func applyingFile(forFile path: String) throws(ConfigurationError) -> String? {
        if let explicitFile { return explicitFile }
        return try configurationFile(forDirectory: directory(of: path))
    }

    private func directory(of filePath: String) -> String {
        Self.parent(of: Self.normalized(filePath, from: workingDirectory)) ?? "/"
    }

    /// The absolute path of the nearest configuration file, caching the answer for every folder
    /// passed on the way up.
    private func configurationFile(forDirectory start: String) throws(ConfigurationError) -> String? {
        var passed: [String] = []
        var folder: String? = start
        var found: Result<String?, ConfigurationError> = .success(nil)
        while let current = folder {
            if let cached = fileByDirectory[current] {
                found = cached
                break
            }
            passed.append(current)
            if let inFolder = configurationFile(in: current) {
                found = inFolder
                break
            }
            folder = Self.parent(of: current)
        }
        for folder in passed { fileByDirectory[folder] = found }
        return try found.get()
    }

    /// The configuration file in `folder` itself; nil when it has none.
    private func configurationFile(in folder: String) -> Result<String?, ConfigurationError>? {
        let present = ConfigurationFile.fileNames
            .map { Self.joined(folder, $0) }
            .filter(Self.isRegularFile)
        guard let first = present.first else { return nil }
        guard present.count == 1 else {
            let names = ConfigurationFile.fileNames.joined(separator: " and ")
            let problem = ConfigurationError.Problem(position: nil, message: "\(names) are both in this folder; keep one")
            return .failure(ConfigurationError(path: displayPath(present[1]), problems: [problem]))
        }
        return .success(first)
    }

    private func loadedConfiguration(at file: String) -> Result<LintConfiguration, ConfigurationError> {
        if let cached = configurationByFile[file] { return cached }
        let loaded = Result { () throws(ConfigurationError) in try load(file) }
        configurationByFile[file] = loaded
        return loaded
    }

    private func load(_ file: String) throws(ConfigurationError) -> LintConfiguration {
        let path = displayPath(file)
        let unreadable = ConfigurationError(path: path, problems: [.init(position: nil, message: "cannot be read")])
        guard let handle = FileHandle(forReadingAtPath: file) else { throw unreadable }
        defer { try? handle.close() }
        // At most one byte past the limit: a huge file is refused without being read whole.
        guard let bytes = try? handle.read(upToCount: ConfigurationLimits.maximumBytes + 1) ?? Data() else { throw unreadable }
        let source: SourceText
        do {
            source = try SourceText(bytes: bytes)
        } catch {
            throw ConfigurationError(path: path, problems: [.init(position: error.position, message: error.description)])
        }
        let text = String(decoding: source.bytes, as: UTF8.self)
        return try ConfigurationFile.parse(text, path: path, knownRules: knownRules)
    }

    /// Relative to the working directory when the file lies under it, as users like to see it.
    private func displayPath(_ absolutePath: String) -> String {
        let prefix = workingDirectory == "/" ? "/" : workingDirectory + "/"
        return absolutePath.hasPrefix(prefix) ? String(absolutePath.dropFirst(prefix.count)) : absolutePath
    }

    /// An absolute path without `.`, `..` or repeated slashes. `..` is resolved by name, as a
    /// shell's `cd` does, not by following symbolic links.
    static func normalized(_ path: String, from base: String) -> String {
        let full = path.hasPrefix("/") ? path : base + "/" + path
        var components: [Substring] = []
        for component in full.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        // Appended one by one: the generic `joined(separator:)` costs a scan of the binary's conformance
        // records on its first use.
        var normal = ""
        for component in components {
            normal += "/"
            normal.append(contentsOf: component)
        }
        return normal.isEmpty ? "/" : normal
    }

    /// The folder holding `path`, or nil for the root.
    static func parent(of path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }

    /// Present and not a folder, links followed. Asked with `stat` itself: `FileManager`, set up for
    /// these questions alone, cost every lint 0.25 ms.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
    }
}
