
/// What one burst of saves changed in a workspace: the documents it keeps anew, and the files it
/// could not read (missing, unreadable, or under a configuration that cannot be read), by path.
public struct WorkspaceChange: Sendable {
    /// In code-point order of their paths.
    public var documents: [Document] = []
    public var failures: [String: DocumentLoadError] = [:]

    public init() {}

    public var isEmpty: Bool { documents.isEmpty && failures.isEmpty }

    /// This change followed by `later`: for a path in both, the later state counts.
    public func merged(with later: WorkspaceChange) -> WorkspaceChange {
        var merged = self
        let laterPaths = Set(later.documents.map(\.path)).union(later.failures.keys)
        merged.documents.removeAll { laterPaths.contains($0.path) }
        merged.failures = merged.failures.filter { !laterPaths.contains($0.key) }
        merged.documents += later.documents
        merged.failures.merge(later.failures) { _, new in new }
        return merged.sorted()
    }

    func sorted() -> WorkspaceChange {
        var sorted = self
        sorted.documents.sort { $0.path.unicodeScalars.lexicographicallyPrecedes($1.path.unicodeScalars) }
        return sorted
    }
}

/// A workspace's files kept in step with the disk: the one file watcher of the core, behind the
/// language server, the preview and `render --watch`. Each burst of saves becomes one
/// `WorkspaceChange`: a changed configuration file re-configures every kept document, and (when the
/// watch reads files) a saved file is read again.
public final class WorkspaceWatch: Sendable {
    public let mechanism: FileWatcher.Mechanism
    public let changes: AsyncStream<WorkspaceChange>
    private let watcher: FileWatcher

    init(workspace: Workspace, paths: [String], readsFiles: Bool, forcePolling: Bool) {
        watcher = FileWatcher(files: paths, forcePolling: forcePolling)
        mechanism = watcher.mechanism
        let (changes, continuation) = AsyncStream.makeStream(of: WorkspaceChange.self)
        self.changes = changes
        let watcher = watcher
        // Absolute paths, as the watcher reports them, to the paths as given, as documents are kept.
        let given = Dictionary(paths.map { (FileWatcher.absolutePath($0), $0) }, uniquingKeysWith: { first, _ in first })
        let reading = Task {
            for await changed in watcher.changes {
                var change = WorkspaceChange()
                var saved = changed.compactMap { given[$0] }
                if changed.contains(where: Workspace.isConfigurationFile) {
                    change = workspace.configurationDidChange()
                    // A file refused for its configuration is not kept: read it under the new one.
                    saved += paths.filter { workspace.document(at: $0) == nil }
                }
                if readsFiles {
                    change = change.merged(with: workspace.reload(Array(Set(saved)).sorted()))
                }
                if !change.isEmpty { continuation.yield(change) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in
            reading.cancel()
            watcher.stop()
        }
    }

    /// Ends the watch: `changes` finishes.
    public func stop() {
        watcher.stop()
    }
}

extension Workspace {
    /// Watches the files at `paths` and the configuration files that apply to them. With
    /// `readsFiles`, a saved file is read again (`reload`); without, only configuration changes
    /// are followed: what an editor, which owns the text of its open files, wants.
    public func watch(_ paths: [String], readsFiles: Bool = true, forcePolling: Bool = false) -> WorkspaceWatch {
        WorkspaceWatch(workspace: self, paths: paths, readsFiles: readsFiles, forcePolling: forcePolling)
    }
}
