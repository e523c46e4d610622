import BlueprintDiagnostics

/// Limits checked before a configuration reaches Yams, whose parser recurses once per level of
/// nesting: `rules: [[[…]]]` a few thousand levels deep overflows the stack and kills the linter. A
/// real configuration is two levels deep (`rules:` and its rule ids) and a few hundred bytes long.
enum ConfigurationLimits {
    static let maximumDepth = 32
    static let maximumBytes = 1 << 20
    static let maximumSize = "1 MiB"

    /// The first limit `text` breaks, at its line and column (columns count Unicode scalars).
    static func problem(in text: String) -> ConfigurationError.Problem? {
        if text.utf8.count > maximumBytes {
            return ConfigurationError.Problem(
                position: position(ofByte: maximumBytes, in: text),
                message: "the file is larger than \(maximumSize), the limit for a configuration file")
        }
        var scanner = NestingScanner()
        return scanner.firstTooDeep(in: text).map { position in
            ConfigurationError.Problem(
                position: position,
                message: "nested more than \(maximumDepth) levels deep; a configuration needs two ('\(ConfigurationFile.rulesKey)' and its rule ids)")
        }
    }

    /// The position of the character holding byte `offset` of `text`.
    private static func position(ofByte offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1, bytes = 0
        for scalar in text.unicodeScalars {
            bytes += scalar.utf8.count
            if bytes > offset { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}

/// Counts nesting the way YAML builds it, erring on the side of counting too much: each indentation
/// deeper than the one before, each `- ` or `? ` that opens a node on the same line, and each `[` or
/// `{` outside quotes and comments. Past `maximumDepth` a configuration is refused, so a guess that
/// is a little high for some odd but valid file costs nothing.
private struct NestingScanner {
    private var indentations: [Int] = []
    private var flowDepth = 0
    private var quote: Unicode.Scalar?

    mutating func firstTooDeep(in text: String) -> SourcePosition? {
        // By scalars: as a Character, "\r\n" is one, and a CRLF file would be one long line.
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let column = tooDeepColumn(in: Array(line)) {
                return SourcePosition(line: index + 1, column: column)
            }
        }
        return nil
    }

    /// The 1-based column at which `line` goes too deep, if it does.
    private mutating func tooDeepColumn(in line: [Unicode.Scalar]) -> Int? {
        var index = 0
        var blockDepth = indentations.count
        if flowDepth == 0, quote == nil {
            while index < line.count, line[index] == " " { index += 1 }
            // Blank and comment lines say nothing about nesting.
            guard index < line.count, line[index] != "#", line[index] != "\r" else { return nil }
            while let last = indentations.last, last > index { indentations.removeLast() }
            if indentations.last != index { indentations.append(index) }
            blockDepth = indentations.count
            // `- - - x` nests a sequence in a sequence on one line.
            while index < line.count, ["-", "?"].contains(line[index]),
                  index + 1 == line.count || line[index + 1] == " " {
                blockDepth += 1
                if blockDepth > ConfigurationLimits.maximumDepth { return index + 1 }
                index += 1
                while index < line.count, line[index] == " " { index += 1 }
            }
            if blockDepth > ConfigurationLimits.maximumDepth { return index + 1 }
        }
        var previous: Unicode.Scalar = " "
        while index < line.count {
            let scalar = line[index]
            defer {
                previous = scalar
                index += 1
            }
            if let open = quote {
                if open == "\"", scalar == "\\" {
                    index += 1
                } else if scalar == open {
                    // `''` inside single quotes is a quote, not the end.
                    if open == "'", index + 1 < line.count, line[index + 1] == "'" { index += 1 } else { quote = nil }
                }
                continue
            }
            // A quote opens a quoted scalar only where a scalar can start; inside a word it is a letter.
            let startsScalar = [" ", "\t", "[", "{", ",", ":", "-", "?"].contains(previous)
            switch scalar {
            case "#" where previous == " " || previous == "\t":
                return nil
            case "\"" where startsScalar, "'" where startsScalar:
                quote = scalar
            case "[", "{":
                flowDepth += 1
                if blockDepth + flowDepth > ConfigurationLimits.maximumDepth { return index + 1 }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default:
                break
            }
        }
        return nil
    }
}
