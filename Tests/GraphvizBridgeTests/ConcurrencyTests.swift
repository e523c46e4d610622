import GraphvizBridge
import Testing

@Suite struct ConcurrencyTests {
    /// cgraph and gvc crash when used from several threads at once; the bridge must serialise them.
    @Test func concurrentRendersAllSucceed() async throws {
        let graph = smallBlueprintGraph()
        let expected = try Graphviz.render(graph, layout: "nop", format: "svg").bytes

        let results = try await withThrowingTaskGroup(of: [Bool].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try (0..<20).map { _ in try Graphviz.render(graph, layout: "nop", format: "svg").bytes == expected }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }

        #expect(results.count == 160)
        #expect(results.allSatisfy { $0 })
    }
}
