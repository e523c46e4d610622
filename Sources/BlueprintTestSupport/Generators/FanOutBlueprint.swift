/// One phase whose first step hands over to every other step: `flows` labelled information flows from
/// `hub`, to steps spread over the four lanes. Lints without errors. The hostile shape of a layout
/// that once cost time and memory in the square of a step's outgoing flows.
extension BlueprintGenerator {
    package static func fanOut(flows count: Int) -> String {
        let lanes = ["customer", "frontstage", "backstage", "support"]
        var lines = ["blueprint \"One step handing over to \(count) others\"", "phase \"Hand-over\"", "  frontstage hub \"Hub\""]
        lines += (0..<count).map { "  \(lanes[$0 % lanes.count]) t\($0) \"Target \($0)\"" }
        lines += (0..<count).map { "hub ..> t\($0): \"item \($0)\"" }
        return lines.joined(separator: "\n") + "\n"
    }
}
