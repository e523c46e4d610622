import BlueprintLanguage
import BlueprintModel

/// User text as the diagram can show it. A lint-clean blueprint may hold any Unicode scalar in its
/// strings (`\u{0}` included) and strings of any length; Graphviz cuts a string at a NUL, refuses a
/// DOT string over 16 KiB, and copies control characters into SVG, where XML forbids them. So every
/// string of the blueprint goes through here once, before anything is measured or drawn.
enum DisplayText {
    /// Longer text is cut, with an ellipsis: a box then stays a readable size, and a tooltip made of
    /// several strings stays far below Graphviz's limit.
    static let maximumCharacters = 1_000
    /// Also a limit in bytes, for text of wide characters or of one character with many marks.
    static let maximumBytes = 4_000
    static let ellipsis: Character = "…"

    /// `text` with every character XML or Graphviz cannot take replaced by a visible stand-in, cut to
    /// the limits. Tab and line feed stay: a line feed breaks the line, a tab is a space.
    static func displayable(_ text: String) -> String {
        let visible = text.unicodeScalars.allSatisfy(isShownAsWritten) ? text : substituted(text)
        // A character is at least one byte: text this short is within both limits.
        return visible.utf8.count <= min(maximumCharacters, maximumBytes) ? visible : shortened(visible)
    }

    /// Whether the scalar can go into DOT and SVG as it is.
    static func isShownAsWritten(_ scalar: Unicode.Scalar) -> Bool {
        if SuspiciousCharacter.contains(scalar) { return false }
        return switch scalar.value {
        case 0x09, 0x0A: true
        case 0x00...0x1F, 0x7F...0x9F: false
        // Noncharacters: U+FDD0…U+FDEF and the last two code points of every plane.
        case 0xFDD0...0xFDEF: false
        default: scalar.value & 0xFFFE != 0xFFFE
        }
    }

    /// C0 controls and DEL as their control pictures (NUL as ␀), so they can be seen and told apart;
    /// C1 controls and noncharacters, which have no pictures, as the replacement character.
    /// Bidirectional controls and invisible format characters are left out: shown, they would
    /// reorder the label or hide in it (the linter reports them as `suspicious-character`).
    private static func substituted(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if SuspiciousCharacter.contains(scalar) { continue }
            if isShownAsWritten(scalar) {
                result.append(scalar)
            } else if scalar.value <= 0x1F {
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                result.append("\u{2421}")
            } else {
                result.append("\u{FFFD}")
            }
        }
        return String(result)
    }

    /// The longest start of `text` within both limits, cut between characters, then an ellipsis.
    private static func shortened(_ text: String) -> String {
        let room = maximumBytes - String(ellipsis).utf8.count
        var bytes = 0
        var characters = 0
        var end = text.startIndex
        for index in text.indices {
            let length = text[index].utf8.count
            guard characters < maximumCharacters, bytes + length <= room else { break }
            bytes += length
            characters += 1
            end = text.index(after: index)
        }
        guard end < text.endIndex else { return text }
        // One character with thousands of marks: cut between its scalars rather than drop it all.
        if end == text.startIndex {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                bytes += scalar.utf8.count
                guard bytes <= room else { break }
                scalars.append(scalar)
            }
            return String(scalars) + String(ellipsis)
        }
        return String(text[..<end]) + String(ellipsis)
    }
}

extension Blueprint {
    /// This blueprint with every string the diagram shows made `DisplayText.displayable`. Ids are
    /// identifiers (letters, marks, digits, `_`, `-`) and need nothing.
    func displayable() -> Blueprint {
        let shown = DisplayText.displayable
        var copy = self
        copy.title = title.map(shown)
        copy.persona = persona.map(shown)
        copy.scenario = scenario.map(shown)
        copy.owner = owner.map(shown)
        copy.customLaneTitles = customLaneTitles.mapValues(shown)
        copy.customLineTitles = customLineTitles.mapValues(shown)
        for index in copy.phases.indices { copy.phases[index].title = phases[index].title.map(shown) }
        for index in copy.steps.indices {
            copy.steps[index].label = shown(steps[index].label)
            copy.steps[index].actor = steps[index].actor.map(shown)
            copy.steps[index].channel = steps[index].channel.map(shown)
            copy.steps[index].note = steps[index].note.map(shown)
            for failure in copy.steps[index].failures.indices {
                copy.steps[index].failures[failure].description = shown(steps[index].failures[failure].description)
            }
        }
        for index in copy.evidence.indices {
            copy.evidence[index].label = shown(evidence[index].label)
            copy.evidence[index].note = evidence[index].note.map(shown)
            copy.evidence[index].channel = evidence[index].channel.map(shown)
        }
        for index in copy.flows.indices { copy.flows[index].label = flows[index].label.map(shown) }
        for index in copy.promises.indices { copy.promises[index].description = shown(promises[index].description) }
        return copy
    }
}
