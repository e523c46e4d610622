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
}
