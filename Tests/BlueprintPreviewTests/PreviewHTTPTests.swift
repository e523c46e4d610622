@testable import BlueprintPreview
import BlueprintTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue #20's preview items at the socket level: what one client can no longer do to the server
/// (hold its descriptors, make it parse without end) and the HTTP it now gets right.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PreviewHTTPTests {
    /// Item 3: each closed event stream kept its descriptor until the file next changed.
    @Test func aClosedEventStreamIsReleasedWithoutASave() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        for _ in 0..<40 {
            let stream = try EventStreamReader(fixture: fixture, file: 0)
            _ = try stream.next()
            stream.close()
        }
        #expect(await eventually { fixture.server.connectedPages == 0 && fixture.server.openConnections == 0 },
                "pages: \(fixture.server.connectedPages), connections: \(fixture.server.openConnections)")
        #expect(try fixture.get("/", host: fixture.host).status == 200)
    }

    /// Item 4: connections that send nothing are closed after the idle timeout, those beyond the cap
    /// are answered 503 at once, and the server answers again as soon as they are gone.
    @Test func idleConnectionsAreClosedAndThoseBeyondTheCapRefused() async throws {
        var limits = HTTPLimits()
        limits.idleTimeout = .seconds(1)
        limits.connections = 8
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint], limits: limits)
        defer { Task { await fixture.stop() } }
        let idle = try (0..<8).map { _ in try fixture.connect() }
        #expect(await eventually { fixture.server.openConnections == 8 })
        let beyond = try fixture.connect()
        #expect(RawResponse(try beyond.readAll()).status == 503)
        beyond.close()
        for connection in idle {
            #expect(try connection.readAll().isEmpty, "the server closes an idle connection")
            connection.close()
        }
        #expect(try fixture.get("/", host: fixture.host).status == 200)
    }

    /// Item 5: a 1 MB request line cost minutes of CPU before the Host check; now it is refused
    /// after the first few kilobytes, and so are long or numerous headers.
    @Test func longLinesAndHeadsAreRefusedBeforeTheyAreParsed() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let longTarget = "/" + String(repeating: "a", count: 1 << 20)
        let requests: [(String, Int)] = [
            ("GET \(longTarget) HTTP/1.1\r\nHost: \(fixture.host)\r\n\r\n", 414),
            ("GET / HTTP/1.1\r\nHost: \(fixture.host)\r\nX-Long: \(String(repeating: "b", count: 1 << 20))\r\n\r\n", 431),
            ("GET / HTTP/1.1\r\nHost: \(fixture.host)\r\n" + String(repeating: "X-Many: c\r\n", count: 500) + "\r\n", 431),
            (String(repeating: "\r\n", count: 20_000) + "GET / HTTP/1.1\r\nHost: \(fixture.host)\r\n\r\n", 431),
            ("GET / HTTP/1.1 extra\r\nHost: \(fixture.host)\r\n\r\n", 400),
        ]
        for (request, status) in requests {
            let connection = try fixture.connect()
            defer { connection.close() }
            try connection.send(request)
            let response = RawResponse(try connection.readAll())
            #expect(response.status == status, "\(request.prefix(40)): \(response.status)")
            #expect(!response.body.contains("Parcel"))
        }
        #expect(try fixture.get("/", host: fixture.host).status == 200)
    }

    /// Item 18: two Host headers, an absolute-form target naming another host, and HEAD.
    @Test func oneHostOnlyAndHEADIsAnswered() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let port = fixture.port
        let refused: [(String, Int)] = [
            ("GET / HTTP/1.1\r\nHost: \(fixture.host)\r\nHost: attacker.example:\(port)\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: attacker.example:\(port)\r\nHost: \(fixture.host)\r\n", 400),
            ("GET http://attacker.example:\(port)/ HTTP/1.1\r\nHost: \(fixture.host)\r\n", 400),
            ("GET http://attacker.example:\(port)/file/0 HTTP/1.1\r\nHost: \(fixture.host)\r\n", 400),
            ("GET http://\(fixture.host)/ HTTP/1.1\r\nHost: attacker.example:\(port)\r\n", 403),
            ("POST / HTTP/1.1\r\nHost: \(fixture.host)\r\nContent-Length: 0\r\n", 405),
        ]
        for (head, status) in refused {
            let response = try exchange(head + "Connection: close\r\n\r\n", with: fixture)
            #expect(response.status == status, "\(head): \(response.status)")
            #expect(!response.body.contains("Parcel"))
        }
        #expect(try exchange("GET http://\(fixture.host)/file/0 HTTP/1.1\r\nHost: \(fixture.host)\r\nConnection: close\r\n\r\n",
                             with: fixture).status == 200)
        #expect(try exchange("POST / HTTP/1.1\r\nHost: \(fixture.host)\r\nConnection: close\r\n\r\n", with: fixture)
            .header("Allow") == "GET, HEAD")

        let get = try fixture.get("/", host: fixture.host)
        let head = try exchange("HEAD / HTTP/1.1\r\nHost: \(fixture.host)\r\nConnection: close\r\n\r\n", with: fixture)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("Content-Length") == String(get.body.utf8.count))
        #expect(head.header("Content-Security-Policy") == get.header("Content-Security-Policy"))
        let events = try exchange("HEAD /events/0 HTTP/1.1\r\nHost: \(fixture.host)\r\nConnection: close\r\n\r\n", with: fixture)
        #expect(events.status == 200 && events.body.isEmpty && events.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        #expect(fixture.server.connectedPages == 0, "HEAD subscribes no page")
    }

    @Test func aConnectionServesOneRequestAfterAnother() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let connection = try fixture.connect()
        defer { connection.close() }
        let request = "GET /assets/preview.css HTTP/1.1\r\nHost: \(fixture.host)\r\n\r\n"
        try connection.send(request + request + "GET / HTTP/1.1\r\nHost: \(fixture.host)\r\nConnection: close\r\n\r\n")
        let text = String(decoding: try connection.readAll(), as: UTF8.self)
        #expect(text.components(separatedBy: "HTTP/1.1 200 OK\r\n").count == 4, "three answers")
    }

    private func exchange(_ request: String, with fixture: PreviewFixture) throws -> RawResponse {
        let connection = try fixture.connect()
        defer { connection.close() }
        try connection.send(request)
        return RawResponse(try connection.readAll())
    }
}

/// The head scanner on its own: limits hold however the bytes arrive.
@Suite struct RequestHeadScannerTests {
    @Test func theHeadEndsAtTheFirstEmptyLineWhateverTheChunks() {
        let head = Array("\r\nGET / HTTP/1.1\r\nHost: a:1\r\n\r\nGET /next".utf8)
        for split in 1..<head.count {
            var scanner = RequestHeadScanner(limits: HTTPLimits())
            var outcome = scanner.scan(Array(head[..<split]))
            if outcome == .needMore { outcome = scanner.scan(head) }
            #expect(outcome == .head(end: head.count - "GET /next".utf8.count), "split at \(split)")
        }
    }

    @Test func aLineTooLongIsRefusedBeforeItEnds() {
        var limits = HTTPLimits()
        limits.requestLine = 16
        limits.head = 40
        var scanner = RequestHeadScanner(limits: limits)
        #expect(scanner.scan(Array("GET /0123456789abcdef".utf8)) == .refused(.uriTooLong))
        scanner = RequestHeadScanner(limits: limits)
        #expect(scanner.scan(Array("GET / HTTP/1.1\r\nX: \(String(repeating: "y", count: 40))".utf8)) == .refused(.headerFieldsTooLarge))
    }
}
