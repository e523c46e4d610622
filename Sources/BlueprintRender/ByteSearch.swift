extension ArraySlice<UInt8> {
    /// Where `pattern` first starts here: a scan for its first byte, then a comparison. Foundation's
    /// `firstRange(of:)` goes through generic collection matching at every position, which made it
    /// most of the time SVG finishing took.
    func firstIndex(ofBytes pattern: some Collection<UInt8>) -> Int? {
        guard let first = pattern.first else { return startIndex }
        var index = startIndex
        while let candidate = self[index...].firstIndex(of: first) {
            if self[candidate...].starts(with: pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
