import BlueprintEncoding
import BlueprintLayout
import BlueprintModel
import Foundation

/// What Graphviz cannot write itself: a `<title>` and `<desc>` for the whole drawing (screen readers
/// announce them), bold text as the pinned family in bold weight, and the id prefix on every `id` and
/// every `#id` reference.
struct SVGFinishing {
    var blueprint: Blueprint
    var idPrefix: String
    var typeface: Typeface

    init(blueprint: Blueprint, idPrefix: String, typeface: Typeface? = nil) {
        self.blueprint = blueprint
        self.idPrefix = idPrefix
        self.typeface = typeface ?? .forLocale(blueprint.locale)
    }

    static func isValidIDPrefix(_ prefix: String) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = prefix.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return prefix.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    func finish(_ svg: [UInt8]) -> [UInt8] {
        // Plain labels name bold as a face of the font ("… Bold"); a browser looks fonts up by family
        // and weight.
        var output = Self.replacing(boldFace, with: boldWeight, in: svg)
        if !idPrefix.isEmpty { output = prefixingIDs(output) }
        if let insertion = endOfRootStartTag(output) {
            output.insert(contentsOf: Array(accessibleTitle.utf8), at: insertion)
        }
        return output
    }

    private var boldFace: [UInt8] { Array(" font-family=\"\(typeface.fontName(of: TextStyle(size: 1, bold: true)))\"".utf8) }
    private var boldWeight: [UInt8] { Array(" font-family=\"\(typeface.family)\" font-weight=\"bold\"".utf8) }

    /// `svg` with every `pattern` replaced; the standard library's generic `replacing` takes hundreds
    /// of milliseconds on a megabyte.
    private static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in svg: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + svg.count / 50)
        // Candidates found by the pattern's last byte with memchr, then compared whole.
        let anchor = pattern.count - 1
        svg.withUnsafeBytes { bytes in
            var copied = 0
            pattern.withUnsafeBytes { pattern in
                guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return }
                var searchFrom = anchor
                while searchFrom < bytes.count,
                      let found = memchr(base + searchFrom, Int32(pattern[anchor]), bytes.count - searchFrom) {
                    let start = base.distance(to: UnsafeRawPointer(found)) - anchor
                    if start >= copied, memcmp(base + start, pattern.baseAddress!, pattern.count) == 0 {
                        output += bytes[copied..<start]
                        output += replacement
                        copied = start + pattern.count
                    }
                    searchFrom = start + anchor + 1
                }
            }
            output += bytes[copied...]
        }
        return output
    }

    private var accessibleTitle: String {
        let title = blueprint.title ?? "Service blueprint"
        var description = "Service blueprint with \(blueprint.steps.count) steps in \(max(blueprint.phases.count, 1)) phases"
        if let persona = blueprint.persona { description += "; persona: \(persona)" }
        if let scenario = blueprint.scenario { description += "; scenario: \(scenario)" }
        description += "."
        return "\n<title>\(XMLText.escaped(title, apostrophes: true))</title>\n<desc>\(XMLText.escaped(description, apostrophes: true))</desc>"
    }

    /// Just after the `>` of `<svg …>`.
    private func endOfRootStartTag(_ svg: [UInt8]) -> Int? {
        guard let start = svg[...].firstIndex(ofBytes: Self.svgOpening) else { return nil }
        var quoted = false
        for index in start..<svg.count {
            switch svg[index] {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ">") where !quoted: return index + 1
            default: continue
            }
        }
        return nil
    }

    /// Rewrites `id="X"` to `id="PX"`, and `href="#X"` and `url(#X)` inside attribute values to point at
    /// `#PX`. Only start tags are touched: text, comments and the doctype are copied as they are, and
    /// Graphviz escapes every quote inside attribute values, so a `"` always ends one.
    private func prefixingIDs(_ svg: [UInt8]) -> [UInt8] {
        let prefix = Array(idPrefix.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(svg.count + svg.count / 20)
        var index = 0
        while index < svg.count {
            guard svg[index] == UInt8(ascii: "<") else {
                output.append(svg[index])
                index += 1
                continue
            }
            let end = Self.endOfMarkup(svg, from: index)
            let isStartTag = index + 1 < svg.count && Self.isNameStart(svg[index + 1])
            if isStartTag {
                rewriteTag(svg[index..<end], prefix: prefix, into: &output)
            } else {
                output += svg[index..<end]
            }
            index = end
        }
        return output
    }

    /// The index after a tag, comment, or declaration that starts at `start`.
    private static func endOfMarkup(_ svg: [UInt8], from start: Int) -> Int {
        if svg[start...].starts(with: "<!--".utf8) {
            return svg[start...].firstIndex(ofBytes: commentEnd).map { $0 + commentEnd.count } ?? svg.count
        }
        var quoted = false
        var index = start
        while index < svg.count {
            if svg[index] == UInt8(ascii: "\"") { quoted.toggle() }
            if svg[index] == UInt8(ascii: ">") && !quoted { return index + 1 }
            index += 1
        }
        return svg.count
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private func rewriteTag(_ tag: ArraySlice<UInt8>, prefix: [UInt8], into output: inout [UInt8]) {
        var index = tag.startIndex
        while index < tag.endIndex {
            // An attribute value starts after `="`; its name is the word before the `=`.
            guard tag[index] == UInt8(ascii: "\""), index > tag.startIndex, tag[index - 1] == UInt8(ascii: "=") else {
                output.append(tag[index])
                index += 1
                continue
            }
            var nameStart = index - 1
            while nameStart > tag.startIndex, !Self.isSpace(tag[nameStart - 1]) { nameStart -= 1 }
            let name = tag[nameStart..<(index - 1)]
            let valueEnd = tag[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) ?? tag.endIndex
            let value = tag[(index + 1)..<valueEnd]
            output.append(UInt8(ascii: "\""))
            if name.elementsEqual("id".utf8) {
                output += prefix
                output += value
            } else if name.elementsEqual("href".utf8) || name.elementsEqual("xlink:href".utf8), value.first == UInt8(ascii: "#") {
                output.append(UInt8(ascii: "#"))
                output += prefix
                output += value.dropFirst()
            } else {
                Self.appendPrefixingURLReferences(value, prefix: prefix, to: &output)
            }
            if valueEnd < tag.endIndex { output.append(UInt8(ascii: "\"")) }
            index = valueEnd < tag.endIndex ? valueEnd + 1 : tag.endIndex
        }
    }

    /// `url(#X)` → `url(#PX)`, as in `fill="url(#l_1)"` of Graphviz gradients.
    private static func appendPrefixingURLReferences(_ value: ArraySlice<UInt8>, prefix: [UInt8], to output: inout [UInt8]) {
        var rest = value
        while let start = rest.firstIndex(ofBytes: urlReference) {
            let end = start + urlReference.count
            output += rest[..<end]
            output += prefix
            rest = rest[end...]
        }
        output += rest
    }

    private static let svgOpening = Array("<svg".utf8)
    private static let commentEnd = Array("-->".utf8)
    private static let urlReference = Array("url(#".utf8)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
