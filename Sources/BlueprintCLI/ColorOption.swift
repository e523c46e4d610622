import ArgumentParser
import Foundation

/// `--color`: when the output may carry ANSI colours.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// The `--color` option every command shares.
struct ColorOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "When to colour the output: auto (on a terminal, unless NO_COLOR is set or TERM is dumb), always or never.",
        valueName: "when"))
    var color: ColorChoice = .auto

    /// Whether text written to `descriptor` gets colours.
    func wantsColour(on descriptor: Int32) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            // no-color.org: set and not empty. A dumb terminal shows escape codes as garbage.
            let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return isatty(descriptor) == 1 && !noColour && environment["TERM"] != "dumb"
        }
    }

    var standardOutput: Bool { wantsColour(on: STDOUT_FILENO) }
    var standardError: Bool { wantsColour(on: STDERR_FILENO) }
}
