import BlueprintTestSupport
import Foundation
import Testing

/// Issue #20, item 4, as a user meets it: `blueprint preview` under a low descriptor limit, with more
/// connections than descriptors. Accepting fails for a while; the server waits and goes on.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PreviewDescriptorTests {
    @Test func runningOutOfDescriptorsDoesNotEndTheServer() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-preview-fds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Blueprint.packageRoot.appendingPathComponent("blueprints/outage-repair.blueprint"),
                                         to: folder.appendingPathComponent("outage.blueprint"))
        let preview = CommandRunner.process(URL(fileURLWithPath: "/bin/sh"),
                                            ["-c", "ulimit -n 64 && exec \"$0\" preview outage.blueprint --port 0", Blueprint.executable.path],
                                            in: folder)
        let output = Pipe()
        preview.standardOutput = output
        preview.standardError = FileHandle.nullDevice
        try preview.run()
        defer { PreviewBrowserTests.stop(preview) }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(line.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }, "no port in \(line)")

        // More connections than the process has descriptors: some wait in the backlog while accept fails.
        let connections = try (0..<100).map { _ in try TCPConnection(port: port) }
        try? await Task.sleep(for: .milliseconds(500))
        #expect(preview.isRunning, "the server exited when accept failed")
        for connection in connections { connection.close() }

        let answered = await eventually(within: 20) {
            guard let connection = try? TCPConnection(port: port) else { return false }
            defer { connection.close() }
            return (try? connection.get("/", host: "127.0.0.1:\(port)"))?.hasPrefix("HTTP/1.1 200") == true
        }
        #expect(answered && preview.isRunning)
    }
}

/// A plain TCP connection to 127.0.0.1, with timeouts so no test waits forever.
private final class TCPConnection {
    private let descriptor: Int32

    init(port: UInt16) throws {
        guard let descriptor = connectToLoopback(port: port, timeout: 5) else { throw CocoaError(.fileReadUnknown) }
        self.descriptor = descriptor
    }

    /// The answer's first bytes to a GET that closes the connection.
    func get(_ path: String, host: String) throws -> String {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { throw CocoaError(.fileWriteUnknown) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
