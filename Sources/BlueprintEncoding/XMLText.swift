/// Text for XML or HTML, in element content or an attribute value: the one escaper of every report,
/// drawing and page. Markup characters are escaped, line ends kept as character references (an
/// attribute value would fold them into spaces), and characters XML 1.0 cannot carry at all shown
/// as their Unicode control pictures.
public enum XMLText {
    /// `apostrophes` also escapes `'`, for attributes that may be quoted with it (HTML, SVG).
    public static func escaped(_ text: String, apostrophes: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophes: result += "&#39;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            case "\u{00}"..."\u{1F}":
                result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case "\u{FFFE}", "\u{FFFF}":
                result += "\u{FFFD}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}
