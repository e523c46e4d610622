extension RandomAccessCollection {
    /// The first index whose element `isAfter` says lies past the point sought, by halving; `endIndex`
    /// when none does. Every element for which `isAfter` holds must come after every one for which it
    /// does not, as in a collection sorted by what it tests.
    @inlinable package func partitioningIndex(where isAfter: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2, middle = index(low, offsetBy: half)
            if try isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
