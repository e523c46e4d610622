import BlueprintAnalysis
import Foundation

/// The `.blueprint` files under the workspace root, for workspace symbols over files that are not
/// open. Each is parsed once and again only when its modification date changes.
final class WorkspaceFiles: @unchecked Sendable {
    /// More files than this are not searched: a root that is a home folder must not stall the server.
    static let fileLimit = 2_000

    let root: String
    // `@unchecked Sendable` is sound because `parsed` is only touched with `lock` held.
    private let lock = NSLock()
    private var parsed: [String: (modified: Date, document: Document)] = [:]

    init(root: String) {
        self.root = root
    }

    /// The documents of the files under the root whose path is not in `excluded`.
    func documents(excluding excluded: Set<String>) -> [Document] {
        var documents: [Document] = []
        for path in Self.blueprintFiles(under: root) where !excluded.contains(path) {
            guard !Task.isCancelled else { break }
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if let cached = lock.withLock({ parsed[path] }), cached.modified == modified {
                documents.append(cached.document)
                continue
            }
            // Within the input limit, as every front end reads: a huge file is skipped, not parsed.
            guard let source = try? loadSource(path) else { continue }
            let document = Document(path: path, source: source)
            lock.withLock { parsed[path] = (modified, document) }
            documents.append(document)
        }
        return documents
    }

    private static func blueprintFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles, .skipsPackageDescendants]) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            if url.lastPathComponent == ".build" || url.lastPathComponent == "node_modules" { enumerator.skipDescendants(); continue }
            guard url.pathExtension == "blueprint" else { continue }
            paths.append(url.path)
            if paths.count >= fileLimit { break }
        }
        return paths.sorted()
    }
}

/// File URIs and paths: the protocol names documents by URI, the analysis core by path.
enum DocumentURI {
    static func path(of uri: String) -> String {
        guard let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    static func uri(ofPath path: String) -> String {
        path.hasPrefix("/") ? URL(fileURLWithPath: path).absoluteString : path
    }
}
