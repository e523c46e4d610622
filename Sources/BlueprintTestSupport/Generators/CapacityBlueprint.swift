/// A service journey of any size with language 1.2's figures: demand, servers, spans of both kinds,
/// a branch by shares and a rework loop in every phase, and a promise for a share of customers over
/// the whole journey. Lints without errors; the same size always gives the same text.
extension BlueprintGenerator {
    package static func capacity(steps count: Int) -> String {
        // One phase; `next` is the phase's customer step after it, or the last step of the journey.
        let pattern: [(lane: String, text: String, attributes: String)] = [
            ("customer", "Customer asks for help", "wait 0m..5m, tolerance 10m"),
            ("frontstage", "Advisor greets the customer", "takes 2m..5m, servers 4"),
            ("backstage", "Case worker checks the account", "takes 5m..10m..30m, servers 8"),
            ("backstage", "Specialist handles an escalation", "takes 10m..20m"),
            ("frontstage", "Advisor explains the options", "takes 3m..6m, servers 4"),
            ("customer", "Customer decides", "wait 1m..10m"),
            ("frontstage", "Advisor confirms the choice", "takes 2m..4m, servers 2"),
            ("backstage", "Back office books the change", "takes 5m..15m, servers 5"),
            ("support", "Booking system", ""),
            ("customer", "Customer receives the confirmation", ""),
        ]
        var lines = [
            "blueprint \"Generated journey with \(count) steps and its figures\"",
            "demand 20/h",
        ]
        if count >= 2 {
            // A phase takes 48 minutes on average: 55 a phase keeps the promise.
            let minutes = (count + pattern.count - 1) / pattern.count * 55
            lines.append("promise \"Through within \(minutes) minutes\" from s1 to s\(count) within \(minutes)m for 90%")
        }
        var flows: [String] = []
        for index in 0..<count {
            let position = index % pattern.count
            let (lane, text, attributes) = pattern[position]
            if position == 0 { lines.append("phase \"Phase \(index / pattern.count + 1)\"") }
            lines.append("  \(lane) s\(index + 1) \"\(text) (\(index + 1))\"" + (attributes.isEmpty ? "" : ", " + attributes))
            // Hand-offs within the phase by position: a branch out of the check, a loop back from booking.
            let base = index - position + 1
            let targets: [(Int, String)] = switch position {
            case 2: [(base + 4, ", 80%"), (base + 3, ", 20%")]
            case 3: [(base + 4, "")]
            case 7: [(base + 6, ", 10%"), (base + 9, "")]
            case 8: []
            case 9: [(base + 10, "")]
            default: [(index + 2, "")]
            }
            for (target, share) in targets where target <= count {
                flows.append("s\(index + 1) -> s\(target)\(share)")
            }
            if position == 8, index + 1 < count { flows.append("s\(index + 1) ..> s\(index)") }
        }
        return (lines + flows).joined(separator: "\n") + "\n"
    }
}
