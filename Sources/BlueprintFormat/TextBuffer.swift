/// The formatted file as UTF-8 bytes: appending bytes is cheaper than growing a `String` piece by
/// piece, which matters on 10 MB files.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func write(scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
    }

    mutating func writeSpaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// Bytes of the source, already valid UTF-8.
    mutating func write(_ utf8: ArraySlice<UInt8>) {
        bytes.append(contentsOf: utf8)
    }
}
