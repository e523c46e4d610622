import BlueprintAnalysis
import BlueprintLanguage
@testable import BlueprintPreview
import BlueprintTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A preview server on 127.0.0.1 and a port the system picks, over files in a scratch folder.
final class PreviewFixture: Sendable {
    let folder: URL
    let server: PreviewServer
    let port: UInt16

    /// `files` maps names in the scratch folder to their text; all of them are previewed, in name order.
    init(files: [String: String], forcePolling: Bool = false, limits: HTTPLimits = HTTPLimits()) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        self.folder = folder
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let paths = files.keys.sorted().map { folder.appendingPathComponent($0).path }
        let options = PreviewOptions(paths: paths, host: try ListenAddress("127.0.0.1"), port: 0, forcePolling: forcePolling,
                                     limits: limits)
        server = PreviewServer(options: options, workspace: Workspace(workingDirectory: folder.path))
        let url = try await server.start()
        port = UInt16(url.port!)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    var host: String { "127.0.0.1:\(port)" }

    func connect() throws -> RawConnection { try RawConnection(port: port) }

    /// Sends a GET as a browser would, with `host` as its Host header (none when nil), and reads the whole answer.
    func get(_ target: String, host: String?) throws -> RawResponse {
        let connection = try connect()
        defer { connection.close() }
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        try connection.send("GET \(target) HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n")
        return RawResponse(try connection.readAll())
    }
}

/// A TCP connection to 127.0.0.1 with a receive timeout, so no test waits forever.
final class RawConnection {
    private let descriptor: Int32

    init(port: UInt16, receiveBuffer: Int32? = nil, timeout: Int = 20) throws {
        guard let descriptor = connectToLoopback(port: port, timeout: timeout, receiveBuffer: receiveBuffer) else {
            throw RawConnectionError.failed("connect")
        }
        self.descriptor = descriptor
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawConnectionError.failed("send") }
            sent += count
        }
    }

    /// Up to `limit` bytes, whatever has arrived; empty at the end of the stream. Throws on timeout.
    func receive(upTo limit: Int = 65_536) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw RawConnectionError.timedOut }
        return Array(buffer[..<count])
    }

    func readAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let bytes = try receive()
            if bytes.isEmpty { return all }
            all += bytes
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}

enum RawConnectionError: Error {
    case failed(String)
    case timedOut
}

struct RawResponse {
    var status: Int
    var head: String
    var body: String

    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        head = parts[0]
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    func header(_ name: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
    }
}

/// Reads the server-sent events of one page's stream: `id:` and the JSON of `data:`. The chunk
/// framing between events is skipped (each event is one chunk).
final class EventStreamReader {
    let connection: RawConnection
    private var pending: [UInt8] = []

    struct Event {
        var id: Int
        var json: [String: Any]
        var data: String
    }

    init(fixture: PreviewFixture, file: Int, theme: String = "light", receiveBuffer: Int32? = nil) throws {
        connection = try RawConnection(port: fixture.port, receiveBuffer: receiveBuffer)
        try connection.send("GET /events/\(file)?theme=\(theme) HTTP/1.1\r\nHost: \(fixture.host)\r\n\r\n")
    }

    /// The next event; throws when none comes within the connection's timeout.
    func next() throws -> Event {
        let start = Array("\nid: ".utf8), end = Array("\n\n".utf8)
        while true {
            if let idStart = pending.firstRange(of: start),
               let finish = pending[idStart.upperBound...].firstRange(of: end) {
                let text = String(decoding: pending[idStart.upperBound..<finish.lowerBound], as: UTF8.self)
                pending.removeSubrange(..<finish.upperBound)
                let lines = text.split(separator: "\n", maxSplits: 1)
                let data = String(lines[1].dropFirst("data: ".count))
                let json = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
                return Event(id: Int(lines[0]) ?? -1, json: json, data: data)
            }
            let bytes = try connection.receive()
            guard !bytes.isEmpty else { throw RawConnectionError.failed("the stream ended") }
            pending += bytes
        }
    }

    /// Events until one satisfies `condition`.
    func next(where condition: (Event) -> Bool) throws -> Event {
        while true {
            let event = try next()
            if condition(event) { return event }
        }
    }

    func close() { connection.close() }
}

let smallBlueprint = """
blueprint "Parcel pickup"
promise "Parcel in hand within 10 minutes" from arrive to handover within 10m

phase "Counter"
  evidence   slip     "Pickup slip"
  customer   arrive   "Shows the pickup slip", evidence slip
  frontstage fetch    "Clerk fetches the parcel", takes 4m
  frontstage handover "Clerk hands it over", takes 1m

arrive -> fetch -> handover

"""
