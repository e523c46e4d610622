import Foundation

/// A folder of its own under the system's temporary folder, removed with everything in it when the
/// last reference to it goes: a test makes one and writes into it, and leaves nothing behind.
package final class TemporaryFolder: Sendable {
    package let url: URL

    /// `purpose` starts the folder's name, so a folder left by a crashed run says which test made it.
    package init(_ purpose: String = "test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    package var path: String { url.path }

    /// The file or folder `name` (a relative path) inside.
    package func url(_ name: String) -> URL { url.appendingPathComponent(name) }

    package func path(_ name: String) -> String { url(name).path }

    /// Writes `text` to `name`, making the folders on its way; returns its URL.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> URL {
        let file = url(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }
}
