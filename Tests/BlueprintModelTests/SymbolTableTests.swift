import BlueprintModel
import Testing

@Suite struct SymbolTableTests {
    @Test func namesAreFoundAsStringsCompareThem() {
        var table = SymbolTable()
        for index in 0..<1_000 { table["step-\(index)"] = .step(index) }
        #expect(table.count == 1_000)
        #expect(table["step-0"] == .step(0) && table["step-999"] == .step(999))
        #expect(table["step-1000"] == nil && table[""] == nil)
        table["step-5"] = .evidence(0)
        #expect(table["step-5"] == .evidence(0) && table.count == 1_000)
    }

    /// The Kelvin sign is canonically equivalent to `K`, and `é` written as `e` and a combining
    /// accent to the precomposed letter: whichever spelling comes first, the other finds it.
    @Test func canonicallyEquivalentSpellingsAreOneName() {
        var ascii = SymbolTable()
        ascii["K"] = .step(0)
        #expect(ascii["\u{212A}"] == .step(0))
        #expect(ascii["\u{212A}x"] == nil)

        var kelvin = SymbolTable()
        kelvin["\u{212A}"] = .step(0)
        kelvin["a"] = .step(1)
        #expect(kelvin["K"] == .step(0) && kelvin["a"] == .step(1))

        var accented = SymbolTable()
        accented["caf\u{E9}"] = .step(0)
        #expect(accented["cafe\u{301}"] == .step(0))
    }

    /// Many names whose hashes may crowd one run: whatever the table becomes, every name is found.
    @Test func everyNameIsFoundHoweverManyThereAre() {
        var table = SymbolTable()
        let names = (0..<50_000).map { "n\($0 * 7_919)" }
        for (index, name) in names.enumerated() { table[name] = .step(index) }
        #expect(names.indices.allSatisfy { table[names[$0]] == .step($0) })
        table["é"] = .step(-1)
        #expect(names.indices.allSatisfy { table[names[$0]] == .step($0) } && table["e\u{301}"] == .step(-1))
    }

    /// A slot holds 20 bits of a name's index: past a million names the table goes on as a Dictionary,
    /// and every name, before and after, is still found.
    @Test func namesPastTheSlotsIndexBitsAreFound() {
        var table = SymbolTable()
        let count = (1 << 20) + 10
        for index in 0..<count { table["s\(index)"] = .step(index) }
        #expect(table.count == count)
        let probes = Array(stride(from: 0, to: count, by: 997)) + Array((1 << 20) - 3 ..< count)
        #expect(probes.allSatisfy { table["s\($0)"] == .step($0) })
        #expect(table["s\(count)"] == nil)
    }
}
