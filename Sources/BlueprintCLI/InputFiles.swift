import Foundation

/// The `.blueprint` files named on the command line: files as given, folders
/// searched recursively (hidden folders skipped), each folder's files sorted.
struct InputFiles {
    var paths: [String] = []
    /// Paths that do not exist, as given.
    var missing: [String] = []

    init(_ arguments: [String]) {
        let fileManager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                missing.append(argument)
                continue
            }
            guard isDirectory.boolValue else {
                paths.append(argument)
                continue
            }
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            paths += Self.blueprintFiles(under: argument).map { prefix + $0 }
        }
    }

    /// Relative paths of the `.blueprint` files below `folder`, in code-point order.
    private static func blueprintFiles(under folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        let rootPath = root.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "blueprint" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            found.append(String(path.dropFirst(rootPath.count).drop { $0 == "/" }))
        }
        return found.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
