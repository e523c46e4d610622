import BlueprintModel

/// How many times a customer who starts at one step visits each step on average: the solution of
/// the flow equations v = e + Pᵀv, solved exactly (no simulation) one strongly connected component
/// at a time in topological order, so a file without loops costs time linear in its size.
/// A loop customers never leave gives infinite visits. A loop of more than `largestExactLoop` steps
/// is solved by Gauss–Seidel sweeps within a work bound instead, since elimination grows with the cube.
enum Visits {
    static func solve(_ routing: Routing, from start: Int) -> [Double] {
        var visits = [Double](repeating: 0, count: routing.stepCount)
        var inflow = visits
        inflow[start] = 1
        let components = components(routing, from: start)
        // Tarjan finds sinks first.
        for number in components.ends.indices.reversed() {
            let members = components.members(number)
            // Nearly every step is a component of its own: no table, no elimination.
            if members.count == 1 {
                let step = members[members.startIndex]
                let stay = routing.exits(of: step).reduce(0) { $0 + ($1.step == step ? $1.probability : 0) }
                visits[step] = stay >= 1 - 1e-12 ? .infinity : inflow[step] / (1 - stay)
                for exit in routing.exits(of: step) where exit.step != step && exit.probability > 0 {
                    inflow[exit.step] += visits[step] * exit.probability
                }
                continue
            }
            let steps = Array(members)
            let local = Dictionary(uniqueKeysWithValues: steps.enumerated().map { ($1, $0) })
            let solved = solveComponent(steps, local: local, routing: routing, inflow: inflow)
            for (index, step) in steps.enumerated() {
                visits[step] = solved[index]
                for exit in routing.exits(of: step) where local[exit.step] == nil && exit.probability > 0 {
                    inflow[exit.step] += solved[index] * exit.probability
                }
            }
        }
        return visits
    }

    /// v = b + Qᵀv inside one component, by Gaussian elimination with partial pivoting.
    private static func solveComponent(_ members: [Int], local: [Int: Int], routing: Routing, inflow: [Double]) -> [Double] {
        let count = members.count
        // Customers stay when every step of the component sends them all back into it.
        let isClosed = members.allSatisfy { step in
            routing.exits(of: step).reduce(0) { $0 + (local[$1.step] != nil ? $1.probability : 0) } >= 1 - 1e-12
        }
        if isClosed { return [Double](repeating: .infinity, count: count) }
        if count > largestExactLoop { return sweep(members, local: local, routing: routing, inflow: inflow) }
        var matrix = [Double](repeating: 0, count: count * count)
        var rhs = members.map { inflow[$0] }
        for row in 0..<count { matrix[row * count + row] = 1 }
        for (column, step) in members.enumerated() {
            for exit in routing.exits(of: step) {
                if let row = local[exit.step] { matrix[row * count + column] -= exit.probability }
            }
        }
        for pivotColumn in 0..<count {
            var pivotRow = pivotColumn
            for row in pivotColumn + 1..<count where abs(matrix[row * count + pivotColumn]) > abs(matrix[pivotRow * count + pivotColumn]) {
                pivotRow = row
            }
            if pivotRow != pivotColumn {
                for column in 0..<count { matrix.swapAt(pivotRow * count + column, pivotColumn * count + column) }
                rhs.swapAt(pivotRow, pivotColumn)
            }
            let pivot = matrix[pivotColumn * count + pivotColumn]
            guard pivot != 0 else { return [Double](repeating: .infinity, count: count) }
            for row in pivotColumn + 1..<count {
                let factor = matrix[row * count + pivotColumn] / pivot
                guard factor != 0 else { continue }
                for column in pivotColumn..<count { matrix[row * count + column] -= factor * matrix[pivotColumn * count + column] }
                rhs[row] -= factor * rhs[pivotColumn]
            }
        }
        var solution = [Double](repeating: 0, count: count)
        for row in stride(from: count - 1, through: 0, by: -1) {
            var sum = rhs[row]
            for column in row + 1..<count { sum -= matrix[row * count + column] * solution[column] }
            solution[row] = sum / matrix[row * count + row]
        }
        return solution
    }

    static let largestExactLoop = 400
    /// Flow terms a sweep solution may visit in all.
    static let sweepWork = 20_000_000

    /// v = b + Qᵀv by Gauss–Seidel: each sweep adds what flows into each step along the loop, until
    /// nothing changes in the twelfth digit or the work bound is spent.
    private static func sweep(_ members: [Int], local: [Int: Int], routing: Routing, inflow: [Double]) -> [Double] {
        var incoming = [[(from: Int, probability: Double)]](repeating: [], count: members.count)
        for (index, step) in members.enumerated() {
            for exit in routing.exits(of: step) where exit.probability > 0 {
                if let target = local[exit.step] { incoming[target].append((index, exit.probability)) }
            }
        }
        let termsPerSweep = max(1, incoming.reduce(members.count) { $0 + $1.count })
        var visits = members.map { inflow[$0] }
        for _ in 0..<max(1, sweepWork / termsPerSweep) {
            var largestChange = 0.0
            for index in members.indices {
                let updated = incoming[index].reduce(inflow[members[index]]) { $0 + visits[$1.from] * $1.probability }
                largestChange = max(largestChange, abs(updated - visits[index]) / max(1, abs(updated)))
                visits[index] = updated
            }
            if largestChange < 1e-12 { break }
        }
        return visits
    }

    /// The strongly connected components of the steps reached from `start` by flows customers take,
    /// sinks first (iterative Tarjan: a component can be as long as the file).
    static func components(_ routing: Routing, from start: Int) -> StepComponents {
        var order = [Int](repeating: -1, count: routing.stepCount)
        var lowLink = order
        var onStack = [Bool](repeating: false, count: routing.stepCount)
        var stack: [Int] = [], components = StepComponents()
        var counter = 0
        var callStack = [(step: start, next: 0)]
        order[start] = 0; lowLink[start] = 0; counter = 1
        stack.append(start); onStack[start] = true
        while let frame = callStack.last {
            let successors = routing.exits(of: frame.step)
            if frame.next < successors.count {
                callStack[callStack.count - 1].next += 1
                let exit = successors[successors.startIndex + frame.next]
                guard exit.probability > 0 else { continue }
                if order[exit.step] < 0 {
                    order[exit.step] = counter; lowLink[exit.step] = counter; counter += 1
                    stack.append(exit.step); onStack[exit.step] = true
                    callStack.append((exit.step, 0))
                } else if onStack[exit.step] {
                    lowLink[frame.step] = min(lowLink[frame.step], order[exit.step])
                }
                continue
            }
            callStack.removeLast()
            if let parent = callStack.last { lowLink[parent.step] = min(lowLink[parent.step], lowLink[frame.step]) }
            guard lowLink[frame.step] == order[frame.step] else { continue }
            while let member = stack.popLast() {
                onStack[member] = false
                components.steps.append(member)
                if member == frame.step { break }
            }
            components.ends.append(components.steps.count)
        }
        return components
    }
}
