import BlueprintDiagnostics

/// `5m..15m` or `5m..8m..20m` (language 1.2): a time between its first and last value, uniform
/// with two values and triangular with three, the middle one the most likely. A single duration
/// is written as `AttributeValue.duration`, so 1.1 files read as before.
public struct SpanLiteral: Hashable, Sendable {
    /// Two or three values, as written.
    public var values: [DurationLiteral]

    public init(values: [DurationLiteral]) {
        self.values = values
    }

    public var range: SourceRange { SourceRange(start: values[0].range.start, end: values[values.count - 1].range.end) }
    /// As written, values joined by `..`.
    public var text: String { values.map(\.text).joined(separator: "..") }
    /// What the span counts as wherever a single time is needed (worst-case costs, tolerances).
    public var largest: Duration { values.map(\.duration).max()! }
    /// The first value smaller than the one before it: spans may not decrease.
    public var firstDecrease: DurationLiteral? {
        zip(values, values.dropFirst()).first { $0.duration > $1.duration }?.1
    }
}

/// A NUMBER: ASCII digits with an optional fraction, as in `30`, `2.5`.
public struct NumberLiteral: Hashable, Sendable {
    /// Infinite when the digits are too many for a Double; the linter judges the value.
    public var value: Double
    /// As written.
    public var text: String
    public var range: SourceRange
}

/// `30%`: a share of a flow or the target of a promise.
public struct PercentLiteral: Hashable, Sendable {
    public var number: NumberLiteral
    /// The number through the `%`.
    public var range: SourceRange
    public var percent: Double { number.value }
    public var text: String { number.text + "%" }
}

public enum RateUnit: String, CaseIterable, Hashable, Sendable {
    case hour = "h"
    case day = "d"
    case week = "w"

    public var hours: Double {
        switch self {
        case .hour: 1
        case .day: 24
        case .week: 168
        }
    }
}

/// `40/h`: customers per hour, day or week.
public struct RateLiteral: Hashable, Sendable {
    public var number: NumberLiteral
    public var unit: RateUnit
    /// The number through the unit.
    public var range: SourceRange
    public var perHour: Double { number.value / unit.hours }
    public var text: String { "\(number.text)/\(unit.rawValue)" }
}

/// `demand 40/h`: the customers who start the journey at its first customer step.
public struct DemandStatement: Hashable, Sendable {
    public var rate: RateLiteral
}
