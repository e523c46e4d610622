import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed on all cores.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // One element (a single file, a single promise) needs no other thread, nor Dispatch's start.
        guard count > 1 else { return map(transform) }
        let results = UnsafeResultBuffer<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.store(transform(self[index]), at: index)
        }
        return results.values
    }
}

/// Slots written once each from `concurrentPerform`, read after it returns.
private final class UnsafeResultBuffer<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
