/// Blueprint source of any size that lints without errors, for stress tests and benchmarks: phases
/// of ten steps that pass the service down the lanes and back up, with evidence, every kind of marker,
/// information flows from support systems, and recoveries. The same size always gives the same text.
extension BlueprintGenerator {
    package static func clean(steps count: Int) -> String {
        // One phase: the customer asks, staff and systems work, the customer gets an answer.
        let pattern: [(lane: String, text: String)] = [
            ("customer", "Customer asks for help"),
            ("frontstage", "Advisor greets the customer and listens"),
            ("backstage", "Case worker checks the account history"),
            ("support", "Records system"),
            ("backstage", "Case worker prepares an offer within the policy limits"),
            ("frontstage", "Advisor explains the options"),
            ("customer", "Customer chooses an option"),
            ("frontstage", "Advisor confirms the choice in writing"),
            ("backstage", "Back office books the change"),
            ("customer", "Customer receives the confirmation and checks the details"),
        ]
        var lines = [
            "blueprint \"Synthetic journey with \(count) steps\"",
            "persona \"Generated customer\"",
            "scenario \"A long journey made up of many similar phases, to measure the renderer\"",
        ]
        if count >= 2 {
            lines.append("promise \"First answer within two hours\" from s1 to s2 within 2h")
        }
        var flows: [String] = []
        var previousHandOff: String?
        for index in 0..<count {
            let position = index % pattern.count
            let (lane, text) = pattern[position]
            let id = "s\(index + 1)"
            if position == 0 {
                let phase = index / pattern.count + 1
                lines.append("phase \"Phase \(phase)\"")
                lines.append("  evidence e\(phase) \"Letter number \(phase)\"")
            }
            var attributes: [String] = []
            switch lane {
            case "customer":
                attributes.append("emotion \(index % 5 - 2)")
                if position == 0 { attributes.append("evidence e\(index / pattern.count + 1)") }
                if index % 3 == 0 { attributes.append("wait 10m, tolerance 20m") }
                if index % 7 == 0 { attributes.append("moment") }
            case "support":
                break
            default:
                attributes.append("takes \(5 + index % 4 * 5)m")
                if lane == "backstage", index % 4 == 0, index + 2 < count {
                    attributes.append("fail \"Data missing\" recover s\(index + 2)")
                }
                if lane == "frontstage", index % 7 == 1 { attributes.append("moment") }
            }
            let attributeText = attributes.isEmpty ? "" : ", " + attributes.joined(separator: ", ")
            lines.append("  \(lane) \(id) \"\(text) (\(index + 1))\"\(attributeText)")
            if lane == "support" {
                if index + 1 < count { flows.append("\(id) ..> s\(index + 2)") }
            } else {
                if let previousHandOff { flows.append("\(previousHandOff) -> \(id)") }
                previousHandOff = id
            }
        }
        return (lines + flows).joined(separator: "\n") + "\n"
    }
}
