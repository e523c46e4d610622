import BlueprintDiagnostics

/// What a promise's `->` paths cost.
public struct PromiseCheck: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        /// `from` or `to` does not name a declared step, or a `->` path between them runs through an
        /// undeclared id: the promise is not checked further.
        case unresolved
        case unreachable
        case kept
        case broken
    }

    public var status: Status
    /// The largest cost over the paths checked (paths without a repeated step).
    public var worstCost: Duration = .zero
    /// The steps of a path with that cost, `from` first.
    public var worstPath: [Int] = []
    /// Steps that lie on a path from `from` to `to`, in index order.
    public var stepsOnPaths: [Int] = []
    /// Steps of the `->` cycles that lie on those paths; empty when there is none.
    public var loopSteps: [Int] = []
    /// True when the search over paths with loops stopped at its work bound, so
    /// `worstCost` may be lower than the true worst case.
    public var searchWasBounded = false

    public var hasLoop: Bool { !loopSteps.isEmpty }
}

/// Worst-case cost of promises over the `->` graph. On a graph without
/// loops this is a longest path over a DAG, linear in its size. Loops are
/// contracted to their strongly connected components; only inside a
/// component are paths without a repeated step enumerated, within a bound.
public struct PromiseAnalysis: Sendable {
    public let blueprint: Blueprint
    public let graph: HandOffGraph
    /// Edge visits allowed per promise inside loops before the search stops.
    public var workBound: Int

    /// Strongly connected component of each step, numbered sinks first: a flow never goes to a
    /// higher number, so a step on a path from `from` to `to` is numbered between them.
    private let componentIndex: [Int]
    /// `cost` of each step in seconds, read once: a step is large, and promises share steps.
    private let stepCosts: [Int]
    /// The `->` links through undeclared ids; nil when there is none, as in nearly every file.
    private let unknownNames: UnknownNameGraph?

    /// The work that checking every promise of one file may take in all: lint and render share
    /// this one budget, so they give one answer.
    public static let defaultFileWork = 1_000_000

    /// Every promise of `blueprint` checked, sharing `work` (edge visits inside loops) between
    /// them: many promises over one dense loop must not multiply it. Each promise still gets 1,000
    /// visits (or the whole budget, when that is smaller), so many promises still check small loops.
    public static func checks(of blueprint: Blueprint, work: Int = defaultFileWork) -> [PromiseCheck] {
        guard !blueprint.promises.isEmpty else { return [] }
        let analysis = PromiseAnalysis(blueprint, workBound: max(min(work, 1_000), work / blueprint.promises.count))
        var buffers = CheckBuffers(stepCount: blueprint.steps.count)
        return blueprint.promises.map { analysis.check($0, buffers: &buffers) }
    }

    public init(_ blueprint: Blueprint, workBound: Int = 1_000_000) {
        self.blueprint = blueprint
        self.graph = HandOffGraph(blueprint)
        self.workBound = workBound
        var whole = PathSearch()
        whole.load(successors: graph.successorRows, costs: [], workBound: 0)
        whole.findComponents(of: 0..<graph.stepCount)
        componentIndex = whole.component
        stepCosts = blueprint.steps.indices.map { Step.cost(wait: blueprint.steps[$0].wait, takes: blueprint.steps[$0].takes).seconds }
        let handOffs = blueprint.unknownNameLinks.filter { $0.arrow == .handOff }
        unknownNames = handOffs.isEmpty ? nil : UnknownNameGraph(stepCount: blueprint.steps.count, links: handOffs)
    }

    /// Appends to `reached` the steps reached from `start`, pruned to those that pass `keep`, each
    /// marked in `marks` with `round`. Marks, not a set: hashing each step cost more than the rest of the walk.
    private func reach(from start: Int, backwards: Bool, marks: inout [Int], round: Int, stack: inout [Int], reached: inout [Int],
                       keep: (Int) -> Bool) {
        marks[start] = round
        reached.append(start)
        stack.append(start)
        while let step = stack.popLast() {
            for next in backwards ? graph.predecessors(of: step) : graph.successors(of: step) where marks[next] != round && keep(next) {
                marks[next] = round
                reached.append(next)
                stack.append(next)
            }
        }
    }

    public func check(_ promise: Promise) -> PromiseCheck {
        var buffers = CheckBuffers(stepCount: blueprint.steps.count)
        return check(promise, buffers: &buffers)
    }

