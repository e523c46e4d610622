/// "Did you mean …?" for misspelt keywords and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance (a swap of two
    /// neighbours counts as one edit), when it is close enough to be a typo.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        closestCandidates(to: word, among: candidates).first
    }

    /// Every candidate at the smallest edit distance from `word` that is close enough to be a typo,
    /// in the order given: a lone one is an unambiguous correction. Letters compare with case and
    /// Simplified/Traditional Chinese folded away, so 扫描建档 finds 掃描建檔. A Chinese id of two
    /// characters, where one different character is a different word, gets only a lone candidate;
    /// a Chinese id that is close to none gets the ids it begins (滿意度 finds 滿意度調查).
    public static func closestCandidates(to word: String, among candidates: some Sequence<String>) -> [String] {
        let letters = Array(word.unicodeScalars)
        let loweredLetters = letters.map(lowered)
        let isChinese = !letters.isEmpty && letters.allSatisfy(\.properties.isIdeographic)
        let limit = isChinese && letters.count == 2 ? 1 : maximumDistance(forLength: letters.count)
        let byteCount = word.utf8.count
        var best: (candidates: [String], distance: Int) = ([], limit + 1)
        // A few at most: more than one is no correction anyway, and the list stays cheap to search.
        var extensions: [String] = []
        for candidate in candidates {
            if isChinese, letters.count >= 2, extensions.count < 5, candidate.unicodeScalars.count > letters.count,
               candidate.unicodeScalars.lazy.map(lowered).starts(with: loweredLetters), !extensions.contains(candidate) {
                extensions.append(candidate)
            }
            // A scalar is at most four bytes: most candidates are ruled out without decoding them.
            if abs(candidate.utf8.count - byteCount) > 4 * limit { continue }
            let other = Array(candidate.unicodeScalars)
            if abs(other.count - letters.count) > limit || candidate == word { continue }
            guard let distance = editDistance(letters, loweredLetters, other, limit: min(limit, best.distance)),
                  !best.candidates.contains(candidate) else { continue }
            if distance < best.distance {
                best = ([candidate], distance)
            } else if distance == best.distance {
                best.candidates.append(candidate)
            }
        }
        if isChinese && letters.count == 2 && best.distance == 1 && best.candidates.count > 1 { return [] }
        return best.candidates.isEmpty ? extensions : best.candidates
    }

    /// " (did you mean 'x'?)" or "".
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func maximumDistance(forLength length: Int) -> Int {
        switch length {
        case ...2: 0
        case ...5: 1
        case ...8: 2
        default: 3
        }
    }

    /// The scalar with case folded away, by arithmetic for ASCII (nearly every id and keyword), and
    /// a Traditional Chinese character written in Simplified.
    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
        }
        if let simplified = ChineseVariants.simplifiedForms[scalar] { return simplified }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Optimal string alignment distance, or nil when it exceeds `limit`. Letters that differ only
    /// in case or in Chinese script count as equal, so `Customer` suggests `customer`; `loweredA` is
    /// `a` lowered, worked out once for all the candidates.
    static func editDistance(_ a: [Unicode.Scalar], _ loweredA: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let lowerB = b.map(lowered)
        // Only cells with |i - j| <= limit can stay within the limit: the band keeps long ids linear.
        let outside = limit + 1
        var previous2 = [Int](repeating: outside, count: b.count + 1)
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] || loweredA[i - 1] == lowerB[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = min(value, outside)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

extension ChineseVariants {
    /// Each Traditional character of the table, to its Simplified form.
    static let simplifiedForms: [Unicode.Scalar: Unicode.Scalar] = {
        let scalars = Array(traditionalThenSimplified.unicodeScalars)
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: scalars.count, by: 2).map { (scalars[$0], scalars[$0 + 1]) })
    }()
}
