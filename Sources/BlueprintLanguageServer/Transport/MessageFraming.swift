import Foundation

/// What a `Content-Length` framed stream holds next.
public enum Frame: Sendable, Equatable {
    /// One message's body.
    case message(Data)
    /// A header block without a usable `Content-Length`, or a body over the size limit (its bytes
    /// are skipped): answered with a parse error, and reading goes on after it.
    case malformed(String)
}

/// Splits a byte stream into LSP frames: header lines ending in CR LF, an empty line, then exactly
/// `Content-Length` bytes of body. Bytes come in arbitrary chunks.
public struct FrameDecoder: Sendable {
    /// A larger body is skipped, not buffered: no message can make the server hold unbounded memory.
    public static let maximumBodySize = 256 << 20

    private var buffer = Data()
    /// Bytes of an oversized body still to be dropped.
    private var bytesToSkip = 0

    public init() {}

    public mutating func append(_ data: Data) {
        if bytesToSkip > 0 {
            let skipped = min(bytesToSkip, data.count)
            bytesToSkip -= skipped
            buffer.append(data.dropFirst(skipped))
        } else {
            buffer.append(data)
        }
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        guard bytesToSkip == 0, let headerEnd = buffer.firstRange(of: Self.headerTerminator) else { return nil }
        let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        let bodyStart = headerEnd.upperBound
        guard let length = Self.contentLength(in: header) else {
            buffer = Data(buffer[bodyStart...])
            return .malformed("missing or invalid Content-Length header")
        }
        guard length <= Self.maximumBodySize else {
            let available = buffer.count - (bodyStart - buffer.startIndex)
            bytesToSkip = max(0, length - available)
            buffer = Data(buffer[min(buffer.endIndex, bodyStart + length)...])
            return .malformed("message body of \(length) bytes is over the limit of \(Self.maximumBodySize)")
        }
        guard buffer.endIndex - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<bodyStart + length])
        buffer = Data(buffer[(bodyStart + length)...])
        return .message(body)
    }

    private static let headerTerminator = Data("\r\n\r\n".utf8)

    private static func contentLength(in header: String) -> Int? {
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
            guard let length = Int(parts[1].trimmingCharacters(in: .whitespaces)), length >= 0 else { return nil }
            return length
        }
        return nil
    }
}

/// Writes framed messages to a file handle; one message at a time, from any thread.
public final class MessageWriter: @unchecked Sendable {
    private let output: FileHandle
    // `@unchecked Sendable` is sound because `output` is only written with `lock` held.
    private let lock = NSLock()
    private var failed = false

    public init(output: FileHandle) {
        self.output = output
    }

    /// Writes one body with its header. Once the peer has gone, later writes are dropped.
    public func write(_ body: Data) {
        var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(body)
        lock.withLock {
            guard !failed else { return }
            do { try output.write(contentsOf: frame) } catch { failed = true }
        }
    }
}

/// Reads frames from a file handle on a thread of its own, so that a blocking read never holds one
/// of the few threads Swift's tasks run on.
public enum FrameReader {
    public static func frames(from input: FileHandle) -> AsyncStream<Frame> {
        let (stream, continuation) = AsyncStream.makeStream(of: Frame.self)
        let thread = Thread {
            var decoder = FrameDecoder()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                decoder.append(chunk)
                while let frame = decoder.next() { continuation.yield(frame) }
            }
            continuation.finish()
        }
        thread.name = "blueprint-lsp-reader"
        thread.start()
        return stream
    }
}
