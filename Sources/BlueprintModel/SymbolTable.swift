import BlueprintDiagnostics

/// What each declared id names, by name.
///
/// A large file looks names up hundreds of thousands of times, once for each use, and Swift's
/// string hashing (SipHash over the normalised text) cost more than the rest of resolving them.
/// While every name in the table is ASCII, where canonical equivalence is byte equality, names are
/// found by a cheap hash of their bytes; the first name that is not ASCII turns the table into a
/// `Dictionary`, which compares as `String` does.
public struct SymbolTable: Sendable {
    private var names: [String] = []
    private var symbols: [Symbol] = []
    /// Open addressing over `names` while they are all ASCII: a slot holds the top 12 bits of a name's
    /// hash (`tagBits`) and the name's index plus one in its other 20; zero is an empty slot. The count
    /// is a power of two, over twice the names. Four bytes a slot, where eight left the table of a large
    /// file too large for the processor's cache: each look-up then waited on memory.
    private var slots: [UInt32] = []
    /// Every name's index, once a name that is not ASCII is in the table.
    private var indices: [String: Int]?

    public init() {}

    public var count: Int { names.count }

    /// Setting a symbol for a name not in the table adds it; a name is never removed.
    public subscript(name: String) -> Symbol? {
        get { index(of: name).map { symbols[$0] } }
        set {
            guard let newValue else { preconditionFailure("a name is never removed from a symbol table") }
            if let index = index(of: name) {
                symbols[index] = newValue
            } else {
                append(name, newValue)
            }
        }
    }

    /// Adds `name` as `symbol` unless it is in the table already; returns what it names then.
    /// One lookup for the common case, a new name.
    mutating func insertIfAbsent(_ name: String, _ symbol: Symbol) -> Symbol? {
        if indices == nil, let hash = Self.asciiHash(name) {
            if let index = asciiIndex(of: name, hash: hash) { return symbols[index] }
            append(name, symbol, asciiHash: hash)
            return nil
        }
        if let index = index(of: name) { return symbols[index] }
        append(name, symbol)
        return nil
    }

    mutating func reserveCapacity(_ count: Int) {
        names.reserveCapacity(count)
        symbols.reserveCapacity(count)
        let indexed = min(count, Self.indexedNameLimit)
        if indices == nil, slots.count <= 2 * indexed { rehash(slotCount: Self.slotCount(for: indexed)) }
    }

    private func index(of name: String) -> Int? {
        if let indices { return indices[name] }
        if let hash = Self.asciiHash(name) { return asciiIndex(of: name, hash: hash) }
        // Only the ASCII spelling of a name can equal an ASCII name in the table.
        guard let spelling = Self.asciiSpelling(of: name), let hash = Self.asciiHash(spelling),
              let index = asciiIndex(of: spelling, hash: hash), names[index] == name else { return nil }
        return index
    }

    private func asciiIndex(of name: String, hash: UInt32) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = hash & Self.tagBits
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & Self.tagBits == tag {
                let index = Int(entry & ~Self.tagBits) - 1
                if names[index] == name { return index }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func append(_ name: String, _ symbol: Symbol) {
        if indices == nil, let hash = Self.asciiHash(name) {
            append(name, symbol, asciiHash: hash)
            return
        }
        appendToDictionary(name, symbol)
    }

    private mutating func appendToDictionary(_ name: String, _ symbol: Symbol) {
        if indices == nil {
            indices = Dictionary(uniqueKeysWithValues: names.indices.map { (names[$0], $0) })
            slots = []
        }
        indices![name] = names.count
        names.append(name)
        symbols.append(symbol)
    }

    private mutating func append(_ name: String, _ symbol: Symbol, asciiHash hash: UInt32) {
        guard names.count < Self.indexedNameLimit else { return appendToDictionary(name, symbol) }
        if 2 * (names.count + 1) >= slots.count { rehash(slotCount: Self.slotCount(for: names.count + 1)) }
        let mask = slots.count - 1
        var slot = Int(hash) & mask, probes = 0
        while slots[slot] != 0 {
            slot = (slot + 1) & mask
            probes += 1
        }
        // Names made to collide would make every look-up slow (a file that hangs the linter): past a
        // run that long the table becomes a Dictionary, whose hashing is seeded per process.
        guard probes <= Self.longestRun else { return appendToDictionary(name, symbol) }
        slots[slot] = hash & Self.tagBits | UInt32(names.count + 1)
        names.append(name)
        symbols.append(symbol)
    }

    /// The bits of a slot that hold a hash's top bits; the rest hold an index plus one.
    private static let tagBits: UInt32 = 0xFFF0_0000
    /// Names the slots' 20 bits of index can hold; past them the table becomes a Dictionary.
    private static let indexedNameLimit = (1 << 20) - 1

    /// Far beyond the runs of a table at most half full whose hashes are spread.
    private static let longestRun = 64

    /// Chosen per process, as Swift's own hashing is, so that no file can be made to collide.
    private static let seed = UInt64.random(in: .min ... .max)

    /// A slot keeps too few of a hash's bits to place it again: each name is hashed anew.
    private mutating func rehash(slotCount: Int) {
        var newSlots = [UInt32](repeating: 0, count: slotCount)
        let mask = slotCount - 1
        for index in names.indices {
            // Every name is ASCII while the table has slots.
            guard let hash = Self.asciiHash(names[index]) else { preconditionFailure("a name that is not ASCII among the slots") }
            var slot = Int(hash) & mask
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = hash & Self.tagBits | UInt32(index + 1)
        }
        slots = newSlots
    }

    /// The smallest power of two over twice `count`, and at least 16.
    private static func slotCount(for count: Int) -> Int {
        var slotCount = 16
        while slotCount <= 2 * count { slotCount *= 2 }
        return slotCount
    }

    /// A hash of the UTF-8 bytes of an ASCII name, eight at a time; nil for a name that is not ASCII.
    private static func asciiHash(_ name: String) -> UInt32? {
        var name = name
        return name.withUTF8 { bytes -> UInt32? in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash: UInt64 = seed ^ UInt64(raw.count)
            var highBits: UInt64 = 0
            var offset = 0
            while offset < raw.count {
                var word: UInt64
                if raw.count - offset >= 8 {
                    word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                } else {
                    word = 0
                    for index in offset..<raw.count { word |= UInt64(raw[index]) << (8 * UInt64(index - offset)) }
                }
                highBits |= word
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            guard !ByteWord.hasNonASCII(highBits) else { return nil }
            hash = (hash ^ (hash >> 29)) &* 0x94D0_49BB_1331_11EB
            return UInt32(truncatingIfNeeded: hash >> 32)
        }
    }

    /// The ASCII string canonically equivalent to `name`, if there is one. Every scalar of it must
    /// decompose to ASCII: ASCII itself, or one of the three scalars whose canonical decomposition is
    /// a single ASCII character (Unicode's decompositions of encoded characters never change).
    private static func asciiSpelling(of name: String) -> String? {
        var spelling = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\u{212A}": spelling.append("K")  // KELVIN SIGN
            case "\u{037E}": spelling.append(";")  // GREEK QUESTION MARK
            case "\u{1FEF}": spelling.append("`")  // GREEK VARIA
            case _ where scalar.isASCII: spelling.append(scalar)
            default: return nil
            }
        }
        return String(spelling)
    }
}
