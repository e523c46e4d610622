import BlueprintDiagnostics
import BlueprintLanguage

/// What a `takes` or `wait` says about a time (spec section 3, "Spans"): exact, uniform between two
/// values, or triangular with a most likely value between them.
public struct TimeSpan: Hashable, Sendable {
    public var minimum: Duration
    /// The most likely value of a triangular span; nil for an exact or uniform one.
    public var mode: Duration?
    public var maximum: Duration

    public init(minimum: Duration, mode: Duration? = nil, maximum: Duration) {
        self.minimum = minimum
        self.mode = mode
        self.maximum = maximum
    }

    public init(exactly duration: Duration) {
        self.init(minimum: duration, maximum: duration)
    }

    /// The values as written, put in order: a decreasing span is an error the linter reports, and
    /// is then read as the span its values allow.
    public init(_ literal: SpanLiteral) {
        let values = literal.values.map(\.duration).sorted()
        self.init(minimum: values[0], mode: values.count == 3 ? values[1] : nil, maximum: values[values.count - 1])
    }

    public var isExact: Bool { minimum == maximum }

    /// The mean in seconds: the midpoint of a uniform span, the average of a triangular one's three values.
    public var meanSeconds: Double {
        if let mode { return (Double(minimum.seconds) + Double(mode.seconds) + Double(maximum.seconds)) / 3 }
        return (Double(minimum.seconds) + Double(maximum.seconds)) / 2
    }

    /// The values the span is written with: one for an exact time, two or three for a span.
    public var writtenValues: [Duration] {
        isExact ? [minimum] : [minimum] + (mode.map { [$0] } ?? []) + [maximum]
    }

    /// As a label shows it: `10m` exact, `5–15m` or `5–8–20m` when every value is a number of one
    /// unit, else each value whole (`45m–1h30m`), each value as `duration` prints it.
    public func text(_ duration: (Duration) -> String) -> String {
        let values = writtenValues.map(duration)
        let parts = values.map { value in
            let number = value.prefix { $0.isASCII && $0.isNumber }
            return (number: String(number), unit: String(value.dropFirst(number.count)))
        }
        let unit = parts[0].unit
        let sharesOneUnit = parts.allSatisfy { !$0.number.isEmpty && $0.unit == unit && !$0.unit.contains { $0.isNumber } }
        return sharesOneUnit ? parts.map(\.number).joined(separator: "–") + unit : values.joined(separator: "–")
    }

    /// As a label beside the file's text shows it (`Duration.shown(in:)`): `5–15m`, `5–15分钟`.
    public func shown(in language: MessageLanguage) -> String {
        text { $0.shown(in: language) }
    }
}
