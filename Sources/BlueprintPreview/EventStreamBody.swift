import FlyingFox
import FlyingSocks

/// A response body that never ends: each element of `events` is written as soon as it comes, as
/// one chunk of a chunked response. When the page goes away the next write fails, the server drops
/// the iterator, and the hub forgets the page.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        /// What `next()` has not handed out yet of the current event.
        var rest: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            while rest.isEmpty {
                guard let event = await events.next() else { return nil }
                rest = event[...]
            }
            return rest.popFirst()
        }

        /// A whole event at once, whatever the size suggested: a page should never wait for the rest of one.
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !rest.isEmpty {
                defer { rest = [] }
                return Array(rest)
            }
            return await events.next()
        }
    }
}
