import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes text to standard output as it is.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
