import Testing

@Suite struct NoCustomerRuleTests {
    @Test func reportedAtTheHeader() {
        expectFindings("no-customer", in: "  1️⃣blueprint \"X\"\nfrontstage a \"A\"\n", [("1️⃣", "no customer step")])
    }

    @Test func aDuplicateCustomerDoesNotCount() {
        expectFindings("no-customer", in: "1️⃣blueprint \"X\"\nfrontstage a \"A\"\ncustomer a \"A again\"\n", [("1️⃣", "no customer step")])
    }

    @Test func noDisconnectedStepsWithoutAJourney() {
        expectNoFindings("disconnected-step", in: "blueprint \"X\"\nfrontstage a \"A\"\nbackstage b \"B\"\n")
    }
}
