import Testing

/// Language 1.2: spans, shares, percentages and rates are kept as written, spaced canonically.
@Suite struct QuantityLayoutTests {
    @Test func canonicalSpacing() throws {
        #expect(try formatted("""
            blueprint "Counter"
            promise "P" from a to b within 2h   for  95.50 %
            demand 40 / h
            customer a "A"
            frontstage b "B", servers 03, takes 5m .. 15m, wait 0m..8m..20m
            a->b,30%
            a -> c : "x" ,70%
            """) == """
            blueprint "Counter"
            demand 40/h
            promise "P" from a to b within 2h for 95.50%

            customer   a "A"
            frontstage b "B", takes 5m..15m, wait 0m..8m..20m, servers 03

            a -> b, 30%
            a -> c: "x", 70%

            """)
    }
}
