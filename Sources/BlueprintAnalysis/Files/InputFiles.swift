import Foundation

/// The `.blueprint` files named on the command line: files as given, folders
/// searched recursively (hidden folders skipped), each folder's files sorted. Paths are written
/// one way in every report format: as given, without `./` or doubled slashes (`lint .` names
/// `cafe.blueprint`, not `./cafe.blueprint`).
package struct InputFiles {
    package var paths: [String] = []
    /// Paths that do not exist, as given.
    package var missing: [String] = []
    /// Folders, as given, that hold no `.blueprint` file.
    package var emptyFolders: [String] = []

    package init(_ arguments: [String]) {
        let fileManager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                missing.append(argument)
                continue
            }
            let path = Self.normalized(argument)
            guard isDirectory.boolValue else {
                paths.append(path)
                continue
            }
            let found = Self.blueprintFiles(under: argument)
            if found.isEmpty { emptyFolders.append(argument) }
            let prefix = path.isEmpty || path.hasSuffix("/") ? path : path + "/"
            paths += found.map { prefix + $0 }
        }
    }

    /// "Nothing to do" as an error, when folders were given and none holds a blueprint.
    package var nothingFoundMessage: String? {
        guard paths.isEmpty, missing.isEmpty, !emptyFolders.isEmpty else { return nil }
        return "no .blueprint files under \(emptyFolders.joined(separator: ", "))"
    }

    /// `path` without `.` components and repeated slashes; "" for the working directory itself.
    /// `..` is kept: through a symbolic link it does not undo the component before it.
    package static func normalized(_ path: String) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = components.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
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
