import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLint
import BlueprintTestSupport
import Testing

/// Hostile and broken inputs: each one must come back with a diagnostic (or, for bytes that are
/// not UTF-8, a decoding error with its position), never a crash or a hang. Sizes are the ones the
/// robustness issue names; the test makes no timing assertion, but a quadratic step shows up as a
/// test that does not finish. The fuzzer (Fuzz/run.sh) covers what these hand-picked cases miss.
@Suite struct MalformedInputTests {
    @Test(arguments: MalformedInput.all)
    func eachInputGetsADiagnostic(_ input: MalformedInput) throws {
        let source = try SourceText(bytes: input.bytes())
        let result = Linter().lint(LintContext(syntax: Parser.parse(source), source: source))
        let rules = Set(result.diagnostics.map(\.rule))
        #expect(rules.contains(input.expectedRule), "expected \(input.expectedRule), found \(rules.sorted())")
        for diagnostic in result.diagnostics {
            #expect((1...source.lineCount).contains(diagnostic.position.line) && diagnostic.position.column >= 1,
                    "\(diagnostic.rule) at \(diagnostic.position) outside the file")
        }
    }

    @Test(arguments: [
        InvalidUTF8(name: "lone continuation byte", bytes: Array("blueprint \"X\"\ncustomer a \"".utf8) + [0x80], line: 2, column: 13),
        InvalidUTF8(name: "overlong slash", bytes: Array("申请\n\n  ".utf8) + [0xC0, 0xAF], line: 3, column: 3),
        InvalidUTF8(name: "UTF-16 surrogate", bytes: Array("a".utf8) + [0xED, 0xA0, 0x80], line: 1, column: 2),
        InvalidUTF8(name: "beyond U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80], line: 1, column: 1),
        InvalidUTF8(name: "sequence cut by the end of the file", bytes: Array("é\r\nx".utf8) + [0xE2, 0x82], line: 2, column: 2),
        InvalidUTF8(name: "Latin-1 text", bytes: Array("blueprint \"Caf".utf8) + [0xE9, 0x22], line: 1, column: 15),
        InvalidUTF8(name: "after a byte-order mark", bytes: [0xEF, 0xBB, 0xBF, 0x61, 0xFF], line: 1, column: 2),
    ])
    func invalidUTF8IsADecodingErrorWithItsPosition(_ input: InvalidUTF8) {
        let error = #expect(throws: SourceDecodingError.self) { try SourceText(bytes: input.bytes) }
        #expect(error?.position.line == input.line && error?.position.column == input.column, "at \(String(describing: error?.position))")
    }

    /// Random bytes are almost never UTF-8: they must be refused with a position, not trap.
    @Test func binaryJunkIsRefusedWithAPosition() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<64 {
            let junk = (0..<4_096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let error = #expect(throws: SourceDecodingError.self) { try SourceText(bytes: junk) }
            if let position = error?.position {
                #expect(position.line >= 1 && position.column >= 1 && position.offset < junk.count, "at \(position)")
            }
        }
    }
}

/// One hostile file and a rule that must report on it.
struct MalformedInput: Sendable, CustomTestStringConvertible {
    var name: String
    var expectedRule: RuleID
    /// Built when the case runs, so the large inputs are not all held at once.
    var bytes: @Sendable () -> [UInt8]

    var testDescription: String { name }

    init(_ name: String, expect rule: RuleID, _ text: @escaping @Sendable () -> String) {
        self.name = name
        self.expectedRule = rule
        self.bytes = { Array(text().utf8) }
    }

    init(_ name: String, expect rule: RuleID, bytes: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.expectedRule = rule
        self.bytes = bytes
    }

    static let header = "blueprint \"Malformed\"\n"

