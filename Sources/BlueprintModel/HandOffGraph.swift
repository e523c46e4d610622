/// The `->` flows of a blueprint as adjacency arrays (compressed rows), the
/// graph promise paths run on. Duplicate flows are merged.
public struct HandOffGraph: Sendable {
    public let stepCount: Int
    private let successorStarts: [Int]
    private let successorList: [Int]
    private let predecessorStarts: [Int]
    private let predecessorList: [Int]

    public init(_ blueprint: Blueprint) {
        self.init(stepCount: blueprint.steps.count,
                  edges: blueprint.flows.lazy.filter { $0.arrow == .handOff }.map { ($0.from, $0.to) })
    }

    init(stepCount: Int, edges pairs: some Sequence<(Int, Int)>) {
        let edges = Set(pairs.map { Edge(from: $0.0, to: $0.1) }).sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        self.stepCount = stepCount
        (successorStarts, successorList) = Self.rows(count: stepCount, edges.map { ($0.from, $0.to) })
        (predecessorStarts, predecessorList) = Self.rows(count: stepCount, edges.map { ($0.to, $0.from) })
    }

    private struct Edge: Hashable {
        var from: Int
        var to: Int
    }

    private static func rows(count: Int, _ pairs: [(Int, Int)]) -> ([Int], [Int]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for (source, _) in pairs { starts[source + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var fill = starts
        var list = [Int](repeating: 0, count: pairs.count)
        for (source, target) in pairs {
            list[fill[source]] = target
            fill[source] += 1
        }
        return (starts, list)
    }

    public func successors(of step: Int) -> ArraySlice<Int> {
        successorList[successorStarts[step]..<successorStarts[step + 1]]
    }

    public func predecessors(of step: Int) -> ArraySlice<Int> {
        predecessorList[predecessorStarts[step]..<predecessorStarts[step + 1]]
    }
}
