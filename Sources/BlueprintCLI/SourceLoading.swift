import BlueprintLanguage
import Foundation

/// Why a file could not be read as blueprint source: the CLI prints it and exits 2.
struct LoadError: Error, CustomStringConvertible {
    var path: String
    var position: SourcePosition?
    var reason: String

    var description: String {
        let location = position.map { "\(path):\($0.line):\($0.column)" } ?? path
        return "\(location): error: \(reason)"
    }
}

/// Reads a file, or standard input for `-`, as validated blueprint source.
func loadSource(_ path: String) throws(LoadError) -> SourceText {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(path: path, reason: "cannot read the file: \(readableReason(error))")
        }
    }
    do {
        return try SourceText(bytes: data)
    } catch {
        throw LoadError(path: path, position: error.position, reason: "\(error); blueprint files are UTF-8")
    }
}

private func readableReason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSCocoaErrorDomain {
        switch nsError.code {
        case NSFileReadNoSuchFileError: return "no such file"
        case NSFileReadNoPermissionError: return "permission denied"
        default: break
        }
    }
    return nsError.localizedDescription
}

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Writes text to standard output as it is.
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Colour on a terminal only, and never when NO_COLOR is set (no-color.org).
func standardOutputWantsColour() -> Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
}

func standardErrorWantsColour() -> Bool {
    isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
}
