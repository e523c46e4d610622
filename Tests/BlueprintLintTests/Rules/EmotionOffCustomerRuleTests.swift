import BlueprintLanguage
import Testing

@Suite struct EmotionOffCustomerRuleTests {
    @Test func emotionBelongsToTheCustomer() {
        expectFindings("emotion-off-customer", in: """
        blueprint "X"
        customer a "A", emotion 1
        frontstage b "B", 1️⃣emotion 1
        backstage c "C", 2️⃣emotion 7
        a -> b -> c
        """, [("1️⃣", "'emotion' on frontstage step 'b'"), ("2️⃣", "'emotion' on backstage step 'c'")])
        let warning = lint("blueprint \"X\"\ncustomer a \"A\"\nfrontstage b \"B\", emotion 1\na -> b\n")
        #expect(warning.map(\.severity) == [.warning])
    }
}