    private func check(_ promise: Promise, buffers: inout CheckBuffers) -> PromiseCheck {
        guard let from = promise.from, let to = promise.to else { return PromiseCheck(status: .unresolved) }
        if let unknownNames, unknownNames.hasPath(from: from, to: to, through: graph) { return PromiseCheck(status: .unresolved) }
        let fromIndex = componentIndex[from], toIndex = componentIndex[to]
        guard toIndex <= fromIndex else { return PromiseCheck(status: .unreachable) }
        buffers.round += 1
        let round = buffers.round
        buffers.reached.removeAll(keepingCapacity: true)
        reach(from: from, backwards: false, marks: &buffers.forward, round: round, stack: &buffers.stack, reached: &buffers.reached) {
            componentIndex[$0] >= toIndex
        }
        guard buffers.forward[to] == round else { return PromiseCheck(status: .unreachable) }
        // Every step of a path from `from` to `to` is reached forwards, so going back from `to`
        // within `forward` finds exactly the steps on those paths.
        let forward = buffers.forward
        var stepsOnPaths: [Int] = []
        reach(from: to, backwards: true, marks: &buffers.backward, round: round, stack: &buffers.stack, reached: &stepsOnPaths) {
            forward[$0] == round
        }
        stepsOnPaths.sort()
        buffers.search.load(stepsOnPaths: stepsOnPaths, of: graph, stepCosts: stepCosts, workBound: workBound)
        let localFrom = PathSearch.local(from, in: stepsOnPaths)!
        buffers.search.run(from: localFrom)
        let worst = buffers.search.worstPath(to: PathSearch.local(to, in: stepsOnPaths)!, from: localFrom)
        var result = PromiseCheck(status: worst.cost <= promise.within ? .kept : .broken)
        result.worstCost = worst.cost
        result.worstPath = worst.path.map { stepsOnPaths[$0] }
        result.stepsOnPaths = stepsOnPaths
        result.loopSteps = buffers.search.loopSteps.map { stepsOnPaths[$0] }.sorted()
        result.searchWasBounded = buffers.search.workLeft < 0
        return result
    }
}

/// What one promise's check writes in passing, kept from promise to promise: each check would
/// otherwise clear a mark for every step of the file, and allocate its search's arrays afresh.
private struct CheckBuffers {
    /// A step is marked when its entry equals the round; each promise starts a new round.
    var round = 0
    var forward: [Int]
    var backward: [Int]
    var stack: [Int] = []
    var reached: [Int] = []
    var search = PathSearch()

    init(stepCount: Int) {
        forward = [Int](repeating: 0, count: stepCount)
        backward = forward
    }
}

/// The `->` graph with a node for each undeclared id of a flow, to tell whether a path between two
/// steps runs through one (spec section 8, "Unknown names").
private struct UnknownNameGraph: Sendable {
    let stepCount: Int
    /// Links touching an unknown name, by node: steps are numbered as in the blueprint, unknown names after them.
    let successors: [Int: [Int]]
    let predecessors: [Int: [Int]]

    init(stepCount: Int, links: [UnknownNameLink]) {
        self.stepCount = stepCount
        var nodes: [String: Int] = [:]
        func node(_ end: UnknownNameLink.End) -> Int {
            switch end {
            case .step(let index): return index
            case .unknown(let name):
                if let node = nodes[name] { return node }
                nodes[name] = stepCount + nodes.count
                return stepCount + nodes.count - 1
            }
        }
        var successors: [Int: [Int]] = [:], predecessors: [Int: [Int]] = [:]
        for link in links {
            let from = node(link.from), to = node(link.to)
            successors[from, default: []].append(to)
            predecessors[to, default: []].append(from)
        }
        self.successors = successors
        self.predecessors = predecessors
    }

    /// Whether an unknown name is reached by `->` from `from` and leads on to `to`.
    func hasPath(from: Int, to: Int, through graph: HandOffGraph) -> Bool {
        let ahead = reach(from: from, next: { graph.successors(of: $0) }, extra: successors)
        return reach(from: to, next: { graph.predecessors(of: $0) }, extra: predecessors).contains { $0 >= stepCount && ahead.contains($0) }
    }

    private func reach(from start: Int, next: (Int) -> ArraySlice<Int>, extra: [Int: [Int]]) -> Set<Int> {
        var seen: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            let steps = node < stepCount ? next(node) : []
            for neighbour in steps + (extra[node] ?? []) where seen.insert(neighbour).inserted {
                stack.append(neighbour)
            }
        }
        return seen
    }
}

