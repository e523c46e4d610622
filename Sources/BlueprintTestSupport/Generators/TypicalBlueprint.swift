/// Writes realistic blueprints: phases of seven steps over every lane, with evidence, attributes,
/// fail points and recoveries, hand-offs chained across phases, information flows, promises every
/// few phases, comments and some Chinese labels. The same seed writes the same text.
extension BlueprintGenerator {
    /// The blueprint of about `steps` steps (rounded up to whole phases) that `seed` writes.
    package static func typical(steps: Int, seed: UInt64) -> String {
        var writer = TypicalBlueprintWriter(seed: seed)
        return writer.write(steps: steps)
    }
}

private struct TypicalBlueprintWriter {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let stepsPerPhase = 7
    /// One promise spans this many phases; a typical 40-step file has one or two.
    static let phasesPerPromise = 5

    mutating func write(steps: Int) -> String {
        let phases = max(1, (steps + Self.stepsPerPhase - 1) / Self.stepsPerPhase)
        var text = "# Generated for the lint benchmark.\n"
        text += "blueprint \"\(pick(Self.services)) \(random.next(below: 1_000))\"\n"
        text += "persona \"\(pick(Self.personas))\"\n"
        text += "scenario \"A customer goes through \(phases) phases of the service\"\n"
        text += "owner \"Service design team \(random.next(below: 50))\"\n\n"
        for start in stride(from: 0, to: phases, by: Self.phasesPerPromise) {
            let end = min(phases, start + Self.phasesPerPromise) - 1
            // A generous bound: each phase costs at most about 3h on its main path.
            text += "promise \"Phases \(start + 1) to \(end + 1) within \((end - start + 1) * 3)h\" from p\(start)-ask to p\(end)-deliver within \((end - start + 1) * 3)h\n"
        }
        for phase in 0..<phases {
            text += self.phase(phase, isLast: phase == phases - 1)
        }
        return text
    }

    private mutating func phase(_ index: Int, isLast: Bool) -> String {
        let p = "p\(index)"
        // About one phase in ten is written in Chinese, as mixed teams do.
        let chinese = random.next(below: 10) == 0
        let customerActions = chinese ? Self.chineseActions : Self.customerActions
        var text = "\nphase \"\(pick(chinese ? Self.chinesePhases : Self.phaseNames)) \(index + 1)\"\n"
        text += "  # \(pick(Self.comments))\n"
        text += "  evidence   \(p)-doc      \"\(pick(Self.evidence))\", channel \"\(pick(Self.channels))\"\n"
        text += "  customer   \(p)-ask      \"\(pick(customerActions))\""
            + (random.next(below: 4) == 0 ? ", moment" : "") + ", emotion \(Int(random.next(below: 5)) - 2), evidence \(p)-doc\n"
        text += "  frontstage \(p)-greet    \"\(pick(Self.frontstageActions))\", actor \"\(pick(Self.actors))\", channel \"\(pick(Self.channels))\", takes \(minutes(2...12))\n"
        text += "  backstage  \(p)-check    \"\(pick(Self.backstageActions))\", takes \(duration())"
            + (random.next(below: 3) == 0 ? ", fail \"\(pick(Self.failures))\" recover \(p)-callback" : "") + "\n"
        text += "  frontstage \(p)-callback \"\(pick(Self.frontstageActions))\", takes \(minutes(1...5))  # recovery\n"
        text += "  support    \(p)-system   \"\(pick(Self.systems))\", note \"\(pick(Self.comments))\"\n"
        text += "  customer   \(p)-receive  \"\(pick(customerActions))\", wait \(minutes(5...30)), tolerance \(minutes(30...60)), evidence \(p)-doc, emotion \(Int(random.next(below: 3)) - 1)\n"
        text += "  frontstage \(p)-deliver  \"\(pick(Self.frontstageActions))\", moment, takes \(minutes(2...10))\n"
        text += "\(p)-ask -> \(p)-greet -> \(p)-check -> \(p)-deliver -> \(p)-receive : \"\(pick(Self.flowLabels))\"\n"
        text += "\(p)-callback -> \(p)-check\n"
        text += "\(p)-system ..> \(p)-check\n"
        if !isLast { text += "\(p)-receive -> p\(index + 1)-ask\n" }
        return text
    }

    private mutating func minutes(_ range: ClosedRange<Int>) -> String {
        "\(range.lowerBound + Int(random.next(below: UInt64(range.count))))m"
    }

    /// Minutes, hours or hours and minutes: up to 2h.
    private mutating func duration() -> String {
        switch random.next(below: 3) {
        case 0: minutes(5...59)
        case 1: "\(1 + random.next(below: 2))h"
        default: "1h\(minutes(1...59))"
        }
    }

    private mutating func pick(_ words: [String]) -> String {
        words[Int(random.next(below: UInt64(words.count)))]
    }

    private static let services = ["Power outage repair", "Home loan", "Passport renewal", "Broadband install", "Hospital admission", "Parcel return"]
    private static let personas = ["Household customer", "First-time buyer", "Small business owner", "Frequent traveller", "Elderly patient"]
    private static let phaseNames = ["Report", "Apply", "Review", "Decide", "Deliver", "Follow up", "Install", "Pay"]
    private static let chinesePhases = ["申请", "受理", "审核", "办理", "回访"]
    private static let customerActions = ["Calls the hotline to report the problem", "Fills in the online form", "Uploads the documents",
                                          "Waits for the answer", "Signs the contract", "Pays the invoice", "Rates the service"]
    private static let chineseActions = ["拨打热线报修", "在线填写申请表", "上传证明材料", "等待审核结果", "签署合同"]
    private static let frontstageActions = ["Agent logs the request", "Adviser explains the options", "Crew arrives on site",
                                            "Clerk checks the documents", "Agent confirms by phone", "Courier hands over the parcel"]
    private static let backstageActions = ["Dispatcher assigns the nearest crew", "Underwriter reviews the file", "Clerk enters the data",
                                           "Team lead approves the request", "Warehouse prepares the order"]
    private static let systems = ["Outage map (GIS)", "Customer records (CRM)", "Payment gateway", "Scheduling system", "Document store"]
    private static let evidence = ["Text message with the arrival time", "Confirmation email", "Printed receipt", "App notification", "Signed form"]
    private static let channels = ["phone", "web", "app", "counter", "email"]
    private static let actors = ["Call agent", "Field crew", "Adviser", "Clerk", "Courier"]
    private static let failures = ["Wrong address", "Missing papers", "Payment declined", "Crew unavailable"]
    private static let flowLabels = ["hand-off", "request", "case file", "work order", "answer"]
    private static let comments = ["Peak hours double the wait here", "Agreed with operations in March",
                                   "TODO: measure this step", "See the service standard, section 4", "Owned by the regional team"]
}
