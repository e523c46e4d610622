/// A file path as a SARIF `artifactLocation.uri`: a relative reference with `/` separators and
/// every byte outside RFC 3986's unreserved set percent-encoded, or a `file://` URI for an absolute
/// path. Code scanning resolves relative references against the repository root, so running the
/// linter from there with relative paths gives paths it can match.
enum ArtifactURI {
    static func make(fromPath path: String) -> String {
        var relative = Substring(path)
        while relative.hasPrefix("./") {
            relative = relative.dropFirst(2).drop { $0 == "/" }
        }
        let encoded = percentEncoded(relative)
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    private static func percentEncoded(_ path: Substring) -> String {
        var result = ""
        for byte in path.utf8 {
            if isKeptAsIs(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// Unreserved characters and the path separator. `:` is encoded too, so a first segment such
    /// as `c:` cannot be read as a URI scheme.
    private static func isKeptAsIs(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
