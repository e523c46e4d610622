import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLanguage

/// The widths the step lines of one phase are padded to, so that lane keywords, ids and labels
/// start in the same columns. Widths are terminal cells: a Chinese character counts two.
struct StepColumns {
    private(set) var laneKeywordWidth = 0
    private(set) var idWidth = 0

    mutating func include(_ step: StepStatement) {
        laneKeywordWidth = max(laneKeywordWidth, TerminalWidth.cells(of: step.laneKeyword))
        idWidth = max(idWidth, TerminalWidth.cells(of: step.id.name))
    }
}

/// Writes one statement in its canonical form, without indentation, comment or line end.
///
/// Keywords, ids, numbers, durations, spans, percentages and rates are written as they stand in the
/// source (`onstage` stays `onstage`, `90m` stays `90m`, `2.50%` stays `2.50%`); strings keep their escapes as written; tokens are separated by one space,
/// attributes by `, `; a flow's label follows its last id as `: "…"` and its share comes last as `, 30%`;
/// a span's values are joined by `..` with no space (`5m..15m`), a promise's share follows as `for 95%`.
struct StatementPrinter {
    let source: SourceText

    /// The order attributes are written in: the markers, who and where, the times, then the links,
    /// and the note, the longest text, last. Repeats keep their order, so the first value still counts.
    static let attributeOrder: [AttributeName] = [
        .moment, .emotion, .actor, .channel, .takes, .wait, .tolerance, .servers, .fail, .evidence, .note,
    ]

    func write(_ kind: StatementKind, columns: StepColumns, to output: inout TextBuffer) {
        switch kind {
        case .header(let header):
            output.write("blueprint ")
            writeQuoted(header.title, to: &output)
        case .meta(let meta):
            output.write(meta.field.rawValue)
            output.write(" ")
            writeQuoted(meta.value, to: &output)
        case .demand(let demand):
            output.write("demand ")
            output.write(demand.rate.text)
        case .locale(let locale):
            output.write("locale ")
            output.write(locale.locale.rawValue)
        case .laneTitle(let title):
            output.write("lane ")
            output.write(title.laneKeyword)
            output.write(" ")
            writeQuoted(title.title, to: &output)
        case .lineTitle(let title):
            output.write("line ")
            output.write(title.line.rawValue)
            output.write(" ")
            writeQuoted(title.title, to: &output)
        case .phase(let phase):
            output.write("phase ")
            writeQuoted(phase.title, to: &output)
        case .step(let step):
            write(step, columns: columns, to: &output)
        case .flow(let flow):
            output.write(flow.ids[0].name)
            for (arrow, id) in zip(flow.arrows, flow.ids.dropFirst()) {
                output.write(" ")
                output.write(arrow.rawValue)
                output.write(" ")
                output.write(id.name)
            }
            if let label = flow.label {
                output.write(": ")
                writeQuoted(label, to: &output)
            }
            if let share = flow.share {
                output.write(", ")
                output.write(share.text)
            }
        case .promise(let promise):
            output.write("promise ")
            writeQuoted(promise.description, to: &output)
            output.write(" from ")
            output.write(promise.from.name)
            output.write(" to ")
            output.write(promise.to.name)
            output.write(" within ")
            output.write(promise.within.text)
            if let share = promise.share {
                output.write(" for ")
                output.write(share.text)
            }
        }
    }

    private func write(_ step: StepStatement, columns: StepColumns, to output: inout TextBuffer) {
        output.write(step.laneKeyword)
        output.writeSpaces(1 + columns.laneKeywordWidth - TerminalWidth.cells(of: step.laneKeyword))
        output.write(step.id.name)
        output.writeSpaces(1 + columns.idWidth - TerminalWidth.cells(of: step.id.name))
        writeQuoted(step.label, to: &output)
        // A stable sort by name without sorting: one pass per name, by index so that only the
        // attributes written are copied.
        let attributes = step.attributes
        for name in Self.attributeOrder {
            for index in attributes.indices where attributes[index].name == name {
                output.write(", ")
                output.write(name.rawValue)
                write(attributes[index].value, to: &output)
            }
        }
    }

    private func write(_ value: AttributeValue, to output: inout TextBuffer) {
        switch value {
        case .flag:
            break
        case .integer(_, let range):
            // As written, like durations: `-0` and a number too large for an Int are kept.
            output.write(" ")
            output.write(source.bytes[range.start.offset..<range.end.offset])
        case .text(let text):
            output.write(" ")
            writeQuoted(text, to: &output)
        case .duration(let duration):
            output.write(" ")
            output.write(duration.text)
        case .span(let span):
            output.write(" ")
            output.write(span.text)
        case .failure(let description, let recovery):
            output.write(" ")
            writeQuoted(description, to: &output)
            if let recovery {
                output.write(" recover ")
                output.write(recovery.name)
            }
        case .reference(let id):
            output.write(" ")
            output.write(id.name)
        }
    }

    /// `"…"` as written, so an escape stays as it was typed, with the characters editors show as
    /// line breaks or not at all written as `\u{HEX}`: a formatted file shows what its strings hold.
    /// A string the source does not hold (a recovered line's missing label) is escaped from its value.
    private func writeQuoted(_ literal: StringLiteral, to output: inout TextBuffer) {
        let range = literal.range
        output.write("\"")
        if range.end.offset - range.start.offset >= 2 {
            Self.writeShowingInvisible(String(decoding: source.bytes[range.start.offset + 1..<range.end.offset - 1], as: UTF8.self),
                                       escapesQuotes: false, to: &output)
        } else {
            Self.writeShowingInvisible(literal.value, escapesQuotes: true, to: &output)
        }
        output.write("\"")
    }

    /// `text` with control characters, line and paragraph separators, bidirectional controls and
    /// invisible format characters as `\u{HEX}` (a tab as `\t`, a line feed as `\n`), and with `"`
    /// and `\` escaped when `text` is a value rather than the source of a string.
    private static func writeShowingInvisible(_ text: String, escapesQuotes: Bool, to output: inout TextBuffer) {
        // Most strings need none of this; the lead bytes of C1 controls, the separators and the
        // format characters send a string to the slow path, as do some harmless characters that share them.
        let mayNeedEscapes = text.utf8.contains {
            $0 < 0x20 || $0 == 0x7F || [0xC2, 0xD8, 0xE1, 0xE2, 0xEF].contains($0)
                || (escapesQuotes && ($0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")))
        }
        guard mayNeedEscapes else {
            output.write(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"" where escapesQuotes: output.write("\\\"")
            case "\\" where escapesQuotes: output.write("\\\\")
            case "\n": output.write("\\n")
            case "\t": output.write("\\t")
            default:
                if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
                    || SuspiciousCharacter.contains(scalar) {
                    output.write("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}")
                } else {
                    output.write(scalar: scalar)
                }
            }
        }
    }
}
