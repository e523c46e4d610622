@testable import BlueprintPreview
import Testing

@Suite struct ListenAddressTests {
    @Test func loopbackAndOtherAddresses() throws {
        #expect(try ListenAddress("127.0.0.1").isLoopback)
        #expect(try ListenAddress("localhost").ip == "127.0.0.1")
        #expect(try ListenAddress("::1").isLoopback)
        #expect(try !ListenAddress("0.0.0.0").isLoopback)
        #expect(try !ListenAddress("192.168.1.20").isLoopback)
        #expect(throws: PreviewError.invalidHost("example.com")) { try ListenAddress("example.com") }
    }

    @Test func hostHeaderMustNameTheServedAddressAndPort() throws {
        let loopback = HostCheck(address: try ListenAddress("127.0.0.1"))
        #expect(loopback.allows("127.0.0.1:8790", servedPort: 8790))
        #expect(loopback.allows("localhost:8790", servedPort: 8790))
        #expect(loopback.allows("LOCALHOST:8790", servedPort: 8790))
        #expect(!loopback.allows("127.0.0.1:8791", servedPort: 8790))
        #expect(!loopback.allows("127.0.0.1", servedPort: 8790))
        #expect(!loopback.allows("attacker.example:8790", servedPort: 8790))
        #expect(!loopback.allows("192.168.1.20:8790", servedPort: 8790))
        #expect(!loopback.allows(nil, servedPort: 8790))
        #expect(!loopback.allows("", servedPort: 8790))

        let everywhere = HostCheck(address: try ListenAddress("0.0.0.0"))
        #expect(everywhere.allows("192.168.1.20:8790", servedPort: 8790))
        #expect(!everywhere.allows("attacker.example:8790", servedPort: 8790))

        let ipv6 = HostCheck(address: try ListenAddress("::1"))
        #expect(ipv6.allows("[::1]:8790", servedPort: 8790))
        #expect(!ipv6.allows("[::1]", servedPort: 8790))
    }
}
