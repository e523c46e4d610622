import ArgumentParser
import Foundation

/// `--color`: when the output may carry ANSI colours.
enum ColorChoice: String, ArgumentChoice {
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
            // Two variables read with getenv: `ProcessInfo.environment` copies them all, which cost a
            // tenth of a millisecond of every run. no-color.org: set and not empty. A dumb terminal
            // shows escape codes as garbage.
            let noColour = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
            let dumbTerminal = getenv("TERM").map { strcmp($0, "dumb") == 0 } ?? false
            return isatty(descriptor) == 1 && !noColour && !dumbTerminal
        }
    }

    var standardOutput: Bool { wantsColour(on: STDOUT_FILENO) }
    var standardError: Bool { wantsColour(on: STDERR_FILENO) }
}
