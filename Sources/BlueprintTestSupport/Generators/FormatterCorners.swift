extension BlueprintGenerator {
    /// Random but well-formed blueprints that try the formatter's corners: statements of every kind in
    /// any order, comments everywhere, blank-line runs, odd whitespace, CJK and decomposed ids, ids that
    /// are keywords, repeated attributes, `onstage`, escapes, CRLF, byte-order marks, files without a
    /// header. Meaning is not the point: ids may be undeclared and attributes invalid, as long as the
    /// syntax is right.
    package struct Corners {
        private var random: SeededRandom

        package init(seed: UInt64) { random = SeededRandom(seed: seed) }

        static let ids = [
            "report", "log", "dispatch", "a-b_c", "x1", "申请", "审核2", "受理_a", "접수", "ＡＢＣ", "re\u{301}ception",
            "support", "phase", "moment", "from", "to", "within", "recover", "evidence", "lane",
        ]
        static let strings = [
            "", "Calls the hotline", "Says \\\"hi\\\"", "back\\\\slash", "two\\nlines", "tab\\there", "bell \\u{7}",
            "escape \\u{1B}[0m", "\\u{41}\\u{3000}\\u{1F600}", "# not a comment", "a, b: c -> d", "等待工作人员到场",
            "line\\u{2028}separator", "C1 \\u{85}", "trailing space ",
        ]
        static let durations = ["45m", "1h30m", "0s", "90m", "1h90m", "2w3d", "30s", "1d2h3m4s"]
        static let emotions = ["-2", "-1", "0", "1", "2", "-0", "007", "5", "-99"]
        static let laneKeywords = ["evidence", "customer", "frontstage", "onstage", "backstage", "support"]
        static let comments = [
            "", " a comment", "# double", " lint: ignore disconnected-step", " lint: ignore syntax, unused-evidence",
            " 中文注释", " ends with spaces  \t", " \"quoted\" -> not a flow",
        ]
        static let separators = [" ", " ", " ", "  ", "\t", "\u{3000}", "\u{A0}"]

        /// One file, as text.
        package mutating func file() -> String {
            let hasHeader = chance(0.9)
            var statements: [String] = []
            for _ in 0..<int(0...3) { statements.append(step()) }
            for _ in 0..<int(0...4) {
                statements.append("phase" + gap() + string())
                for _ in 0..<int(0...6) { statements.append(step()) }
            }
            var scattered: [String] = []
            for _ in 0..<int(0...4) { scattered.append(pick(["persona", "scenario", "owner"]) + gap() + string()) }
            for _ in 0..<int(0...2) { scattered.append("locale" + gap() + pick(["en", "zh-Hans", "zh-Hant"])) }
            for _ in 0..<int(0...1) { scattered.append("demand" + gap() + pick(["40/h", "300 / d", "2.5/w", "0/h"])) }
            for _ in 0..<int(0...3) { scattered.append("lane" + gap() + pick(Self.laneKeywords) + gap() + string()) }
            for _ in 0..<int(0...2) { scattered.append("line" + gap() + pick(["interaction", "visibility", "internal"]) + gap() + string()) }
            for _ in 0..<int(0...3) { scattered.append(promise()) }
            for _ in 0..<int(0...5) { scattered.append(flow()) }
            for statement in scattered { statements.insert(statement, at: int(0...statements.count)) }
            if hasHeader { statements.insert("blueprint" + gap() + string(), at: 0) }

            var lines: [String] = []
            for statement in statements {
                lines += trivia()
                var line = indentation() + statement
                if chance(0.2) { line += pick(Self.separators) }
                if chance(0.25) { line += pick(["", " ", "  "]) + "#" + pick(Self.comments) }
                lines.append(line)
            }
            lines += trivia()
            var text = lines.joined(separator: "\n") + pick(["", "\n", "\n", "\n\n\n"])
            if chance(0.15) { text = text.replacingLineEnds(with: "\r\n") }
            if chance(0.05) { text = "\u{FEFF}" + text }
            return text
        }

        private mutating func step() -> String {
            var line = pick(Self.laneKeywords) + gap() + pick(Self.ids) + gap() + string()
            for _ in 0..<int(0...5) {
                line += pick([",", ", ", " , ", ",\t"]) + attribute()
            }
            return line
        }

        private mutating func attribute() -> String {
            switch int(0...10) {
            case 0: "moment"
            case 1: "emotion" + gap() + pick(Self.emotions)
            case 2: "actor" + gap() + string()
            case 3: "channel" + gap() + string()
            case 4: "note" + gap() + string()
            case 5: "takes" + gap() + span()
            case 6: "wait" + gap() + span()
            case 7: "tolerance" + gap() + pick(Self.durations)
            case 8: "fail" + gap() + string() + (chance(0.5) ? gap() + "recover" + gap() + pick(Self.ids) : "")
            case 9: "servers" + gap() + pick(["1", "3", "0", "07"])
            default: "evidence" + gap() + pick(Self.ids)
            }
        }

        private mutating func flow() -> String {
            var line = pick(Self.ids)
            for _ in 0..<int(1...3) {
                line += pick(["", " ", "  "]) + pick(["->", "..>"]) + pick(["", " "]) + pick(Self.ids)
            }
            if chance(0.3) { line += pick(["", " "]) + ":" + pick(["", " "]) + string() }
            if chance(0.3) { line += pick([",", " , ", ", "]) + percent() }
            return line
        }

        /// A duration, or a span of two or three (language 1.2), some decreasing.
        private mutating func span() -> String {
            var text = pick(Self.durations)
            for _ in 0..<pick([0, 0, 1, 2]) { text += pick(["..", " .. "]) + pick(Self.durations) }
            return text
        }

        private mutating func percent() -> String { pick(["30", "2.5", "100", "0"]) + pick(["%", " %"]) }

        private mutating func promise() -> String {
            "promise" + gap() + string() + gap() + "from" + gap() + pick(Self.ids) + gap() + "to" + gap() + pick(Self.ids)
                + gap() + "within" + gap() + pick(Self.durations) + (chance(0.3) ? gap() + "for" + gap() + percent() : "")
        }

        /// Blank lines (some with whitespace) and own-line comments before a statement.
        private mutating func trivia() -> [String] {
            var lines: [String] = []
            for _ in 0..<int(0...3) where chance(0.4) {
                lines.append(chance(0.5) ? "" : chance(0.5) ? indentation() : indentation() + "#" + pick(Self.comments))
            }
            return lines
        }

        private mutating func string() -> String { "\"" + pick(Self.strings) + "\"" }
        private mutating func gap() -> String { pick(Self.separators) }
        private mutating func indentation() -> String { pick(["", "", "  ", "    ", "\t", " \u{3000}"]) }

        private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
        private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
        private mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...choices.count - 1)] }
    }
}

extension String {
    func replacingLineEnds(with lineEnd: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineEnd)
    }
}
