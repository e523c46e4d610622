/// A unified diff of two texts by lines (`lint --fix --dry-run`), with three lines of context,
/// as `diff -u` and `patch` read it.
package enum UnifiedDiff {
    package static let context = 3

    package static func make(from old: String, to new: String, oldName: String, newName: String) -> String {
        let a = lines(old), b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0 != .same }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Walk the script, cutting it into hunks around the changes.
        var positions: [(op: Operation, aIndex: Int, bIndex: Int)] = []
        var i = 0, j = 0
        for op in script {
            positions.append((op, i, j))
            switch op {
            case .same: i += 1; j += 1
            case .delete: i += 1
            case .insert: j += 1
            }
        }
        var start = 0
        while start < positions.count {
            guard let firstChange = positions[start...].firstIndex(where: { $0.op != .same }) else { break }
            let hunkStart = max(start, firstChange - context)
            var hunkEnd = firstChange
            // Extend while the next change is within twice the context.
            var index = firstChange
            while index < positions.count {
                if positions[index].op != .same {
                    hunkEnd = index
                    index += 1
                    continue
                }
                let nextChange = positions[index...].firstIndex { $0.op != .same }
                guard let nextChange, nextChange - hunkEnd <= 2 * context else { break }
                index = nextChange
            }
            let end = min(positions.count, hunkEnd + context + 1)
            let slice = positions[hunkStart..<end]
            let oldCount = slice.count { $0.op != .insert }, newCount = slice.count { $0.op != .delete }
            let oldStart = slice.first!.aIndex + (oldCount == 0 ? 0 : 1), newStart = slice.first!.bIndex + (newCount == 0 ? 0 : 1)
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for entry in slice {
                switch entry.op {
                case .same: output += " " + a[entry.aIndex] + "\n"
                case .delete: output += "-" + a[entry.aIndex] + "\n"
                case .insert: output += "+" + b[entry.bIndex] + "\n"
                }
            }
            start = end
        }
        return output
    }

    enum Operation: Equatable { case same, delete, insert }

    private static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The shortest edit script (Myers' O(ND) algorithm) after the common start and end are set
    /// aside, which is all there is when a fix changes a few lines.
    private static func editScript(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        return Array(repeating: .same, count: prefix) + myers(x, y) + Array(repeating: .same, count: suffix)
    }

    private static func myers(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        let n = a.count, m = b.count, maximum = n + m
        guard maximum > 0 else { return [] }
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        search: for d in 0...maximum {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && frontier[k - 1 + maximum] < frontier[k + 1 + maximum])
                    ? frontier[k + 1 + maximum] : frontier[k - 1 + maximum] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[k + maximum] = x
                if x >= n && y >= m { break search }
            }
        }
        // Walk back through the frontiers to recover the script.
        var script: [Operation] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let frontier = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && frontier[k - 1 + maximum] < frontier[k + 1 + maximum]) ? k + 1 : k - 1
            let previousX = frontier[previousK + maximum], previousY = previousX - previousK
            while x > previousX && y > previousY {
                script.append(.same)
                x -= 1; y -= 1
            }
            if d > 0 { script.append(x == previousX ? .insert : .delete) }
            x = previousX; y = previousY
        }
        return script.reversed()
    }
}
