import BlueprintLayout
import Testing

/// Labels broken as the Chinese layout requirements (W3C CLREQ) ask, with estimated widths: every
/// CJK character one em (10 pt at the step label's size), anything else 0.6 em.
@Suite struct ChineseLineBreakingTests {
    let wrapper = TextWrapper(metrics: TextMetrics.measure(TextMetrics.Request(), with: EstimatedTextMeasurer()))
    let style = TextStyles.stepLabel

    func lines(_ text: String, characters: Double) -> [String] {
        wrapper.lines(of: text, style: style, maxWidth: characters * style.size)
    }

    /// The labels: 11 and 12 characters in a box 11 characters wide used to leave the last
    /// one alone on the second line.
    @Test(arguments: ["到戶政事務所申請除戶謄本", "說明缺少的文件與補件方式", "契約兩年內身故之理賠調查", "理賠申請書（含受益人簽/章）"])
    func noCharacterIsLeftAloneOnTheLastLine(label: String) {
        let broken = lines(label, characters: 11)
        #expect(broken.count == 2, "\(broken)")
        #expect(broken.joined() == label)
        let last = broken.last!.filter { !"（）「」，。/".contains($0) }
        #expect(last.count > 1, "\(broken)")
    }

    @Test func balancedLinesShareTheLabelOut() {
        #expect(lines("到戶政事務所申請除戶謄本", characters: 11) == ["到戶政事務所", "申請除戶謄本"])
    }

    @Test func noLineStartsWithClosingOrEndsWithOpeningPunctuation() {
        let labels = [
            "核對身分證件（正本）、保單與診斷證明書。然後送交「理賠審核」",
            "客户到达网点，取号「普通业务」并等待叫号；柜员核对身份。",
            "確認『受益人』資料：姓名、身分證字號、聯絡電話！再通知",
            "顧客は「チェックイン」を済ませ、ルームキーを受け取る。",
        ]
        let closing: Set<Character> = ["，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "ー", "ッ"]
        let opening: Set<Character> = ["（", "「", "『"]
        for label in labels {
            // From four characters: a word wider than its line (「チェッ) is cut letter by letter.
            for width in stride(from: 4.0, through: 12, by: 1) {
                let broken = lines(label, characters: width)
                #expect(broken.joined() == label)
                for line in broken {
                    #expect(!closing.contains(line.first!), "'\(line)' starts with closing punctuation at \(width): \(broken)")
                    #expect(!opening.contains(line.last!), "'\(line)' ends with opening punctuation at \(width): \(broken)")
                }
            }
        }
    }

    @Test func aLineEndsAfterPunctuationRatherThanMidPhrase() {
        #expect(lines("申請理賠，補件說明文件", characters: 8) == ["申請理賠，", "補件說明文件"])
        // Not when that would leave the line less than about two thirds full.
        #expect(lines("申，請理賠補件說明文件", characters: 8) == ["申，請理賠補件說", "明文件"])
    }

    @Test func latinWordsInsideChineseStayWholeAndBalance() {
        let broken = lines("使用App上傳理賠文件與照片", characters: 11)
        #expect(broken.joined() == "使用App上傳理賠文件與照片")
        #expect(broken.allSatisfy { !$0.hasPrefix("pp") && !$0.hasSuffix("Ap") })
        #expect(broken.last!.count > 1)
    }

    @Test func englishBreaksAsBefore() {
        #expect(lines("Check the claim form and ask for a", characters: 11) == ["Check the claim form", "and ask for a"])
        // A single Latin letter may end a label: balancing is for CJK.
        #expect(lines("Check the claim form and ask for a", characters: 17.5) == ["Check the claim form and ask for", "a"])
    }
}
