import BlueprintConfig
import BlueprintDiagnostics
import BlueprintLint
import BlueprintModel
import Foundation

/// The files a tool works on, by path, and the configuration that applies to each: the nearest
/// `.blueprintlint.yml` above it (or the one file given with `--config`). Configuration files are
/// read once and forgotten when one changes (`configurationDidChange()`), which gives every open
/// document its new configuration. Safe to share between threads.
public final class Workspace: @unchecked Sendable {
    public let workingDirectory: String
    /// The configuration file given explicitly, which applies to every file instead of the nearest one.
    public let configurationFile: String?
    /// The promise budget of each document (fuzzers give a small one).
    public let promiseWork: Int

    // `@unchecked Sendable` is sound because the state below is only touched with `lock` held.
    private let lock = NSLock()
    private var resolver: ConfigurationResolver
    private var documents: [String: Document] = [:]
    /// Kept documents whose configuration could not be read at the last change: they keep the one
    /// before, and count as changed once it reads again, even when it reads the same.
    private var misconfigured: Set<String> = []

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath, configurationFile: String? = nil,
                promiseWork: Int = PromiseAnalysis.defaultFileWork) {
        self.workingDirectory = workingDirectory
        self.configurationFile = configurationFile
        self.promiseWork = promiseWork
        resolver = Self.makeResolver(workingDirectory: workingDirectory, configurationFile: configurationFile)
    }

    /// Whether a changed file at `path` is a configuration file (its change calls for `configurationDidChange()`).
    public static func isConfigurationFile(_ path: String) -> Bool {
        ConfigurationFile.fileNames.contains((path as NSString).lastPathComponent)
    }

    /// The configuration that applies to the file at `path`.
    public func configuration(forPath path: String) throws(ConfigurationError) -> LintConfiguration {
        let resolver = lock.withLock { self.resolver }
        return try resolver.configuration(forFile: path)
    }

    /// The configuration file that applies to the file at `path`, relative to the working directory when under it.
    public func configurationFile(forPath path: String) throws(ConfigurationError) -> String? {
        let resolver = lock.withLock { self.resolver }
        return try resolver.configurationFile(forFile: path)
    }

    /// Makes the document for `source` at `path` under its configuration and keeps it, replacing the
    /// one kept for that path. A configuration that cannot be read is thrown: the file cannot be
    /// linted as its owner asked.
    @discardableResult
    public func open(path: String, source: SourceText, version: Int = 0) throws(ConfigurationError) -> Document {
        let document = Document(path: path, source: source, configuration: try configuration(forPath: path), promiseWork: promiseWork,
                                version: version)
        lock.withLock { documents[path] = document }
        return document
    }

    /// Reads the file at `path` within the input limit, makes its document and keeps it, as
    /// `open(path:source:)` does. What watches files reads regular files only (see `loadSource`).
    @discardableResult
    public func open(path: String, regularFileOnly: Bool = false) throws(DocumentLoadError) -> Document {
        let document = try load(path: path, regularFileOnly: regularFileOnly)
        update(document)
        return document
    }

    /// Makes the document for `source` at `path` without keeping it: what a batch run (`blueprint
    /// lint` over a thousand files) wants.
    public func document(path: String, source: SourceText) throws(ConfigurationError) -> Document {
        Document(path: path, source: source, configuration: try configuration(forPath: path), promiseWork: promiseWork)
    }

    /// The document kept for `path`.
    public func document(at path: String) -> Document? {
        lock.withLock { documents[path] }
    }

    /// Keeps `document` for its path (after an edit, say).
    public func update(_ document: Document) {
        lock.withLock { documents[document.path] = document }
    }

    public func close(path: String) {
        lock.withLock {
            documents[path] = nil
            misconfigured.remove(path)
        }
    }

    /// The paths of the kept documents, in code-point order.
    public var openPaths: [String] {
        lock.withLock { documents.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    }

    /// A configuration file was created, changed or deleted: read configuration afresh and give
    /// every kept document the configuration that applies to it now. Returns the documents whose
    /// configuration changed (or reads again after an error), and the configuration errors of those
    /// that now have a bad one (they keep their old configuration).
    @discardableResult
    public func configurationDidChange() -> WorkspaceChange {
        let fresh = Self.makeResolver(workingDirectory: workingDirectory, configurationFile: configurationFile)
        let kept = lock.withLock {
            resolver = fresh
            return documents
        }
        var change = WorkspaceChange()
        var recovered = Set<String>()
        for (path, document) in kept {
            do {
                let configuration = try fresh.configuration(forFile: path)
                let wasMisconfigured = lock.withLock { misconfigured.contains(path) }
                guard configuration != document.configuration || wasMisconfigured else { continue }
                change.documents.append(document.with(configuration: configuration))
                recovered.insert(path)
            } catch {
                change.failures[path] = .configuration(error)
            }
        }
        lock.withLock {
            change.documents.removeAll { documents[$0.path] !== kept[$0.path] }
            for document in change.documents { documents[document.path] = document }
            misconfigured.subtract(recovered)
            misconfigured.formUnion(change.failures.keys.filter { documents[$0] != nil })
        }
        return change.sorted()
    }

    /// Reads the files at `paths` again (regular files only: what watches files must not block) and
    /// keeps their documents. A file read with new text gets the next version; one whose text and
    /// configuration are as kept is left out of the change; one that cannot be read is no longer kept.
    @discardableResult
    public func reload(_ paths: [String]) -> WorkspaceChange {
        var change = WorkspaceChange()
        for path in paths {
            do {
                let read = try load(path: path, regularFileOnly: true)
                let kept = document(at: path)
                if let kept, kept.source.bytes == read.source.bytes {
                    guard kept.configuration != read.configuration else { continue }
                    change.documents.append(kept.with(configuration: read.configuration))
                } else {
                    change.documents.append(Document(path: path, source: read.source, configuration: read.configuration,
                                                     promiseWork: promiseWork, version: kept.map { $0.version + 1 } ?? 0))
                }
            } catch {
                change.failures[path] = error
                close(path: path)
            }
        }
        for document in change.documents { update(document) }
        return change.sorted()
    }

    private static func makeResolver(workingDirectory: String, configurationFile: String?) -> ConfigurationResolver {
        ConfigurationResolver(knownRules: Linter.ruleIDs, workingDirectory: workingDirectory, configurationFile: configurationFile)
    }
}

/// Why a workspace could not make a document of a file.
public enum DocumentLoadError: Error, Sendable, CustomStringConvertible {
    /// The file is missing, unreadable, too large or not UTF-8.
    case unreadable(LoadError)
    /// The configuration that applies to it cannot be read: it cannot be linted as its owner asked.
    case configuration(ConfigurationError)

    public var description: String { description(in: .en) }

    /// The error in `language`; a configuration's problems stay English, as its keys are.
    public func description(in language: MessageLanguage) -> String {
        switch self {
        case .unreadable(let error): error.description(in: language)
        case .configuration(let error): error.description
        }
    }
}

extension Workspace {
    /// The document of the file at `path` (standard input for `-`), read within the input limit, under
    /// the configuration that applies to `name` (the path by default; what `--stdin-filename` gives for
    /// standard input). Not kept: `open(path:source:)` keeps what an editor has open.
    public func load(path: String, name: String? = nil, regularFileOnly: Bool = false) throws(DocumentLoadError) -> Document {
        let source: SourceText
        do {
            source = try loadSource(path, regularFileOnly: regularFileOnly)
        } catch {
            throw .unreadable(error)
        }
        do {
            return try document(path: name ?? path, source: source)
        } catch {
            throw .configuration(error)
        }
    }
}
