import Testing

@Suite struct WaitOverToleranceRuleTests {
    @Test func waitLongerThanTolerance() {
        expectFindings("wait-over-tolerance", in: """
        blueprint "X"
        customer 1️⃣a "A", wait 1h30m, tolerance 1h
        customer b "B", wait 1h, tolerance 1h
        frontstage c "C"
        a -> c -> b
        """, [("1️⃣", "'a' makes the customer wait 1h 30m, 30m over the tolerance of 1h")])
    }

    /// Language 1.2: a span counts as its largest value.
    @Test func aSpanCountsAsItsLargestValue() {
        expectFindings("wait-over-tolerance", in: """
        blueprint "X"
        customer 1️⃣a "A", wait 10m..1h30m, tolerance 1h
        customer b "B", wait 0m..30m..1h, tolerance 1h
        frontstage c "C"
        a -> c -> b
        """, [("1️⃣", "'a' makes the customer wait 1h 30m")])
    }

    /// A first declaration is read from the model's step, a duplicate from its own statement; evidence
    /// declared in between is no step; the first of a repeated attribute counts.
    @Test func duplicatesAndStepsAmongEvidenceAreEachChecked() {
        expectFindings("wait-over-tolerance", in: """
        blueprint "X"
        evidence e "E"
        customer 1️⃣a "A", wait 1h30m, tolerance 1h
        evidence f "F"
        customer b "B", wait 1h, tolerance 1h
        customer 2️⃣a "A again", wait 2h, tolerance 1h
        customer 3️⃣c "C", wait 50m, wait 2h, tolerance 45m
        frontstage d "D"
        a -> d -> b -> c
        """, [("1️⃣", "'a' makes the customer wait 1h 30m, 30m over the tolerance of 1h"),
              ("2️⃣", "'a' makes the customer wait 2h, 1h over the tolerance of 1h"),
              ("3️⃣", "'c' makes the customer wait 50m, 5m over the tolerance of 45m")])
    }
}
