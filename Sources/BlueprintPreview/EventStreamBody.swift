import Foundation

/// The events one page has not been sent yet: only the newest counts, since each carries the whole
/// state. The hub posts from its queue; the connection's writer thread waits in `next()`. Blocking
/// threads of their own, not Swift's cooperative ones, so a busy pool never holds a page's update.
final class EventStreamBody: @unchecked Sendable {
    // `@unchecked Sendable` is sound because every stored property is only touched with `condition` held.
    private let condition = NSCondition()
    private var pending: [UInt8]?
    private var ended = false
    private var onEnd: (@Sendable () -> Void)?

    /// A stream that has already ended, for an answer that must not subscribe (HEAD).
    static var empty: EventStreamBody {
        let body = EventStreamBody()
        body.end()
        return body
    }

    /// Runs once, when the stream ends from either side.
    func whenEnded(_ action: @escaping @Sendable () -> Void) {
        condition.withLock { onEnd = action }
    }

    /// Replaces any event not yet sent.
    func post(_ event: [UInt8]) {
        condition.withLock {
            guard !ended else { return }
            pending = event
            condition.signal()
        }
    }

    /// The next event, waiting for it; nil once the stream has ended.
    func next() -> [UInt8]? {
        condition.withLock {
            while pending == nil && !ended { condition.wait() }
            defer { pending = nil }
            return ended ? nil : pending
        }
    }

    /// Ends the stream: the server stops, or the page went away.
    func end() {
        let action = condition.withLock {
            defer { onEnd = nil }
            guard !ended else { return nil as (@Sendable () -> Void)? }
            ended = true
            condition.broadcast()
            return onEnd
        }
        action?()
    }
}
