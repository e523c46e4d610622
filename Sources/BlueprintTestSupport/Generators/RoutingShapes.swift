/// Blueprint source with random flows between random lanes and phases, loops and jumps included: the
/// awkward shapes a layout must route. The same seed always gives the same text.
extension BlueprintGenerator {
    /// Up to `maximumSteps` steps, five to a phase, and about one and a half flows a step, a quarter
    /// of them labelled.
    package static func routingShapes(seed: UInt64, maximumSteps: Int = 25) -> String {
        var random = SeededRandom(seed: seed)
        let lanes = ["customer", "frontstage", "backstage", "support"]
        var lines = ["blueprint \"Random \(seed)\""]
        let count = 6 + Int(random.next() % UInt64(max(1, maximumSteps - 5)))
        for index in 0..<count {
            if index % 5 == 0 { lines.append("phase \"Phase \(index / 5 + 1)\"") }
            lines.append("  \(lanes[Int(random.next() % 4)]) s\(index) \"Step \(index)\"")
        }
        for _ in 0..<(count + Int(random.next() % UInt64(count))) {
            let from = Int(random.next() % UInt64(count)), to = Int(random.next() % UInt64(count))
            lines.append("s\(from) \(random.next() % 3 == 0 ? "..>" : "->") s\(to)\(random.next() % 4 == 0 ? ": \"why\"" : "")")
        }
        return lines.joined(separator: "\n")
    }
}
