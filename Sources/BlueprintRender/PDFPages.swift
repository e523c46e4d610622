/// Puts the pages of several PDF files, as cairo writes them for Graphviz, into one file: cairo draws
/// one graph per file, and a blueprint split into pages prints best as one document.
///
/// Each file's objects are found through its cross-reference table and renumbered after those of the
/// files before it; references are rewritten outside streams only, which are copied byte for byte.
/// Each file's catalog, page tree and information dictionary give way to one of each for the whole.
enum PDFPages {
    static func merge(_ files: [[UInt8]]) -> [UInt8]? {
        guard files.count > 1 else { return files.first }
        var output = Array("%PDF-1.5\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        // Object 1 is the page tree, 2 the catalog; the files' objects follow.
        var offsets: [Int: Int] = [:]
        var pages: [Int] = []
        var nextNumber = 3
        for file in files {
            guard let parsed = ParsedPDF(file) else { return nil }
            let base = nextNumber - 1
            func renumbered(_ old: Int) -> Int { old == parsed.pageTree ? 1 : old + base }
            for object in parsed.objects where object.number != parsed.catalog && object.number != parsed.pageTree
                && object.number != parsed.information {
                let number = renumbered(object.number)
                offsets[number] = output.count
                output += Array("\(number) 0 obj".utf8)
                output += rewritingReferences(object.dictionary, renumbered)
                output += object.stream
                if object.isPage { pages.append(number) }
            }
            nextNumber = (parsed.objects.map(\.number).max() ?? 0) + base + 1
        }
        offsets[1] = output.count
        output += Array("1 0 obj\n<< /Type /Pages\n   /Kids [ \(pages.map { "\($0) 0 R" }.joined(separator: " ")) ]\n   /Count \(pages.count)\n>>\nendobj\n".utf8)
        offsets[2] = output.count
        output += Array("2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n".utf8)
        let table = output.count
        var xref = "xref\n0 \(nextNumber)\n0000000000 65535 f \n"
        for number in 1..<nextNumber {
            if let offset = offsets[number] {
                xref += String(repeating: "0", count: max(0, 10 - String(offset).count)) + "\(offset) 00000 n \n"
            } else {
                xref += "0000000000 65535 f \n"
            }
        }
        xref += "trailer\n<< /Size \(nextNumber)\n   /Root 2 0 R\n>>\nstartxref\n\(table)\n%%EOF\n"
        return output + Array(xref.utf8)
    }

    /// `bytes` with every `N G R` reference renumbered.
    private static func rewritingReferences(_ bytes: ArraySlice<UInt8>, _ renumbered: (Int) -> Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let startsNumber = isDigit(bytes[index]) && (index == bytes.startIndex || !isWordByte(bytes[index - 1]))
            if startsNumber, let reference = reference(in: bytes, at: index) {
                output += Array("\(renumbered(reference.number))".utf8)
                index = reference.numberEnd
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    /// The object number of an `N G R` reference starting at `start`, and where the number ends.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int) -> (number: Int, numberEnd: Int)? {
        var index = start
        var number = 0
        while index < bytes.endIndex, isDigit(bytes[index]), number < 100_000_000 {
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let numberEnd = index
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard index < bytes.endIndex, isDigit(bytes[index]) else { return nil }
        while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") else { return nil }
        index += 1
        guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "R") else { return nil }
        index += 1
        guard index == bytes.endIndex || !isWordByte(bytes[index]) else { return nil }
        return (number, numberEnd)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}

/// The objects of a PDF file with a classic cross-reference table, and which of them are the
/// catalog, the page tree and the information dictionary.
private struct ParsedPDF {
    struct Object {
        var number: Int
        /// From after `N G obj` to the start of the stream, or to the end of `endobj`.
        var dictionary: ArraySlice<UInt8>
        /// `stream` … `endobj`, empty for an object without a stream.
        var stream: ArraySlice<UInt8>
        var isPage: Bool
    }

    var objects: [Object] = []
    var catalog: Int
    var pageTree: Int
    var information: Int?

    init?(_ bytes: [UInt8]) {
        guard let startxref = Self.lastIndex(of: "startxref", in: bytes[...]),
              let tableOffset = Self.integer(after: startxref + "startxref".utf8.count, in: bytes),
              tableOffset < bytes.count, bytes[tableOffset...].starts(with: "xref".utf8) else { return nil }
        var tokens = Self.tokens(bytes[(tableOffset + 4)...])
        guard tokens.count >= 2, let first = Int(tokens[0]), let count = Int(tokens[1]), first == 0, count > 0 else { return nil }
        tokens.removeFirst(2)
        guard tokens.count >= 3 * count else { return nil }
        var starts: [(number: Int, offset: Int)] = []
        for number in 0..<count {
            guard tokens[3 * number + 2] == "n", let offset = Int(tokens[3 * number]) else { continue }
            guard offset < tableOffset else { return nil }
            starts.append((number, offset))
        }
        starts.sort { $0.offset < $1.offset }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].offset : tableOffset
            let text = bytes[start.offset..<end]
            guard let header = text.firstIndex(ofBytes: " obj".utf8) else { return nil }
            let body = text[(header + 4)...]
            let streamStart = body.firstIndex(ofBytes: "stream".utf8) ?? body.endIndex
            let dictionary = body[..<streamStart]
            objects.append(Object(number: start.number, dictionary: dictionary, stream: body[streamStart...],
                                  isPage: Self.isType("Page", dictionary)))
        }
        let trailer = bytes[tableOffset...]
        guard let root = Self.reference(named: "/Root", in: trailer),
              let catalog = objects.first(where: { $0.number == root }),
              let pageTree = Self.reference(named: "/Pages", in: catalog.dictionary) else { return nil }
        self.catalog = root
        self.pageTree = pageTree
        information = Self.reference(named: "/Info", in: trailer)
    }

    /// Whether the dictionary says `/Type /NAME`, and not a longer name (`/Pages` is no `/Page`).
    private static func isType(_ name: String, _ dictionary: ArraySlice<UInt8>) -> Bool {
        guard let start = dictionary.firstIndex(ofBytes: ("/Type /" + name).utf8) else { return false }
        let end = start + "/Type /".utf8.count + name.utf8.count
        return end == dictionary.endIndex || !(UInt8(ascii: "A")...UInt8(ascii: "z")).contains(dictionary[end])
    }

    /// The object number `N` of `NAME N G R`.
    private static func reference(named name: String, in bytes: ArraySlice<UInt8>) -> Int? {
        guard let start = bytes.firstIndex(ofBytes: (name + " ").utf8) else { return nil }
        return tokens(bytes[(start + name.utf8.count)...].prefix(32)).first.flatMap { Int($0) }
    }

    private static func integer(after index: Int, in bytes: [UInt8]) -> Int? {
        tokens(bytes[index...].prefix(24)).first.flatMap { Int($0) }
    }

    private static func tokens(_ bytes: ArraySlice<UInt8>) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    }

    private static func lastIndex(of text: String, in bytes: ArraySlice<UInt8>) -> Int? {
        let pattern = Array(text.utf8)
        var index = bytes.endIndex - pattern.count
        while index >= bytes.startIndex {
            if bytes[index...].starts(with: pattern) { return index }
            index -= 1
        }
        return nil
    }
}
