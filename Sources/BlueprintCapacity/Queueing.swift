/// The M/M/N queue of spec section 3, "Demand and capacity".
public enum Queueing {
    /// Erlang C: the chance that a customer has to queue, for offered load `a` (arrival rate × mean
    /// service time) and `servers`; nil when a ≥ servers, where the queue grows without end.
    ///
    /// Computed through the Erlang B recurrence, B(k) = a·B(k−1) ÷ (k + a·B(k−1)), and
    /// C = N·B ÷ (N − a·(1 − B)): the same value as the spec's sum of powers and factorials, without
    /// overflowing them. The recurrence stops at a million servers, which no blueprint has.
    public static func erlangC(offeredLoad a: Double, servers: Int) -> Double? {
        guard servers >= 1, a >= 0, a < Double(servers) else { return nil }
        var blocking = 1.0
        for k in 1...min(servers, 1_000_000) {
            blocking = a * blocking / (Double(k) + a * blocking)
            // Past the load, B only falls: once it is nothing, so is the chance to wait.
            if blocking < 1e-300 { break }
        }
        let n = Double(servers)
        return min(1, max(0, n * blocking / (n - a * (1 - blocking))))
    }

    /// The mean time in the queue, C × mean service ÷ (N − a), in the unit of `meanService`.
    public static func meanQueueWait(offeredLoad a: Double, servers: Int, meanService: Double) -> Double? {
        guard let waitChance = erlangC(offeredLoad: a, servers: servers) else { return nil }
        return waitChance * meanService / (Double(servers) - a)
    }
}
