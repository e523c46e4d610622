/// SplitMix64: a small, fast generator whose whole state is one word, so a simulation seeded the
/// same way gives the same figures on every run and every platform.
struct RandomSource: RandomNumberGenerator, Sendable {
    private var state: UInt64
    /// The golden-ratio step between states.
    private static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= Self.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Moves on as `next()` does, for a draw whose value is not needed.
    mutating func skip() {
        state &+= Self.increment
    }

    /// Uniform in [0, 1), from the top 53 bits.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
