import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server over POSIX sockets: one thread accepts, one thread serves each
/// connection and runs the handler (blocking reads and writes, bounded by `HTTPLimits`), so no
/// request ever waits for Swift's cooperative threads. Nothing a client sends or fails to send can stop it: a failed `accept` is
/// waited out, an idle connection is closed, a head too long is refused before it is parsed, and a
/// page that goes away is noticed at once, so its event stream and descriptor are released.
final class HTTPServer: @unchecked Sendable {
    // `@unchecked Sendable` is sound because the mutable properties are only touched with `lock` held.
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The port it listens on (the one the system picked when asked for 0).
    let port: UInt16
    private let listener: Int32
    private let limits: HTTPLimits
    private let handler: Handler
    /// Headers every answer carries, the server's own refusals too.
    private let commonHeaders: [(name: String, value: String)]
    private let lock = NSLock()
    private var openConnections: Set<Int32> = []
    private var stopping = false
    private var stopped = false
    private var waitingForStop: [CheckedContinuation<Void, Never>] = []

    enum ListenError: Error {
        case addressInUse
        case failed(String)
    }

    init(address: ListenAddress, port: UInt16, limits: HTTPLimits, commonHeaders: [(name: String, value: String)],
         handler: @escaping Handler) throws(ListenError) {
        listener = try Self.openListener(on: address, port: port)
        self.port = Self.boundPort(of: listener)
        self.limits = limits
        self.commonHeaders = commonHeaders
        self.handler = handler
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// Stops accepting, ends every connection and returns once the listening socket is closed.
    func stop() async {
        let connections = lock.withLock {
            stopping = true
            return openConnections
        }
        // `shutdown` wakes the threads blocked in `accept`, `poll`, `recv` or `send` on these sockets.
        shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in connections { shutdown(descriptor, Int32(SHUT_RDWR)) }
        await waitUntilStopped()
    }

    func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let done = lock.withLock {
                if !stopped { waitingForStop.append(continuation) }
                return stopped
            }
            if done { continuation.resume() }
        }
    }

    var connectionCount: Int { lock.withLock { openConnections.count } }

    // MARK: Accepting

    private func acceptConnections() {
        while true {
            let descriptor = accept(listener, nil, nil)
            if lock.withLock({ stopping }) {
                if descriptor >= 0 { close(descriptor) }
                break
            }
            guard descriptor >= 0 else {
                // Out of descriptors or memory, or a connection reset before it was taken: none of
                // these ends the server. Waiting lets closing connections give descriptors back.
                if errno != EINTR && errno != ECONNABORTED { usleep(50_000) }
                continue
            }
            Self.prepare(descriptor)
            let admitted = lock.withLock {
                guard openConnections.count < limits.connections else { return false }
                openConnections.insert(descriptor)
                return true
            }
            guard admitted else {
                refuse(descriptor)
                continue
            }
            Thread.detachNewThread { [self] in
                serve(descriptor)
                lock.withLock { _ = openConnections.remove(descriptor) }
                close(descriptor)
            }
        }
        close(listener)
        let waiting = lock.withLock {
            stopped = true
            defer { waitingForStop = [] }
            return waitingForStop
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Answers a connection beyond the cap without a thread, and without waiting for it to read.
    private func refuse(_ descriptor: Int32) {
        let response = withCommonHeaders(.text(.serviceUnavailable, "Too many connections; try again shortly."))
        let bytes = response.head(keepAlive: false) + (response.bytes ?? [])
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT) | Self.noSignal) }
        close(descriptor)
    }

    // MARK: Serving a connection

    private func serve(_ descriptor: Int32) {
        Self.setTimeout(SO_SNDTIMEO, limits.sendTimeout, on: descriptor)
        var received: [UInt8] = []
        var scanner = RequestHeadScanner(limits: limits)
        while true {
            let outcome = readHead(from: descriptor, into: &received, scanner: &scanner)
            let end: Int
            switch outcome {
            case .needMore:
                return  // the client went, or sent nothing in time
            case .refused(let status):
                write(.text(status, "The request line or headers are too long."), to: descriptor, method: .get, keepAlive: false)
                discardUnread(descriptor)
                return
            case .head(let headEnd):
                end = headEnd
            }
            let parsed = HTTPRequest.parse(head: received[..<end])
            received.removeSubrange(..<end)
            scanner.reset()
            switch parsed {
            case .failure(let status):
                write(.text(status, "The request is malformed."), to: descriptor, method: .get, keepAlive: false)
                discardUnread(descriptor)
                return
            case .success(let request):
                let response = withCommonHeaders(handler(request))
                guard write(response, to: descriptor, method: request.method, keepAlive: request.keepAlive),
                      request.keepAlive else { return }
            }
        }
    }

    /// Reads until the scanner finds a whole head or refuses it; `.needMore` when the client closed
    /// the connection or took longer than the idle timeout to send the head.
    private func readHead(from descriptor: Int32, into received: inout [UInt8],
                          scanner: inout RequestHeadScanner) -> RequestHeadScanner.Outcome {
        let deadline = ContinuousClock.now + limits.idleTimeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let outcome = scanner.scan(received)
            guard outcome == .needMore else { return outcome }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, Self.waitForInput(descriptor, timeout: remaining) else { return .needMore }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return .needMore }
            received += buffer[..<count]
        }
    }

    /// Reads what the client is still sending after a refusal, for a little while: closing with
    /// unread bytes would reset the connection, and the client might lose the answer before reading it.
    private func discardUnread(_ descriptor: Int32) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + .seconds(2)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero, Self.waitForInput(descriptor, timeout: remaining) else { return }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
        }
    }

    private func withCommonHeaders(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        for header in commonHeaders where response.header(header.name) == nil { response.headers.append(header) }
        return response
    }

    /// Writes the answer; false when the connection cannot go on.
    @discardableResult
    private func write(_ response: HTTPResponse, to descriptor: Int32, method: HTTPMethod, keepAlive: Bool) -> Bool {
        let response = withCommonHeaders(response)
        switch response.body {
        case .bytes(let bytes):
            return Self.sendAll(response.head(keepAlive: keepAlive) + (method == .head ? [] : bytes), to: descriptor)
        case .events(let events):
            guard Self.sendAll(response.head(keepAlive: keepAlive), to: descriptor) else { return false }
            if method == .head { return true }
            // The stream is the rest of the connection.
            streamEvents(events, to: descriptor)
            return false
        }
    }

    /// Writes each event as it comes, on a thread of its own, until the stream ends or the client
    /// goes. The writer alone would notice a page that went only at the next event; this thread
    /// watches the socket, so the stream ends (and the hub forgets the page) as soon as the page
    /// closes the connection.
    private func streamEvents(_ events: EventStreamBody, to descriptor: Int32) {
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while let event = events.next(), Self.sendAll(HTTPResponse.chunk(event), to: descriptor) {}
            // Wakes the watch below when the stream ended first (the server stops) or a write failed.
            shutdown(descriptor, Int32(SHUT_RDWR))
            finished.signal()
        }
        var scratch = [UInt8](repeating: 0, count: 1024)
        while Self.waitForInput(descriptor, timeout: nil) {
            // Anything a page sends on an event stream is ignored; the end of the stream is not.
            let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
        }
        shutdown(descriptor, Int32(SHUT_RDWR))
        events.end()
        finished.wait()
    }

    // MARK: Sockets

    #if os(Linux)
    private static let noSignal = Int32(MSG_NOSIGNAL)
    private static let streamSocket = Int32(SOCK_STREAM.rawValue)
    #else
    // Darwin has no MSG_NOSIGNAL: each socket is marked SO_NOSIGPIPE instead.
    private static let noSignal: Int32 = 0
    private static let streamSocket = SOCK_STREAM
    #endif

    private static func sendAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, noSignal) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// True when the socket has something to read (or has been closed or shut down); false on timeout.
    private static func waitForInput(_ descriptor: Int32, timeout: Duration?) -> Bool {
        let milliseconds = timeout.map { Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000 + 1) } ?? -1
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Not inherited by a browser the preview opens, and never a SIGPIPE for a page that went.
    private static func prepare(_ descriptor: Int32) {
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        #if !os(Linux)
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    private static func setTimeout(_ option: Int32, _ duration: Duration, on descriptor: Int32) {
        var time = timeval(tv_sec: Int(duration.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    private static func openListener(on address: ListenAddress, port: UInt16) throws(ListenError) -> Int32 {
        let descriptor = socket(address.isIPv6 ? AF_INET6 : AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw .failed(String(cString: strerror(errno))) }
        prepare(descriptor)
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if address.isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            inet_pton(AF_INET6, address.ip, &socketAddress.sin6_addr)
            bound = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            inet_pton(AF_INET, address.ip, &socketAddress.sin_addr)
            bound = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            throw code == EADDRINUSE ? .addressInUse : .failed(String(cString: strerror(code)))
        }
        return descriptor
    }

    private static func boundPort(of descriptor: Int32) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        // `sin_port` and `sin6_port` lie at the same place, right after the family.
        return withUnsafeBytes(of: &storage) { UInt16(bigEndian: $0.load(fromByteOffset: 2, as: UInt16.self)) }
    }
}

private extension HTTPResponse {
    var bytes: [UInt8]? {
        if case .bytes(let bytes) = body { bytes } else { nil }
    }
}
