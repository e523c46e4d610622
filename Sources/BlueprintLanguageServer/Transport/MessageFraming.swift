import Foundation

/// What a `Content-Length` framed stream holds next.
package enum Frame: Sendable, Equatable {
    /// One message's body.
    case message(Data)
    /// A header block without a usable `Content-Length`, or a body over the size limit (its bytes
    /// are skipped): answered with a parse error, and reading goes on after it.
    case malformed(String)
}

/// Splits a byte stream into LSP frames: header lines ending in CR LF, an empty line, then exactly
/// `Content-Length` bytes of body. Bytes come in arbitrary chunks; each byte is looked at once, so a
/// large body arriving in many chunks costs its length, not its length times the number of chunks.
package struct FrameDecoder: Sendable {
    /// A larger body is skipped, not buffered: no message can make the server hold unbounded memory.
    package static let maximumBodySize = 256 << 20
    /// A header block is a few dozen bytes; bytes without an end of header this far are dropped.
    package static let maximumHeaderSize = 8 << 10

    private var buffer: [UInt8] = []
    /// How far the search for the end of the header has looked.
    private var searched = 0
    /// The body length, once its header has been read.
    private var bodyLength: Int?
    /// Bytes of an oversized body still to be dropped.
    private var bytesToSkip = 0

    package init() {}

    package mutating func append(_ data: Data) {
        let skipped = min(bytesToSkip, data.count)
        bytesToSkip -= skipped
        buffer.append(contentsOf: data.dropFirst(skipped))
    }

    /// The next complete frame, or nil until more bytes arrive.
    package mutating func next() -> Frame? {
        if bodyLength == nil, let problem = readHeader() { return .malformed(problem) }
        guard let length = bodyLength, buffer.count >= length else { return nil }
        let body = Data(buffer[..<length])
        buffer.removeFirst(length)
        bodyLength = nil
        return .message(body)
    }

    /// Reads a complete header block into `bodyLength`; returns what is wrong with a bad one.
    private mutating func readHeader() -> String? {
        var end: Int?
        var index = max(0, searched - 3)
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                end = index
                break
            }
            index += 1
        }
        guard let end else {
            searched = buffer.count
            guard buffer.count > Self.maximumHeaderSize else { return nil }
            buffer.removeAll()
            searched = 0
            return "no end of header within \(Self.maximumHeaderSize) bytes"
        }
        let header = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        searched = 0
        guard let length = Self.contentLength(in: header) else { return "missing or invalid Content-Length header" }
        guard length <= Self.maximumBodySize else {
            let dropped = min(length, buffer.count)
            buffer.removeFirst(dropped)
            bytesToSkip = length - dropped
            return "message body of \(length) bytes is over the limit of \(Self.maximumBodySize)"
        }
        bodyLength = length
        return nil
    }

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
package final class MessageWriter: @unchecked Sendable {
    private let output: FileHandle
    // `@unchecked Sendable` is sound because `output` is only written with `lock` held.
    private let lock = NSLock()
    private var failed = false

    package init(output: FileHandle) {
        self.output = output
    }

    /// Writes one body with its header. Once the peer has gone, later writes are dropped.
    package func write(_ body: Data) {
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
package enum FrameReader {
    package static func frames(from input: FileHandle) -> PendingFrames {
        let pending = PendingFrames()
        let thread = Thread {
            var decoder = FrameDecoder()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                decoder.append(chunk)
                while let frame = decoder.next() { pending.put(frame) }
            }
            pending.finish()
        }
        thread.name = "blueprint-lsp-reader"
        thread.start()
        return pending
    }
}

/// The frames read and not yet handled, in order. At most `limit` wait: a client that sends faster
/// than the server handles waits in its pipe instead of filling the server's memory. A change that
/// replaces a document's whole text makes the same kind of change waiting just before it pointless,
/// so it takes that one's place: a burst of ten thousand full-text changes is handled as one.
package final class PendingFrames: AsyncSequence, AsyncIteratorProtocol, @unchecked Sendable {
    package static let limit = 16

    // `@unchecked Sendable` is sound because the state below is only touched with `condition` locked.
    private let condition = NSCondition()
    private var frames: [(frame: Frame, replacesWholeTextOf: String?)] = []
    private var finished = false
    private var waiting: CheckedContinuation<Frame?, Never>?

    package func makeAsyncIterator() -> PendingFrames { self }

    /// On the reader's thread: waits while `limit` frames wait.
    func put(_ frame: Frame) {
        let document = Self.documentWhoseWholeTextChanges(in: frame)
        condition.withLock {
            if let document, frames.last?.replacesWholeTextOf == document {
                frames[frames.count - 1] = (frame, document)
                return
            }
            if let waiting {
                self.waiting = nil
                waiting.resume(returning: frame)
                return
            }
            while frames.count >= Self.limit { condition.wait() }
            frames.append((frame, document))
        }
    }

    func finish() {
        condition.withLock {
            finished = true
            waiting?.resume(returning: nil)
            waiting = nil
        }
    }

    package func next() async -> Frame? {
        await withCheckedContinuation { continuation in
            condition.withLock {
                if !frames.isEmpty {
                    continuation.resume(returning: frames.removeFirst().frame)
                    condition.signal()
                } else if finished {
                    continuation.resume(returning: nil)
                } else {
                    waiting = continuation
                }
            }
        }
    }

    /// The URI of a `textDocument/didChange` whose every change is a whole new text.
    private static func documentWhoseWholeTextChanges(in frame: Frame) -> String? {
        // Typing sends ranged changes: the key `"range"` (which no escaped text can contain) rules
        // them out without parsing the message twice.
        guard case .message(let body) = frame,
              body.range(of: Data("textDocument/didChange".utf8)) != nil, body.range(of: Data(#""range""#.utf8)) == nil,
              let message = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
              message["method"] as? String == "textDocument/didChange",
              let params = message["params"] as? [String: Any],
              let changes = params["contentChanges"] as? [[String: Any]], !changes.isEmpty,
              changes.allSatisfy({ $0["range"] == nil }) else { return nil }
        return (params["textDocument"] as? [String: Any])?["uri"] as? String
    }
}
