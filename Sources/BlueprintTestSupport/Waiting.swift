import Foundation

/// Waits until `condition` holds, for at most `seconds` (generous: the whole suite may be running
/// beside), without holding a thread: servers under test share the same few.
package func eventually(within seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

extension Process {
    /// Waits for the process to end, without holding a thread, and gives its exit status.
    @discardableResult
    package func exited() async -> Int32 {
        while isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        return terminationStatus
    }
}
