import BlueprintAnalysis
import Foundation

// Written with `write(2)`: `FileHandle` and `Data` would set up Foundation's object machinery for
// one write, a tenth of a millisecond and more of a lint's start. A write that fails (a closed pipe)
// ends the writing.

/// Writes a line to standard error.
func printError(_ text: String) {
    _ = writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
}

/// Writes text to standard output as it is.
func writeOutput(_ text: String) {
    _ = writeAll(Array(text.utf8), to: STDOUT_FILENO)
}
