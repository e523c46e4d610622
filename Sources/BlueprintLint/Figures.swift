import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel

/// Figures as messages write them (capacity, shares): numbers in digits, which read the same in every language.
package enum Figures {
    /// `0.8333` as `83.3%`.
    package static func percent(_ fraction: Double) -> MessageArgument {
        .text(percentText(fraction))
    }

    package static func percentText(_ fraction: Double) -> String {
        decimal(fraction * 100, places: 1) + "%"
    }

    /// `30`, `0.5`, `1.25`: at most two decimals, none when whole.
    package static func number(_ value: Double) -> MessageArgument {
        .text(numberText(value))
    }

    package static func numberText(_ value: Double) -> String {
        var text = decimal(value, places: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Seconds rounded to whole ones, as a duration.
    package static func duration(seconds: Double) -> MessageArgument {
        .duration(rounded(seconds: seconds))
    }

    package static func rounded(seconds: Double) -> Duration {
        Duration(seconds: seconds < Double(Int.max / 2) ? Int(seconds.rounded()) : Int.max)
    }

    private static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value < 0 ? "-∞" : "∞" }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let whole = scaled / scale, fraction = abs(scaled % scale)
        let digits = String(fraction)
        return (scaled < 0 && whole == 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// The arguments of the utilisation messages of the step at `index`.
    static func load(of index: Int, in context: LintContext, utilisation: Double) -> [String: MessageArgument] {
        let step = context.blueprint.steps[index], figures = context.capacity.steps[index]
        return [
            "id": .text(step.id), "utilisation": percent(utilisation), "arrivals": number(figures.arrivalsPerHour ?? 0),
            "takes": duration(seconds: step.takesSpan?.meanSeconds ?? 0), "servers": .number(figures.servers ?? 0),
        ]
    }

    /// The steps whose figures a rule may judge: none without `demand` (no step has a load, and no
    /// figures are made), none when a flow lost to a syntax error changes every step's visits, and
    /// not a step whose bad line may have lost its `servers` or `takes`.
    static func judgedSteps(_ context: LintContext) -> [Int] {
        guard !context.capacity.steps.isEmpty, !context.syntaxErrors.flowsMayBeMissing else { return [] }
        return context.blueprint.steps.indices.filter { !context.syntaxErrors.isDeclaredOnBadLine(context.blueprint.steps[$0].idRange.start.line) }
    }
}
