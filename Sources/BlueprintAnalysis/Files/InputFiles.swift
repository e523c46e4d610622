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
        for argument in arguments {
            // `stat` follows links, as Foundation's `fileExists` does, without setting Foundation's
            // file manager up for one look.
            var info = stat()
            guard stat(argument, &info) == 0 else {
                missing.append(argument)
                continue
            }
            let path = Self.normalized(argument)
            guard info.st_mode & S_IFMT == S_IFDIR else {
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
        // Appended one by one: `joined(separator:)` is generic code whose types the runtime resolves
        // on first use, with a scan of every conformance record of the binary (25 µs of each run).
        var joined = ""
        for component in path.split(separator: "/") where component != "." {
            if !joined.isEmpty { joined += "/" }
            joined.append(contentsOf: component)
        }
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// Relative paths of the regular `.blueprint` files below `folder`, in code-point order. Hidden
    /// entries and symbolic links are left out, and so are names that are not UTF-8. Read with
    /// `readdir`, whose entries carry their type: Foundation's enumerator asked for each file's
    /// resource values, a seventh of linting a folder of a thousand files, before any was read.
    private static func blueprintFiles(under folder: String) -> [String] {
        var found: [String] = []
        var folders = [(path: folder.hasSuffix("/") ? String(folder.dropLast()) : folder, relative: "")]
        while let (path, relative) = folders.popLast() {
            guard let stream = opendir(path.isEmpty ? "/" : path) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(validatingCString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard let name, !name.hasPrefix(".") else { continue }
                let entryPath = path + "/" + name, entryRelative = relative.isEmpty ? name : relative + "/" + name
                switch Self.kind(of: entry.pointee.d_type, at: entryPath) {
                case .folder: folders.append((entryPath, entryRelative))
                case .file where name.hasSuffix(".blueprint"): found.append(entryRelative)
                default: break
                }
            }
        }
        return found.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    private enum EntryKind { case folder, file, other }

    /// A directory entry's kind from its type, or from `lstat` on file systems that leave it unknown.
    private static func kind(of type: UInt8, at path: String) -> EntryKind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            default: return .other
            }
        default: return .other
        }
    }
}
