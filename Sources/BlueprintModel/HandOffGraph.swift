/// The `->` flows of a blueprint as adjacency arrays (compressed rows), the
/// graph promise paths run on. Duplicate flows are merged.
public struct HandOffGraph: Sendable {
    public let stepCount: Int
    private let successorStarts: [Int]
    private let successorList: [Int]
    private let predecessorStarts: [Int]
    private let predecessorList: [Int]

    public init(_ blueprint: Blueprint) {
        // By index, reading the fields in place: the edges are read twice, and copying each flow
        // out would retain its label both times.
        let flows = blueprint.flows
        self.init(stepCount: blueprint.steps.count,
                  edges: flows.indices.lazy.filter { flows[$0].arrow == .handOff }.map { (flows[$0].from, flows[$0].to) })
    }

    init(stepCount: Int, edges pairs: some Collection<(Int, Int)>) {
        self.stepCount = stepCount
        (successorStarts, successorList) = Self.rows(count: stepCount, pairs)
        var reversed: [(Int, Int)] = []
        reversed.reserveCapacity(successorList.count)
        for source in 0..<stepCount {
            for target in successorList[successorStarts[source]..<successorStarts[source + 1]] {
                reversed.append((target, source))
            }
        }
        (predecessorStarts, predecessorList) = Self.rows(count: stepCount, reversed)
    }

    /// Compressed rows of `pairs` by source, each row in ascending order without repeats.
    /// A counting sort: rows are short, so building the graph stays about linear in the number of flows.
    private static func rows(count: Int, _ pairs: some Collection<(Int, Int)>) -> ([Int], [Int]) {
        var starts = [Int](repeating: 0, count: count + 1)
        for (source, _) in pairs { starts[source + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var fill = starts
        var list = [Int](repeating: 0, count: starts[count])
        for (source, target) in pairs {
            list[fill[source]] = target
            fill[source] += 1
        }
        var uniqueStarts = [Int](repeating: 0, count: count + 1)
        var uniqueCount = 0
        for row in 0..<count {
            let rowStart = starts[row], rowEnd = starts[row + 1]
            if rowEnd - rowStart > 1 { list[rowStart..<rowEnd].sort() }
            uniqueStarts[row] = uniqueCount
            for index in rowStart..<rowEnd where index == rowStart || list[index] != list[index - 1] {
                list[uniqueCount] = list[index]
                uniqueCount += 1
            }
        }
        uniqueStarts[count] = uniqueCount
        list.removeLast(list.count - uniqueCount)
        return (uniqueStarts, list)
    }

    public func successors(of step: Int) -> ArraySlice<Int> {
        successorList[successorStarts[step]..<successorStarts[step + 1]]
    }

    public func predecessors(of step: Int) -> ArraySlice<Int> {
        predecessorList[predecessorStarts[step]..<predecessorStarts[step + 1]]
    }
}
