import BlueprintModel
import Foundation

/// Numbers and spans as the diff writes them: the same text in every language and on every platform.
enum DiffFigures {
    /// `5m`, `5m..15m`, `5m..8m..20m`, as the file writes a span.
    static func span(_ span: TimeSpan) -> String {
        guard !span.isExact else { return span.minimum.description }
        return ([span.minimum] + (span.mode.map { [$0] } ?? []) + [span.maximum]).map(\.description).joined(separator: "..")
    }

    /// `30` → `30%`, `12.5` → `12.5%`: a percentage as written in a file.
    static func percent(_ percentage: Double) -> String {
        decimal(percentage, digits: 2) + "%"
    }

    /// A fraction (0…1) as a percentage to one decimal: `0.9512` → `95.1%`.
    static func fraction(_ fraction: Double) -> String {
        String(format: "%.1f%%", fraction * 100)
    }

    /// Up to `digits` decimals, without trailing zeros.
    static func decimal(_ value: Double, digits: Int) -> String {
        var text = String(format: "%.\(digits)f", value)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func rounded(_ value: Double, digits: Int) -> Double {
        let scale = pow(10, Double(digits))
        return (value * scale).rounded() / scale
    }
}
