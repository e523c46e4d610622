/// GitHub code scanning's `primaryLocationLineHash` for every line of a file: a rolling hash of the
/// 100 characters from the line's start, with spaces and TABs skipped and line ends made LF,
/// then `:N` telling apart lines whose hash is the same.
///
/// This follows the algorithm of `fingerprints.ts` in github/codeql-action, which `upload-sarif`
/// runs when a SARIF file has no fingerprints (and the REST API does not run at all). Producing the
/// same values means alerts are tracked across commits however the file is uploaded, and
/// `upload-sarif` finds nothing inconsistent to warn about.
enum LineFingerprint {
    private static let windowSize = 100
    private static let multiplier: UInt64 = 37
    private static let endOfFile: UInt16 = 0xFFFF

    /// The hash of each line, at index `line - 1`. A file that ends with a line end gets one more
    /// entry, as GitHub counts the empty line after it.
    static func hashes(of text: String) -> [String] {
        var hasher = RollingHasher()
        for unit in text.utf16 { hasher.add(unit) }
        hasher.add(endOfFile)
        return hasher.finish()
    }

    /// Works on UTF-16 code units, as the JavaScript original reads `charCodeAt`.
    private struct RollingHasher {
        private var window = [UInt16](repeating: 0, count: windowSize)
        /// The line that starts at each window slot, or nil.
        private var lineStarts = [Int?](repeating: nil, count: windowSize)
        private var hash: UInt64 = 0
        private var index = 0
        private var lineNumber = 0
        private var atLineStart = true
        private var previousWasCR = false
        private var occurrences: [String: Int] = [:]
        private var lineHashes: [String] = []

        /// `multiplier` to the power of the window size, to take the oldest unit back out.
        private static let outgoingFactor: UInt64 = (0..<windowSize).reduce(1) { power, _ in power &* multiplier }

        mutating func add(_ unit: UInt16) {
            let space: UInt16 = 0x20, tab: UInt16 = 0x09, lineFeed: UInt16 = 0x0A, carriageReturn: UInt16 = 0x0D
            if unit == space || unit == tab || (previousWasCR && unit == lineFeed) {
                previousWasCR = false
                return
            }
            previousWasCR = unit == carriageReturn
            let normalised = unit == carriageReturn ? lineFeed : unit
            if lineStarts[index] != nil { emitHash() }
            if atLineStart {
                atLineStart = false
                lineNumber += 1
                lineStarts[index] = lineNumber
            }
            if normalised == lineFeed { atLineStart = true }
            roll(in: normalised)
        }

        /// Pads the end with zeros so the last lines' windows fill up too.
        mutating func finish() -> [String] {
            for _ in 0..<windowSize {
                if lineStarts[index] != nil { emitHash() }
                roll(in: 0)
            }
            return lineHashes
        }

        private mutating func roll(in unit: UInt16) {
            let outgoing = window[index]
            window[index] = unit
            // Wrapping arithmetic, as the original's 64-bit `Long`.
            hash = multiplier &* hash &+ UInt64(unit) &- Self.outgoingFactor &* UInt64(outgoing)
            index = (index + 1) % windowSize
        }

        /// The line starting at the current slot has had its 100 units: its hash is complete.
        private mutating func emitHash() {
            let value = String(hash, radix: 16)
            let count = occurrences[value, default: 0] + 1
            occurrences[value] = count
            lineHashes.append("\(value):\(count)")
            lineStarts[index] = nil
        }
    }
}
