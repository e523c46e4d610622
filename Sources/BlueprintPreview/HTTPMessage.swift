/// The part of HTTP/1.1 the preview needs: GET and HEAD requests without a body, answered with
/// bytes or with a stream of server-sent events.

/// What may arrive before the server answers: every limit is checked as bytes come, before anything is parsed.
package struct HTTPLimits: Sendable {
    /// The longest request line; a longer one is answered 414.
    package var requestLine = 8 * 1024
    /// The longest head, request line and headers together; a longer one is answered 431.
    package var head = 16 * 1024
    package var headerCount = 100
    /// How long a connection may take to send a request's head, or sit idle between requests.
    package var idleTimeout: Duration = .seconds(15)
    /// How long one write may wait for a client that does not read.
    package var sendTimeout: Duration = .seconds(30)
    /// Connections open at once; any more are answered 503 and closed.
    package var connections = 256

    package init() {}
}

enum HTTPMethod: Equatable, Sendable {
    case get, head
    case other(String)

    init(_ token: String) {
        switch token {
        case "GET": self = .get
        case "HEAD": self = .head
        default: self = .other(token)
        }
    }
}

struct HTTPRequest: Sendable {
    var method: HTTPMethod
    /// The target's path, as sent (not percent-decoded: no route needs it, and none can be tricked by it).
    var path: String
    var query: [(name: String, value: String)]
    /// The one `Host` header; nil when there is none.
    var host: String?
    /// `host:port` of an absolute-form target (`GET http://host:port/path`), which must name this server too.
    var authority: String?
    /// Whether the connection stays open for another request.
    var keepAlive: Bool

    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}

/// Also the error a request is refused with, before any route sees it.
enum HTTPStatus: Int, Error {
    case ok = 200
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case methodNotAllowed = 405
    case conflict = 409
    case uriTooLong = 414
    case headerFieldsTooLarge = 431
    case internalServerError = 500
    case serviceUnavailable = 503

    var reason: String {
        switch self {
        case .ok: "OK"
        case .badRequest: "Bad Request"
        case .forbidden: "Forbidden"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .conflict: "Conflict"
        case .uriTooLong: "URI Too Long"
        case .headerFieldsTooLarge: "Request Header Fields Too Large"
        case .internalServerError: "Internal Server Error"
        case .serviceUnavailable: "Service Unavailable"
        }
    }
}

struct HTTPResponse: Sendable {
    enum Body: Sendable {
        case bytes([UInt8])
        /// Written chunk by chunk as events come, until the stream ends or the client goes.
        case events(EventStreamBody)
    }

    var status: HTTPStatus
    var headers: [(name: String, value: String)]
    var body: Body

    static func text(_ status: HTTPStatus, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(text.utf8)))
    }

    static func html(_ html: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: [("Content-Type", "text/html; charset=utf-8")], body: .bytes(Array(html.utf8)))
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The status line and headers; the framing headers follow from the body.
    func head(keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        switch body {
        case .bytes(let bytes): text += "Content-Length: \(bytes.count)\r\n"
        case .events: text += "Transfer-Encoding: chunked\r\n"
        }
        if !keepAlive { text += "Connection: close\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// One chunk of a chunked body.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + [13, 10]
    }
}

/// Finds where a request's head ends in the bytes received so far, looking at each byte once and
/// checking the limits as it goes: a long line costs no more than reading it up to the limit.
struct RequestHeadScanner {
    let limits: HTTPLimits
    private var scanned = 0
    private var lineStart = 0
    private var lines = 0

    init(limits: HTTPLimits) { self.limits = limits }

    enum Outcome: Equatable {
        case needMore
        /// The head is `bytes[..<end]`.
        case head(end: Int)
        case refused(HTTPStatus)
    }

    mutating func scan(_ bytes: [UInt8]) -> Outcome {
        while scanned < bytes.count {
            defer { scanned += 1 }
            guard bytes[scanned] == UInt8(ascii: "\n") else { continue }
            let length = scanned - lineStart
            let isEmpty = length == 0 || (length == 1 && bytes[lineStart] == UInt8(ascii: "\r"))
            if lines == 0 && length > limits.requestLine { return .refused(.uriTooLong) }
            if lines > 0 && isEmpty { return .head(end: scanned + 1) }
            if scanned + 1 > limits.head { return .refused(.headerFieldsTooLarge) }
            // Empty lines before the request line are skipped, as RFC 9112 asks.
            if !(lines == 0 && isEmpty) { lines += 1 }
            if lines > limits.headerCount + 1 { return .refused(.headerFieldsTooLarge) }
            lineStart = scanned + 1
        }
        if lines == 0 && scanned - lineStart > limits.requestLine { return .refused(.uriTooLong) }
        if scanned > limits.head { return .refused(.headerFieldsTooLarge) }
        return .needMore
    }

    /// Ready for the next request on the same connection, whose bytes start at 0 again.
    mutating func reset() { self = RequestHeadScanner(limits: limits) }
}

extension HTTPRequest {
    /// Parses a head the scanner found complete and within the limits.
    static func parse(head: ArraySlice<UInt8>) -> Result<HTTPRequest, HTTPStatus> {
        var lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.first else { return .failure(.badRequest) }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte), parts[1].allSatisfy(isVisibleASCII),
              let version = ["HTTP/1.1", "HTTP/1.0"].first(where: { $0.utf8.elementsEqual(parts[2]) }) else {
            return .failure(.badRequest)
        }
        var hosts: [String] = []
        var connection = ""
        var hasBody = false
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte) else { return .failure(.badRequest) }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[line.index(after: colon)...], as: UTF8.self).trimmingSpaces
            switch name {
            case "host": hosts.append(value)
            case "connection": connection = value.lowercased()
            case "content-length": hasBody = hasBody || value != "0"
            case "transfer-encoding": hasBody = true
            default: break
            }
        }
        // Two Host headers make the request ambiguous (RFC 9112 section 3.2): which one a proxy read is unknown.
        guard hosts.count <= 1 else { return .failure(.badRequest) }
        var target = String(decoding: parts[1], as: UTF8.self)
        var authority: String?
        if target.lowercased().hasPrefix("http://") {
            let rest = target.dropFirst("http://".count)
            let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authority = String(rest[..<end])
            target = rest[end...].hasPrefix("/") ? String(rest[end...]) : "/" + rest[end...]
        }
        guard target.hasPrefix("/") else { return .failure(.badRequest) }
        let pathEnd = target.firstIndex(of: "?") ?? target.endIndex
        let query = target[pathEnd...].dropFirst().split(separator: "&").map { pair in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (name: String(pieces[0]), value: pieces.count > 1 ? String(pieces[1]) : "")
        }
        // A body is never read: the connection closes after the answer instead.
        let keepAlive = !hasBody && (version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive")
        return .success(HTTPRequest(method: HTTPMethod(String(decoding: parts[0], as: UTF8.self)), path: String(target[..<pathEnd]),
                                    query: query, host: hosts.first, authority: authority, keepAlive: keepAlive))
    }

    private static func isVisibleASCII(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }

    /// RFC 9110's `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isVisibleASCII(byte) && !"\"(),/:;<=>?@[\\]{}".utf8.contains(byte)
    }
}

private extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
