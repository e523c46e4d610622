/// The languages every message, note, fix title and rule explanation is written in.
public enum MessageLanguage: String, CaseIterable, Hashable, Sendable {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
}

/// One text in every language: templates with `{name}` placeholders that a `Message` fills.
public struct Phrase: Hashable, Sendable {
    public let en: String
    public let zhHans: String
    public let zhHant: String

    public init(en: String, zhHans: String, zhHant: String) {
        self.en = en
        self.zhHans = zhHans
        self.zhHant = zhHant
    }

    public func template(in language: MessageLanguage) -> String {
        switch language {
        case .en: en
        case .zhHans: zhHans
        case .zhHant: zhHant
        }
    }
}

/// The phrases of one module, enumerable so a test can check that each is translated.
public protocol MessageCatalog: CaseIterable, Sendable {
    var phrase: Phrase { get }
}

/// A value put into a message's placeholder.
public indirect enum MessageArgument: Hashable, Sendable {
    /// Text from the file (ids, labels, words): shown as written, except that characters which
    /// would move the cursor, start a log line or reorder the text are escaped.
    case text(String)
    case number(Int)
    /// Spelled the way the language writes durations: `1h 30m`, `1小时30分钟`.
    case duration(Duration)
    /// Ids joined by arrows: `report → log → arrive`.
    case path([String])
    case message(Message)
}

/// A message as a value: a phrase and its arguments, written out in a language only when a front end
/// prints it. `description` is the English text.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    public let phrase: Phrase
    public let arguments: [String: MessageArgument]
    /// A "did you mean" candidate, appended in the message's language.
    public let suggestion: String?

    public init(_ entry: some MessageCatalog, _ arguments: [String: MessageArgument] = [:], suggesting suggestion: String? = nil) {
        self.phrase = entry.phrase
        self.arguments = arguments
        self.suggestion = suggestion
    }

    /// Text that reads the same in every language, such as a message from Graphviz.
    public static func verbatim(_ text: String) -> Message {
        Message(CommonMessage.verbatim, ["text": .text(text)])
    }

    /// This message with `other` written right after it, as one message.
    public func followed(by other: Message) -> Message {
        Message(CommonMessage.joined, ["first": .message(self), "second": .message(other)])
    }

    public var description: String { text(in: .en) }

    public func text(in language: MessageLanguage) -> String {
        var output = ""
        var template = Substring(phrase.template(in: language))
        while let open = template.firstIndex(of: "{") {
            output.append(contentsOf: template[..<open])
            let afterOpen = template.index(after: open)
            // A placeholder is `{letters}` naming an argument; any other brace (`\u{HEX}`) is text.
            guard let close = template[afterOpen...].firstIndex(where: { !$0.isLetter }), template[close] == "}",
                  let argument = arguments[String(template[afterOpen..<close])] else {
                output += "{"
                template = template[afterOpen...]
                continue
            }
            output += Self.write(argument, in: language)
            template = template[template.index(after: close)...]
        }
        output.append(contentsOf: template)
        if let suggestion {
            output += Message(CommonMessage.didYouMean, ["candidate": .text(suggestion)]).text(in: language)
        }
        return output
    }

    private static func write(_ argument: MessageArgument, in language: MessageLanguage) -> String {
        switch argument {
        case .text(let text): escapedForMessages(text)
        case .number(let number): String(number)
        case .duration(let duration): duration.written(in: language)
        case .path(let ids): ids.map(escapedForMessages).joined(separator: " → ")
        case .message(let message): message.text(in: language)
        }
    }

    /// Text from a file as a message quotes it: controls (a line feed would start a new log line,
    /// so `::warning …` in a label would become a CI command), bidirectional controls and line
    /// separators become `\u{…}`, so nothing a file holds can act on a terminal or a log.
    public static func escapedForMessages(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscapedInMessages) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if isEscapedInMessages(scalar) {
                escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func isEscapedInMessages(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// Phrases every module uses.
public enum CommonMessage: MessageCatalog {
    case verbatim
    case joined
    case didYouMean

    public var phrase: Phrase {
        switch self {
        case .verbatim: Phrase(en: "{text}", zhHans: "{text}", zhHant: "{text}")
        case .joined: Phrase(en: "{first}{second}", zhHans: "{first}{second}", zhHant: "{first}{second}")
        case .didYouMean: Phrase(en: " (did you mean '{candidate}'?)", zhHans: "（是否应为 '{candidate}'？）", zhHant: "（是否應為 '{candidate}'？）")
        }
    }
}

extension Duration {
    /// As a label beside the file's text shows it: as the file writes it in English (`1h30m`), in
    /// words in Chinese (`1小時30分鐘`).
    public func shown(in language: MessageLanguage) -> String {
        language == .en ? description : written(in: language)
    }

    /// As a message in `language` writes it: `1h 30m`, `1小时30分钟`, `1小時30分鐘`, `2天`. Weeks are
    /// written as days, as in `formatted(separator:)`.
    public func written(in language: MessageLanguage) -> String {
        switch language {
        case .en: return formatted(separator: " ")
        case .zhHans, .zhHant:
            let units: [(seconds: Int, name: String)] = language == .zhHans
                ? [(86_400, "天"), (3_600, "小时"), (60, "分钟"), (1, "秒")]
                : [(86_400, "天"), (3_600, "小時"), (60, "分鐘"), (1, "秒")]
            guard seconds > 0 else { return "0秒" }
            var rest = seconds
            var text = ""
            for (unit, name) in units where rest >= unit {
                text += "\(rest / unit)\(name)"
                rest %= unit
            }
            return text
        }
    }
}