    static let all: [MalformedInput] = [
        // Junk that is valid UTF-8, so it reaches the lexer: control characters, symbols, any scalar.
        MalformedInput("binary junk in ASCII", expect: .syntax, bytes: {
            var random = SeededRandom(seed: 1)
            return (0..<65_536).map { _ in UInt8(random.next() % 0x80) }
        }),
        MalformedInput("binary junk in Unicode scalars", expect: .syntax) {
            var random = SeededRandom(seed: 2)
            var text = ""
            while text.utf8.count < 65_536 {
                if let scalar = Unicode.Scalar(UInt32(random.next() % 0x11_0000)) { text.unicodeScalars.append(scalar) }
            }
            return text
        },
        MalformedInput("1 MB single line of words", expect: .syntax) {
            header + String(repeating: "word ", count: 200_000)
        },
        MalformedInput("1 MB single line of attributes", expect: "invalid-attribute") {
            header + "customer a \"A\"" + String(repeating: ", moment", count: 125_000)
        },
        MalformedInput("100k lines of steps", expect: "disconnected-step") {
            header + (0..<100_000).map { "\(["customer", "frontstage", "backstage"][$0 % 3]) s\($0) \"Step \($0)\"\n" }.joined()
        },
        MalformedInput("100k lines of junk", expect: .syntax) {
            header + String(repeating: "? ! @\n", count: 100_000)
        },
        MalformedInput("NUL bytes", expect: .syntax) {
            header + "\0\0\0\ncustomer a \"A\0B\"\0\n\0"
        },
        MalformedInput("100k arrows on one line", expect: "promise-loop") {
            header + "promise \"P\" from a to a within 1h\ncustomer a \"A\"\na" + String(repeating: " -> a", count: 100_000) + "\n"
        },
        MalformedInput("arrows without ids", expect: .syntax) {
            header + String(repeating: "->", count: 100_000) + "\n"
        },
        MalformedInput("dotted arrows without ids", expect: .syntax) {
            header + String(repeating: "..>", count: 100_000) + "\n"
        },
        MalformedInput("unterminated 1 MB string", expect: .syntax) {
            header + "customer a \"" + String(repeating: "long label ", count: 100_000)
        },
        // Regression: each id of the flow line once rebuilt the list of every step name for its
        // "did you mean" hint, quadratic in the length of the chain.
        MalformedInput("100k-deep promise chain", expect: "promise-broken") {
            var text = header + "promise \"P\" from s0 to s99999 within 1h\ncustomer s0 \"Start\"\n"
            text += (1..<100_000).map { "frontstage s\($0) \"Step \($0)\", takes 1m\n" }.joined()
            return text + (0..<100_000).map { "s\($0)" }.joined(separator: " -> ") + "\n"
        },
        // Regression: the loop search's work bound is per promise, so many promises over one dense
        // loop multiply it (this 5 kB file took a minute in release).
        MalformedInput("many promises over a dense loop", expect: "promise-loop") {
            let ids = (0..<12).map { "s\($0)" }
            var text = header + "customer s0 \"S0\"\n" + ids.dropFirst().map { "frontstage \($0) \"\($0)\", takes 1m\n" }.joined()
            text += ids.flatMap { from in ids.filter { $0 != from }.map { "\(from) -> \($0)\n" } }.joined()
            return text + (0..<100).map { "promise \"P\($0)\" from s0 to s\(1 + $0 % 11) within 1h\n" }.joined()
        },
        // Regression: "did you mean" fills the whole edit-distance table, quadratic in the length
        // of the ids; and hints for every unknown id against every step were quadratic in the file.
        MalformedInput("long id with a typo", expect: "undefined-reference") {
            let id = String(repeating: "a", count: 20_000)
            return header + "customer \(id) \"A\"\n\(id)b -> \(id)\n"
        },
        MalformedInput("thousands of unknown ids", expect: "undefined-reference") {
            header + (0..<3_000).map { "customer step\($0) \"S\"\n" }.joined() + (0..<3_000).map { "stap\($0) -> stip\($0)\n" }.joined()
        },
        MalformedInput("10k-step loop under a promise", expect: "promise-loop") {
            var text = header + "promise \"P\" from s0 to s5000 within 1h\ncustomer s0 \"Start\"\n"
            text += (1..<10_000).map { "frontstage s\($0) \"Step \($0)\", takes 1m\ns\($0 - 1) -> s\($0)\n" }.joined()
            return text + "s9999 -> s0\n"
        },
        MalformedInput("long line of commas", expect: .syntax) {
            header + "customer a \"A\"" + String(repeating: ",", count: 500_000) + "\n" + String(repeating: ",", count: 500_000)
        },
        MalformedInput("carriage returns without line feeds", expect: .syntax) {
            "blueprint \"CR\"\rcustomer a \"A\"\rfrontstage b \"B\"\ra -> b\r"
        },
        MalformedInput("byte-order mark in the middle", expect: .syntax) {
            header + "customer a \"A\"\n\u{FEFF}frontstage b \"B\"\n"
        },
        MalformedInput("surrogate escape", expect: .syntax) {
            header + "customer a \"\\u{D800}\"\n"
        },
        MalformedInput("escape beyond U+10FFFF", expect: .syntax) {
            header + "customer a \"\\u{110000}\"\n"
        },
        MalformedInput("escape with too many digits", expect: .syntax) {
            header + "customer a \"\\u{" + String(repeating: "0", count: 100_000) + "41}\"\n"
        },
        MalformedInput("huge duration", expect: .syntax) {
            header + "customer a \"A\", wait 99999999999999999999999d\n"
        },
        MalformedInput("costs summing past Int.max", expect: "promise-broken") {
            header + "customer a \"A\", wait 9223372036854775807s, takes 9223372036854775807s\npromise \"P\" from a to a within 1s\n"
        },
        MalformedInput("huge emotions", expect: "invalid-attribute") {
            header + "customer a \"A\", emotion 99999999999999999999999\ncustomer b \"B\", emotion -99999999999999999999999\n"
        },
    ]
}

struct InvalidUTF8: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var line: Int
    var column: Int

    var testDescription: String { name }
}
