/// SplitMix64 (Steele, Lea and Flood): a tiny random number generator whose sequence depends only on
/// its seed, so generated test inputs and benchmark corpora are the same on every run and platform,
/// and a failing case can be replayed from the seed it names.
package struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform enough below small bounds; the modulo bias does not matter for generated inputs.
    package mutating func next(below bound: UInt64) -> UInt64 {
        next() % bound
    }
}
