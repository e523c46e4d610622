import BlueprintDiagnostics

/// The lane a designer most likely meant by a word that is not a lane keyword: a keyword it
/// begins (`front`, `back`), one a typo away, or a lane's name in Chinese (`前台`, `後台`).
enum WrittenLaneNames {
    static func likelyKeyword(for word: String) -> String? {
        if let chinese = chineseNames[word] { return chinese }
        let lowered = word.lowercased()
        if lowered.count >= 3 {
            let extended = Keyword.laneKeywords.filter { $0.hasPrefix(lowered) }
            if extended.count == 1 { return extended[0] }
        }
        return Suggestion.closest(to: word, among: Keyword.laneKeywords)
    }

    /// Lane names as Chinese blueprints title them (spec section 3) and as designers say them.
    private static let chineseNames: [String: String] = {
        var names: [String: String] = [:]
        for (keyword, words) in [
            ("evidence", ["有形展示", "证据", "證據", "实体证据", "實體證據"]),
            ("customer", ["顾客", "顧客", "客户", "客戶", "顾客行为", "顧客行為", "用户", "用戶"]),
            ("frontstage", ["前台", "前台员工行为", "前台員工行為", "前台行为", "前台行為"]),
            ("backstage", ["后台", "後台", "后台员工行为", "後台員工行為", "后台行为", "後台行為"]),
            ("support", ["支持", "支持过程", "支持過程", "支持系统", "支持系統"]),
        ] {
            for word in words { names[word] = keyword }
        }
        return names
    }()

    /// Whether the word is written in Han characters: such a file gets the list of lane keywords,
    /// since it may not be obvious that keywords are English.
    static func isChinese(_ word: String) -> Bool {
        word.unicodeScalars.contains { $0.properties.isIdeographic }
    }
}

/// Durations written with words (`5分钟`, `1小时30分钟`, `2天`, `5min`, `2 hours`): the
/// spec's form of the same duration, for a message and a fix.
enum DurationWords {
    /// `text` as the grammar writes it, or nil when it is not a number–unit list this knows.
    static func canonical(_ text: String) -> String? {
        var total = 0
        var rest = Substring(text)
        var groups = 0
        while !rest.isEmpty {
            rest = rest.drop(while: { $0 == " " })
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let number = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count).drop(while: { $0 == " " })
            let word = rest.prefix(while: { !($0.isASCII && $0.isNumber) && $0 != " " })
            guard let seconds = unitSeconds[word.lowercased()] else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: seconds)
            guard !overflow else { return nil }
            total += product
            rest = rest.dropFirst(word.count)
            groups += 1
        }
        guard groups > 0 else { return nil }
        return Duration(seconds: total).description
    }

    /// The number of `10個工作天`, `10 工作日` or `10workdays`.
    static func workingDays(_ text: String) -> Int? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let word = text.dropFirst(digits.count).drop(while: { $0 == " " }).lowercased()
        guard let days = Int(digits), workingDayWords.contains(word) else { return nil }
        return days
    }

    private static let workingDayWords: Set<String> = [
        "个工作日", "個工作日", "工作日", "个工作天", "個工作天", "工作天",
        "workday", "workdays",
    ]

    private static let unitSeconds: [String: Int] = {
        var table: [String: Int] = [:]
        for (seconds, words) in [
            (604_800, ["周", "週", "星期", "个星期", "個星期", "w", "wk", "wks", "week", "weeks"]),
            (86_400, ["天", "日", "d", "day", "days"]),
            (3_600, ["小时", "小時", "个小时", "個小時", "钟头", "鐘頭", "时", "時", "h", "hr", "hrs", "hour", "hours"]),
            (60, ["分钟", "分鐘", "分", "m", "min", "mins", "minute", "minutes"]),
            (1, ["秒", "秒钟", "秒鐘", "s", "sec", "secs", "second", "seconds"]),
        ] {
            for word in words { table[word] = seconds }
        }
        return table
    }()
}
