/// A length of time in whole seconds, as written with `s m h d w` units.
public struct Duration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static let zero = Duration(seconds: 0)

    public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.seconds < rhs.seconds }

    /// Saturating: promise costs over huge graphs never trap.
    public static func + (lhs: Duration, rhs: Duration) -> Duration {
        let (sum, overflow) = lhs.seconds.addingReportingOverflow(rhs.seconds)
        return Duration(seconds: overflow ? .max : sum)
    }

    public static func - (lhs: Duration, rhs: Duration) -> Duration {
        let (difference, overflow) = lhs.seconds.subtractingReportingOverflow(rhs.seconds)
        return Duration(seconds: overflow ? .min : difference)
    }

    @usableFromInline static let units: [(symbol: UInt8, seconds: Int)] = [
        (UInt8(ascii: "w"), 604_800), (UInt8(ascii: "d"), 86_400), (UInt8(ascii: "h"), 3_600),
        (UInt8(ascii: "m"), 60), (UInt8(ascii: "s"), 1),
    ]

    /// Canonical text, largest unit first: `3d 4h 10m` reads as `3d4h10m`. Zero is `0s`.
    public var description: String { formatted(separator: "") }

    /// With a separator between groups, for messages: `3d 4h 10m`.
    public func formatted(separator: String) -> String {
        guard seconds > 0 else { return "0s" }
        var rest = seconds
        var parts: [String] = []
        // Weeks are shown as days: "9d" reads better than "1w2d" in a message.
        for (symbol, unit) in Self.units.dropFirst() where rest >= unit {
            parts.append("\(rest / unit)\(Character(Unicode.Scalar(symbol)))")
            rest %= unit
        }
        return parts.joined(separator: separator)
    }

    /// Why a duration's text is not valid.
    public enum ParseError: Error, Hashable, Sendable {
        case notADuration
        case unitsOutOfOrder
        case tooLarge
    }

    /// Parses `1h30m`-style text: groups of digits and a unit, units strictly decreasing. Inlinable, so
    /// the parser's call is specialised for its bytes: the generic one read each byte through a witness.
    @inlinable public static func parse(_ text: some Collection<UInt8>) -> Result<Duration, ParseError> {
        var total = 0
        var number = 0
        var digits = 0
        var overflow = false
        var lastUnitIndex = -1
        for byte in text {
            if byte >= 0x30 && byte <= 0x39 {
                let (times10, o1) = number.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(Int(byte - 0x30))
                overflow = overflow || o1 || o2
                number = next
                digits += 1
                continue
            }
            guard digits > 0, let unitIndex = units.firstIndex(where: { $0.symbol == byte }) else {
                return .failure(.notADuration)
            }
            guard unitIndex > lastUnitIndex else { return .failure(.unitsOutOfOrder) }
            let (groupSeconds, o3) = number.multipliedReportingOverflow(by: units[unitIndex].seconds)
            let (sum, o4) = total.addingReportingOverflow(groupSeconds)
            overflow = overflow || o3 || o4
            total = sum
            lastUnitIndex = unitIndex
            number = 0
            digits = 0
        }
        guard digits == 0, lastUnitIndex >= 0 else { return .failure(.notADuration) }
        return overflow ? .failure(.tooLarge) : .success(Duration(seconds: total))
    }
}
