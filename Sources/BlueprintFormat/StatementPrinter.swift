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
/// source (`onstage` stays `onstage`, `90m` stays `90m`, `2.50%` stays `2.50%`); strings are re-escaped canonically; tokens are separated by one space,
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
            Self.writeQuoted(header.title.value, to: &output)
        case .meta(let meta):
            output.write(meta.field.rawValue)
            output.write(" ")
            Self.writeQuoted(meta.value.value, to: &output)
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
            Self.writeQuoted(title.title.value, to: &output)
        case .lineTitle(let title):
            output.write("line ")
            output.write(title.line.rawValue)
            output.write(" ")
            Self.writeQuoted(title.title.value, to: &output)
        case .phase(let phase):
            output.write("phase ")
            Self.writeQuoted(phase.title.value, to: &output)
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
                Self.writeQuoted(label.value, to: &output)
            }
            if let share = flow.share {
                output.write(", ")
                output.write(share.text)
            }
        case .promise(let promise):
            output.write("promise ")
            Self.writeQuoted(promise.description.value, to: &output)
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
        Self.writeQuoted(step.label.value, to: &output)
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
            Self.writeQuoted(text.value, to: &output)
        case .duration(let duration):
            output.write(" ")
            output.write(duration.text)
        case .span(let span):
            output.write(" ")
            output.write(span.text)
        case .failure(let description, let recovery):
            output.write(" ")
            Self.writeQuoted(description.value, to: &output)
            if let recovery {
                output.write(" recover ")
                output.write(recovery.name)
            }
        case .reference(let id):
            output.write(" ")
            output.write(id.name)
        }
    }

    /// `"…"` with `\"`, `\\`, `\n` and `\t`, and `\u{HEX}` for the other control characters and the
    /// line and paragraph separators, which editors would show as line breaks or not at all.
    static func writeQuoted(_ value: String, to output: inout TextBuffer) {
        output.write("\"")
        // Most strings need no escape; the lead bytes 0xC2 (C1 controls) and 0xE2 (U+2028, U+2029)
        // send a string to the slow path, as do some harmless characters that share them.
        let mayNeedEscapes = value.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
        }
        guard mayNeedEscapes else {
            output.write(value)
            output.write("\"")
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.write("\\\"")
            case "\\": output.write("\\\\")
            case "\n": output.write("\\n")
            case "\t": output.write("\\t")
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                output.write("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}")
            default:
                output.write(scalar: scalar)
            }
        }
        output.write("\"")
    }
}
