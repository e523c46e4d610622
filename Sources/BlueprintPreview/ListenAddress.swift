import Foundation

/// The address given with `--host`, as an IP address the server can bind.
package struct ListenAddress: Sendable, Equatable {
    /// A numeric IPv4 or IPv6 address.
    package let ip: String
    package let isIPv6: Bool

    /// `localhost` stands for 127.0.0.1; anything else must be an IP address (a name could resolve
    /// to an address that is not this machine's).
    package init(_ host: String) throws(PreviewError) {
        let literal = host == "localhost" ? "127.0.0.1" : host
        var ipv4 = in_addr(), ipv6 = in6_addr()
        if inet_pton(AF_INET, literal, &ipv4) == 1 {
            ip = literal
            isIPv6 = false
        } else if inet_pton(AF_INET6, literal, &ipv6) == 1 {
            ip = literal
            isIPv6 = true
        } else {
            throw .invalidHost(host)
        }
    }

    /// Reachable only from this machine.
    package var isLoopback: Bool {
        isIPv6 ? ip == "::1" : ip.hasPrefix("127.")
    }

    /// The address bound to every interface, where a page must be reached through one of the machine's addresses.
    var isUnspecified: Bool {
        isIPv6 ? ip == "::" : ip == "0.0.0.0"
    }

    /// How the address is written in a URL.
    var urlHost: String { isIPv6 ? "[\(ip)]" : ip }
}

/// Which `Host` headers the server answers: the address it serves, `localhost`, or any IP address
/// when it listens on every interface, always with its port. A DNS-rebinding page reaches the
/// server under a name of its own, which none of these is.
struct HostCheck: Sendable {
    let address: ListenAddress

    func allows(_ header: String?, servedPort: UInt16) -> Bool {
        guard let header, let (host, port) = Self.split(header), port == servedPort else { return false }
        if host == "localhost" { return address.isLoopback || address.isUnspecified }
        if host == address.ip { return true }
        // Bound to every interface, the page is reached through one of the machine's addresses;
        // a literal address cannot be rebound the way a name can.
        return address.isUnspecified && (try? ListenAddress(host)) != nil
    }

    /// `name:port` or `[v6]:port`, lower-cased; nil without an explicit port.
    private static func split(_ header: String) -> (String, UInt16)? {
        let value = header.lowercased()
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]"), value[value.index(after: close)...].hasPrefix(":"),
                  let port = UInt16(value[value.index(close, offsetBy: 2)...]) else { return nil }
            return (String(value[value.index(after: value.startIndex)..<close]), port)
        }
        guard let colon = value.lastIndex(of: ":"), let port = UInt16(value[value.index(after: colon)...]) else { return nil }
        return (String(value[..<colon]), port)
    }
}

package enum PreviewError: Error, CustomStringConvertible, Equatable {
    case invalidHost(String)
    case portInUse(UInt16)
    case noFreePort(from: UInt16, to: UInt16)
    case cannotListen(String)

    package var description: String {
        switch self {
        case .invalidHost(let host):
            "--host takes an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or 'localhost'), not '\(host)'"
        case .portInUse(let port):
            "port \(port) is already in use; choose another with --port, or leave --port out to take the next free one"
        case .noFreePort(let from, let to):
            "ports \(from) to \(to) are all in use; choose one with --port (0 lets the system pick)"
        case .cannotListen(let reason):
            "cannot start the server: \(reason)"
        }
    }
}
