/// The `->` flows of a blueprint as adjacency arrays (compressed rows), the
/// graph promise paths run on. Duplicate flows are merged.
public struct HandOffGraph: Sendable {
    public let stepCount: Int
    let successorRows: AdjacencyRows
    private let predecessorRows: AdjacencyRows

    public init(_ blueprint: Blueprint) {
        // By index, reading the fields in place: the edges are read twice, and copying each flow
        // out would retain its label both times.
        let flows = blueprint.flows
        self.init(stepCount: blueprint.steps.count,
                  edges: flows.indices.lazy.filter { flows[$0].arrow == .handOff }.map { (flows[$0].from, flows[$0].to) })
    }

    init(stepCount: Int, edges pairs: some Collection<(Int, Int)>) {
        self.stepCount = stepCount
        successorRows = AdjacencyRows(count: stepCount, pairs)
        predecessorRows = successorRows.transposed()
    }

    public func successors(of step: Int) -> ArraySlice<Int> {
        successorRows[step]
    }

    public func predecessors(of step: Int) -> ArraySlice<Int> {
        predecessorRows[step]
    }
}

/// Compressed rows: for each node, the nodes its edges go to, in ascending order without repeats.
struct AdjacencyRows: Sendable {
    var starts: [Int]
    var list: [Int]

    var count: Int { starts.count - 1 }

    subscript(node: Int) -> ArraySlice<Int> {
        list[starts[node]..<starts[node + 1]]
    }

    /// Rows already in order: `starts` from 0, one more than the rows, and each row ascending without repeats.
    init(starts: [Int], list: [Int]) {
        self.starts = starts
        self.list = list
    }

    /// The same edges turned round. Filled source by source, each row comes out ascending and without
    /// repeats, as the rows it is made from are: no pairs to list and sort.
    func transposed() -> AdjacencyRows {
        var starts = [Int](repeating: 0, count: count + 1)
        for target in list { starts[target + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var fill = starts
        var transposedList = [Int](repeating: 0, count: list.count)
        for source in 0..<count {
            for position in self.starts[source]..<self.starts[source + 1] {
                let target = list[position]
                transposedList[fill[target]] = source
                fill[target] += 1
            }
        }
        return AdjacencyRows(starts: starts, list: transposedList)
    }

    /// The rows of `pairs` by source. A counting sort: rows are short, so building them stays about
    /// linear in the number of pairs.
    init(count: Int, _ pairs: some Collection<(Int, Int)>) {
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
        self.init(starts: uniqueStarts, list: list)
    }
}

/// Strongly connected components of steps, each component's steps end to end: one array for all,
/// where an array per component cost an allocation per step of a file without loops.
package struct StepComponents: Sendable {
    package var steps: [Int] = []
    /// Where each component's steps end in `steps`.
    package var ends: [Int] = []

    package init() {}

    package func members(_ number: Int) -> ArraySlice<Int> {
        steps[(number == 0 ? 0 : ends[number - 1])..<ends[number]]
    }
}
