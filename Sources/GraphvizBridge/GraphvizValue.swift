/// The value of one Graphviz attribute, saying how Graphviz must treat its text.
///
/// Graphviz reads text attributes (`label`, `xlabel`, `tooltip`, `id`, `URL`, …) as escape strings:
/// `\n`, `\l`, `\N` and friends are interpreted and entities such as `&amp;` are decoded. Text that
/// comes from a user must therefore go in as `.literal`, which the bridge escapes so that it is drawn
/// exactly as written.
///
/// A string literal in code (`"box"`, `"filled"`) becomes `.raw`; text built by interpolation does not
/// convert implicitly, so user text always has to pick a case.
package enum GraphvizValue: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Text shown exactly as written. Meant for text attributes (labels, tooltips, `id`, URLs); the
    /// escaping depends on the attribute, since Graphviz unescapes each of them differently.
    case literal(String)
    /// A value handed to Graphviz unchanged: numbers, colours, shapes, or escape strings built on
    /// purpose, such as a left-justified multi-line label `"first\\lsecond\\l"`. DOT cannot quote a
    /// backslash that ends the value or stands before a `"`, so such values are refused.
    case raw(String)
    /// An HTML-like label (the markup between the outer `<` `>`), interned with `agstrdup_html`.
    /// Put every piece of user text through ``GraphvizValue/htmlLabelText(_:)``.
    case html(String)

    package init(stringLiteral value: String) {
        self = .raw(value)
    }

    /// The DOT scanner refuses a quoted string longer than 16,384 bytes ("longer than 16384?"). User
    /// text (`.literal` values and plain labels) is cut to this many bytes, with an ellipsis, well
    /// within it; other values longer than the scanner's limit are refused.
    static let maximumTextBytes = 12_000
    static let scannerLimit = 16_384

    /// The text Graphviz must receive to show this value as attribute `name`.
    func graphvizText(forAttribute name: String) -> String {
        switch self {
        case .literal(let text): LiteralEscaping.of(attribute: name).escape(text, within: Self.maximumTextBytes).text
        case .raw(let text), .html(let text): text
        }
    }

    /// How the lines of a plain label line up.
    package enum LineAlignment: Sendable {
        case left, centre
    }

    /// Lines of user text as a plain (not HTML-like) label, each shown exactly as written. Graphviz
    /// draws a plain label in one font, size and colour; unlike an HTML-like label, it frees all of it.
    package static func plainLabel(_ lines: [String], alignment: LineAlignment) -> GraphvizValue {
        let escaping = LiteralEscaping.of(attribute: "label")
        let end = alignment == .left ? #"\l"# : #"\n"#
        var label = ""
        for line in lines {
            // A line break inside a line would start a line of Graphviz's own, centred.
            let isFlat = !line.utf8.contains { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            let flat = isFlat ? line : String(line.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
            let escaped = escaping.escape(flat, within: maximumTextBytes - label.utf8.count - end.utf8.count)
            label += escaped.text
            label += end
            // The lines after a cut one would not fit either.
            if escaped.isCut { break }
        }
        return .raw(label)
    }

    /// Escapes `text` to be shown as written inside an HTML-like label, as element text: XML escaping,
    /// plus doubled backslashes because Graphviz still expands `\N`, `\G`… in HTML label text.
    package static func htmlLabelText(_ text: String) -> String {
        LiteralEscaping.htmlLabel.escape(text)
    }
}

/// How Graphviz 2.42 unescapes each kind of text attribute, checked against its SVG output.
private struct LiteralEscaping {
    /// What a backslash in the user's text must become.
    var backslash: String
    /// Characters replaced by an entity; ones Graphviz leaves alone must be escaped here.
    var entities: [Unicode.Scalar: String]

    static let htmlLabel = LiteralEscaping(backslash: #"\\"#, entities: xmlEntities)

    private static let xmlEntities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// The ASCII characters this escaping changes, as bits 0–63 and 64–127.
    private var escapedBytes: (low: UInt64, high: UInt64) = (0, 0)

    init(backslash: String, entities: [Unicode.Scalar: String] = ["&": "&amp;"]) {
        self.backslash = backslash
        self.entities = entities
        for scalar in [Unicode.Scalar("\\")] + entities.keys {
            let value = UInt64(scalar.value)
            if value < 64 { escapedBytes.low |= 1 << value } else { escapedBytes.high |= 1 << (value - 64) }
        }
    }

    /// Escape strings, unescaped once: label, xlabel, headlabel, taillabel, id, …. (`class` is taken as
    /// is, so its backslashes show doubled; kept single, one could end the value, which DOT cannot write.)
    private static let escapeString = LiteralEscaping(backslash: #"\\"#)
    /// Tooltips are unescaped twice: once for `\n`, `\l`, `\r`, then again for `\N`, `\G`, ….
    private static let tooltip = LiteralEscaping(backslash: #"\\\\"#)
    /// URLs are written into SVG without XML escaping (entities already in the text pass through).
    private static let url = LiteralEscaping(backslash: #"\\"#, entities: xmlEntities)

    /// The escaping of attribute `name`; made once each, as every value of a graph is escaped.
    static func of(attribute name: String) -> LiteralEscaping {
        switch name {
        case "tooltip", "edgetooltip", "headtooltip", "labeltooltip", "tailtooltip":
            tooltip
        case "URL", "href", "edgeURL", "edgehref", "headURL", "headhref", "labelURL", "labelhref",
            "tailURL", "tailhref":
            url
        default:
            escapeString
        }
    }

    /// `text` escaped, cut between characters with an ellipsis when the escaped text would be longer
    /// than `limit` bytes.
    func escape(_ text: String, within limit: Int) -> (text: String, isCut: Bool) {
        let escaped = escape(text)
        guard escaped.utf8.count > limit else { return (escaped, false) }
        let ellipsis = "…"
        let room = limit - ellipsis.utf8.count
        var cut = ""
        for character in text {
            let piece = escape(String(character))
            guard cut.utf8.count + piece.utf8.count <= room else { break }
            cut += piece
        }
        return (cut + ellipsis, true)
    }

    func escape(_ text: String) -> String {
        // Most text needs nothing; every character that does is ASCII.
        let needsEscaping = text.utf8.contains { byte in
            byte < 64 ? escapedBytes.low & (1 << byte) != 0 : byte < 128 && escapedBytes.high & (1 << (byte - 64)) != 0
        }
        guard needsEscaping else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                escaped += backslash
            } else if let entity = entities[scalar] {
                escaped += entity
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