/// Longest paths from one step over the condensation of the on-path subgraph. A file's promises
/// share one search, loaded again for each: its arrays keep their capacity from promise to promise.
private struct PathSearch {
    var successors = AdjacencyRows(starts: [0], list: [])
    var costs: [Int] = []
    var workLeft = 0

    /// Component of each on-path step; -1 elsewhere.
    var component: [Int] = []
    /// Best cost of a path from the start that ends at the step (its own cost included); -1 when none.
    var bestEnding: [Int] = []
    /// The end of the segment inside the step's component by which that best
    /// path reaches it, as an index into `trail`.
    var bestSegment: [Int] = []
    /// Segments share their prefixes: each entry is a step and the index of the entry before it (-1 at an entry step).
    var trail: [(step: Int, previous: Int)] = []
    /// Best cost of a path from the start to a step just before this one, and that step.
    var bestArrival: [Int] = []
    var arrivalFrom: [Int] = []
    var loopSteps: [Int] = []
    /// The components `findComponents` found, and its working arrays.
    private var components = StepComponents()
    private var order: [Int] = [], lowLink: [Int] = [], onStack: [Bool] = [], stack: [Int] = []
    private var callStack: [(step: Int, nextSuccessor: Int)] = []

    /// A step's place in the sorted on-path steps, found by halving: no table to build and hash into.
    static func local(_ step: Int, in stepsOnPaths: [Int]) -> Int? {
        let low = stepsOnPaths.partitioningIndex { $0 >= step }
        return low < stepsOnPaths.count && stepsOnPaths[low] == step ? low : nil
    }

    /// Loads the on-path steps of one promise, renumbered from 0: the search's cost then follows the
    /// promise's span, not the file's size. Their rows stay in order, as the steps and each step's
    /// successors are.
    mutating func load(stepsOnPaths: [Int], of graph: HandOffGraph, stepCosts: [Int], workBound: Int) {
        successors.starts.removeAll(keepingCapacity: true)
        successors.list.removeAll(keepingCapacity: true)
        successors.starts.append(0)
        for step in stepsOnPaths {
            for next in graph.successors(of: step) {
                if let target = Self.local(next, in: stepsOnPaths) { successors.list.append(target) }
            }
            successors.starts.append(successors.list.count)
        }
        costs.removeAll(keepingCapacity: true)
        costs.append(contentsOf: stepsOnPaths.lazy.map { stepCosts[$0] })
        reset(workBound: workBound)
    }

    mutating func load(successors: AdjacencyRows, costs: [Int], workBound: Int) {
        self.successors = successors
        self.costs = costs
        reset(workBound: workBound)
    }

    private mutating func reset(workBound: Int) {
        workLeft = workBound
        let count = successors.count
        Self.fill(&component, count: count, with: -1)
        Self.fill(&bestEnding, count: count, with: -1)
        Self.fill(&bestSegment, count: count, with: -1)
        Self.fill(&bestArrival, count: count, with: -1)
        Self.fill(&arrivalFrom, count: count, with: -1)
        trail.removeAll(keepingCapacity: true)
        loopSteps.removeAll(keepingCapacity: true)
    }

