import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEditor
import Foundation

/// The `.blueprint` files under the workspace root, for workspace symbols over files that are not
/// open. Each is read once, and again only when its modification date changes; what is kept of it is
/// its symbols, not its text or its analysis, so a large workspace costs the size of its outline.
final class WorkspaceFiles: @unchecked Sendable {
    /// More files than this are not searched: a root that is a home folder must not stall the server.
    static let fileLimit = 2_000

    let root: String
    // `@unchecked Sendable` is sound because `indexed` is only touched with `lock` held.
    private let lock = NSLock()
    private var indexed: [String: (modified: Date, symbols: [LSP.SymbolInformation])] = [:]

    init(root: String) {
        self.root = root
    }

    /// Up to `limit` symbols matching `query` of the files under the root whose path is not in `excluded`.
    func symbols(matching query: SymbolQuery, limit: Int, excluding excluded: Set<String>, encoding: PositionEncoding) -> [LSP.SymbolInformation] {
        let paths = Self.blueprintFiles(under: root)
        // Files gone from the workspace are forgotten.
        let present = Set(paths)
        lock.withLock { indexed = indexed.filter { present.contains($0.key) } }
        var found: [LSP.SymbolInformation] = []
        for path in paths where !excluded.contains(path) && found.count < limit {
            guard !Task.isCancelled else { break }
            for symbol in symbols(ofFile: path, encoding: encoding) where query.matches(symbol.name) {
                found.append(symbol)
                if found.count == limit { break }
            }
        }
        return found
    }

    private func symbols(ofFile path: String, encoding: PositionEncoding) -> [LSP.SymbolInformation] {
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { return [] }
        if let cached = lock.withLock({ indexed[path] }), cached.modified == modified { return cached.symbols }
        // Within the input limit, as every front end reads: a huge file is skipped, not parsed.
        guard let source = try? loadSource(path, regularFileOnly: true) else { return [] }
        let context = FeatureContext(document: Document(path: path, source: source), uri: DocumentURI.uri(ofPath: path), encoding: encoding)
        let symbols = context.editor.symbols(matching: "", limit: .max).map { WorkspaceSymbolRequest.information($0, in: context) }
        lock.withLock { indexed[path] = (modified, symbols) }
        return symbols
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
