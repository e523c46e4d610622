import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    writeAll(text.hasSuffix("\n") ? text : text + "\n", to: STDERR_FILENO)
}

/// Writes text to standard output as it is.
func writeOutput(_ text: String) {
    writeAll(text, to: STDOUT_FILENO)
}

/// All of `text`'s UTF-8, however many calls `write` takes. `FileHandle` and `Data` would set up
/// Foundation's object machinery for it, a tenth of a millisecond of a lint's start.
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