    private static func fill<Element>(_ array: inout [Element], count: Int, with value: Element) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }

    func cost(_ step: Int) -> Int { costs[step] }

    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    mutating func run(from start: Int) {
        findComponents(of: 0..<successors.count)
        let components = self.components
        bestArrival[start] = 0
        // Tarjan's algorithm yields components in reverse topological order.
        for number in components.ends.indices.reversed() {
            let members = components.members(number), first = members[members.startIndex]
            let isLoop = members.count > 1 || successors[first].contains(first)
            if isLoop { loopSteps.append(contentsOf: members) }
            if members.count == 1 {
                if bestArrival[first] >= 0 {
                    bestEnding[first] = Self.add(bestArrival[first], cost(first))
                    trail.append((first, -1))
                    bestSegment[first] = trail.count - 1
                }
            } else {
                for entry in members where bestArrival[entry] >= 0 {
                    extendSegments(from: entry)
                }
                if workLeft < 0 { reachRest(of: members) }
            }
            for step in members where bestEnding[step] >= 0 {
                for next in successors[step] where component[next] != component[step] {
                    if bestEnding[step] > bestArrival[next] {
                        bestArrival[next] = bestEnding[step]
                        arrivalFrom[next] = step
                    }
                }
            }
        }
    }

    /// Depth-first over paths without a repeated step inside one component,
    /// from `entry`. Iterative: a component can be as long as the file.
    mutating func extendSegments(from entry: Int) {
        let target = component[entry]
        trail.append((entry, -1))
        var frames = [(trailIndex: trail.count - 1, total: Self.add(bestArrival[entry], cost(entry)), nextSuccessor: 0)]
        var inSegment: Set<Int> = [entry]
        record(entry, frames[0].trailIndex, total: frames[0].total)
        while let frame = frames.last {
            let last = trail[frame.trailIndex].step
            let successors = self.successors[last]
            guard frame.nextSuccessor < successors.count, workLeft >= 0 else {
                frames.removeLast()
                inSegment.remove(last)
                continue
            }
            frames[frames.count - 1].nextSuccessor += 1
            let next = successors[successors.startIndex + frame.nextSuccessor]
            guard component[next] == target, !inSegment.contains(next) else { continue }
            workLeft -= 1
            let total = Self.add(frame.total, cost(next))
            trail.append((next, frame.trailIndex))
            frames.append((trail.count - 1, total, 0))
            inSegment.insert(next)
            record(next, trail.count - 1, total: total)
        }
    }

    /// Once the work bound is spent, the steps of a loop the search did not reach get the path a
    /// breadth-first walk from the reached ones gives: a real path without a repeated step, so the
    /// check still names one, and its cost a lower bound on the worst. A step never reached appears on
    /// no segment, so adding it to one keeps the segment free of repeats.
    mutating func reachRest(of members: ArraySlice<Int>) {
        let target = component[members[members.startIndex]]
        var queue = members.filter { bestEnding[$0] >= 0 }
        var visited = Set(queue)
        var head = 0
        while head < queue.count {
            let step = queue[head]
            head += 1
            for next in successors[step] where component[next] == target && visited.insert(next).inserted {
                if bestEnding[next] < 0 {
                    trail.append((next, bestSegment[step]))
                    record(next, trail.count - 1, total: Self.add(bestEnding[step], cost(next)))
                }
                queue.append(next)
            }
        }
    }

    mutating func record(_ step: Int, _ trailIndex: Int, total: Int) {
        if total > bestEnding[step] {
            bestEnding[step] = total
            bestSegment[step] = trailIndex
        }
    }

    func worstPath(to end: Int, from start: Int) -> (cost: Duration, path: [Int]) {
        guard bestEnding[end] >= 0 else { return (.zero, []) }
        // From the end back: each segment's steps, last first, then the step its entry was reached from.
        var reversedPath: [Int] = []
        var step = end
        while true {
            var index = bestSegment[step], entry = step
            while index >= 0 {
                entry = trail[index].step
                reversedPath.append(entry)
                index = trail[index].previous
            }
            if entry == start || arrivalFrom[entry] < 0 { break }
            step = arrivalFrom[entry]
        }
        return (Duration(seconds: bestEnding[end]), reversedPath.reversed())
    }

    /// Iterative Tarjan over `nodes`; fills `component` and `components`.
    mutating func findComponents(of nodes: Range<Int>) {
        let count = successors.count
        Self.fill(&order, count: count, with: -1)
        Self.fill(&lowLink, count: count, with: 0)
        Self.fill(&onStack, count: count, with: false)
        stack.removeAll(keepingCapacity: true)
        callStack.removeAll(keepingCapacity: true)
        components.steps.removeAll(keepingCapacity: true)
        components.ends.removeAll(keepingCapacity: true)
        var counter = 0
        for root in nodes where order[root] < 0 {
            callStack.append((root, 0))
            order[root] = counter; lowLink[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = callStack.last {
                // By index into the list: a slice of it would be retained and released at each visit.
                let position = successors.starts[frame.step] + frame.nextSuccessor
                if position < successors.starts[frame.step + 1] {
                    let next = successors.list[position]
                    callStack[callStack.count - 1].nextSuccessor += 1
                    if order[next] < 0 {
                        order[next] = counter; lowLink[next] = counter; counter += 1
                        stack.append(next); onStack[next] = true
                        callStack.append((next, 0))
                    } else if onStack[next] {
                        lowLink[frame.step] = min(lowLink[frame.step], order[next])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last {
                    lowLink[parent.step] = min(lowLink[parent.step], lowLink[frame.step])
                }
                if lowLink[frame.step] == order[frame.step] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = components.ends.count
                        components.steps.append(member)
                        if member == frame.step { break }
                    }
                    components.ends.append(components.steps.count)
                }
            }
        }
    }
}
