import BlueprintDiagnostics

/// What the lexer and the parser say about lines the grammar does not accept.
public enum SyntaxMessage: MessageCatalog {
    // Characters
    case lonelyCarriageReturn, unexpectedDash, unexpectedDot, fatArrow, unexpectedEquals, unexpectedCharacter, fullWidth
    case dashArrow, semicolon
    case unterminatedString, escapeAtLineEnd, unknownEscape, malformedUnicodeEscape, notAScalar
    // "expected …, found …" and what was found
    case expectedFound, foundWord, foundString, foundEndOfLine, foundComment, foundInvalidText
    // What was expected
    case statement, headerTitle, stringAfter, endOfLineAfter, phaseTitle, locale, laneAfterLane, laneTitleString
    case lineAfterLine, lineTitleString, promiseDescription, keywordAfter, stepID, stepIDAfter, durationAfter
    case integerAfter, arrowAfter, arrowOrLabelAfter, flowLabel, idAfterLane, labelAfterID, commaOrEndOfLine
    case attributeAfterComma, failDescription, recoveryID, evidenceID, percentAfter, rateAfterDemand
    // What "end of line after …" and "'from' after …" follow
    case theTitle, theMeta, theLocale, theLaneTitle, theLineTitle, thePhaseTitle, thePromise, theFlowLabel
    case thePromiseDescription, quotedClause, theDemand, theShare
    // Lines with a word the grammar does not know
    case headerNotFirst, unknownStatement, unknownLane, unknownLaneListed, unknownLocale, unknownLine, unknownAttribute
    case missingComma, commaOrRecover
    // Durations
    case unitsOutOfOrder, durationTooLarge, durationWords, workingDays
    // Fix titles
    case replaceWord, insertComma, removeCharacter, writeDuration

    public var phrase: Phrase {
        switch self {
        case .lonelyCarriageReturn: Phrase(
            en: "carriage return (U+000D) without a line feed: lines end with LF or CRLF",
            zhHans: "回车符（U+000D）后没有换行符：行尾应为 LF 或 CRLF",
            zhHant: "歸位字元（U+000D）後沒有換行字元：行尾應為 LF 或 CRLF")
        case .unexpectedDash: Phrase(
            en: "unexpected '-': an arrow is '->'", zhHans: "多余的 '-'：箭头写作 '->'", zhHant: "多餘的 '-'：箭頭寫作 '->'")
        case .unexpectedDot: Phrase(
            en: "unexpected '.': an information flow is '..>'", zhHans: "多余的 '.'：信息流写作 '..>'", zhHant: "多餘的 '.'：資訊流寫作 '..>'")
        case .fatArrow: Phrase(
            en: "unexpected '=>' (did you mean '->'?)", zhHans: "无法识别 '=>'（是否应为 '->'？）", zhHant: "無法識別 '=>'（是否應為 '->'？）")
        case .unexpectedEquals: Phrase(en: "unexpected '='", zhHans: "多余的 '='", zhHant: "多餘的 '='")
        case .unexpectedCharacter: Phrase(
            en: "unexpected character {character}", zhHans: "无法识别的字符 {character}", zhHant: "無法識別的字元 {character}")
        case .fullWidth: Phrase(
            en: "full-width '{character}' ({code}): use '{ascii}' ({asciiCode}) here",
            zhHans: "全角 '{character}'（{code}）：此处应使用 '{ascii}'（{asciiCode}）",
            zhHant: "全形 '{character}'（{code}）：此處應使用 '{ascii}'（{asciiCode}）")
        case .dashArrow: Phrase(
            en: "'{text}' is no arrow (did you mean '->'?)", zhHans: "'{text}' 不是箭头（是否应为 '->'？）",
            zhHant: "'{text}' 不是箭頭（是否應為 '->'？）")
        case .semicolon: Phrase(
            en: "unexpected '{character}': a statement ends with its line, and ',' separates attributes",
            zhHans: "多余的 '{character}'：语句以行尾结束，属性之间用 ',' 分隔",
            zhHant: "多餘的 '{character}'：陳述式以行尾結束，屬性之間用 ',' 分隔")
        case .unterminatedString: Phrase(
            en: "unterminated string: expected '\"' before the end of the line",
            zhHans: "字符串没有结束：行尾之前应有 '\"'", zhHant: "字串沒有結束：行尾之前應有 '\"'")
        case .escapeAtLineEnd: Phrase(
            en: "expected an escape after '\\', found the end of the line",
            zhHans: "'\\' 之后应为转义字符，实际为行尾", zhHant: "'\\' 之後應為跳脫字元，實際為行尾")
        case .unknownEscape: Phrase(
            en: "unknown escape '\\{escape}': use \\\", \\\\, \\n, \\t or \\u{HEX}",
            zhHans: "未知的转义 '\\{escape}'：可用 \\\"、\\\\、\\n、\\t 或 \\u{HEX}",
            zhHant: "未知的跳脫 '\\{escape}'：可用 \\\"、\\\\、\\n、\\t 或 \\u{HEX}")
        case .malformedUnicodeEscape: Phrase(
            en: "expected '\\u{HEX}' with 1 to 6 hex digits",
            zhHans: "应为 '\\u{HEX}'，含 1 到 6 位十六进制数字", zhHant: "應為 '\\u{HEX}'，含 1 到 6 位十六進位數字")
        case .notAScalar: Phrase(
            en: "'\\u{{hex}}' is not a Unicode scalar value",
            zhHans: "'\\u{{hex}}' 不是 Unicode 标量值", zhHant: "'\\u{{hex}}' 不是 Unicode 純量值")

        case .expectedFound: Phrase(
            en: "expected {expected}, found {found}", zhHans: "应为{expected}，实际为 {found}", zhHant: "應為{expected}，實際為 {found}")
        case .foundWord: Phrase(en: "'{text}'", zhHans: "'{text}'", zhHant: "'{text}'")
        case .foundString: Phrase(en: "string \"{text}\"", zhHans: "字符串 \"{text}\"", zhHant: "字串 \"{text}\"")
        case .foundEndOfLine: Phrase(en: "end of line", zhHans: "行尾", zhHant: "行尾")
        case .foundComment: Phrase(en: "comment", zhHans: "注释", zhHant: "註解")
        case .foundInvalidText: Phrase(en: "invalid text", zhHans: "无效文本", zhHant: "無效文字")

        case .statement: Phrase(
            en: "a statement (a keyword such as 'customer' or 'phase', or a flow such as 'a -> b')",
            zhHans: "语句（以 'customer'、'phase' 等关键字开头，或 'a -> b' 这样的流程）",
            zhHant: "陳述式（以 'customer'、'phase' 等關鍵字開頭，或 'a -> b' 這樣的流程）")
        case .headerTitle: Phrase(
            en: "the blueprint's title string after 'blueprint'",
            zhHans: " 'blueprint' 之后的蓝图标题字符串", zhHant: " 'blueprint' 之後的藍圖標題字串")
        case .stringAfter: Phrase(
            en: "a string after '{word}'", zhHans: " '{word}' 之后的字符串", zhHant: " '{word}' 之後的字串")
        case .endOfLineAfter: Phrase(
            en: "end of line after {context}", zhHans: "{context}之后的行尾", zhHant: "{context}之後的行尾")
        case .phaseTitle: Phrase(
            en: "the phase's title string after 'phase'",
            zhHans: " 'phase' 之后的阶段标题字符串", zhHant: " 'phase' 之後的階段標題字串")
        case .locale: Phrase(
            en: "a locale ('en', 'zh-Hans' or 'zh-Hant') after 'locale'",
            zhHans: " 'locale' 之后的语言（'en'、'zh-Hans' 或 'zh-Hant'）",
            zhHant: " 'locale' 之後的語言（'en'、'zh-Hans' 或 'zh-Hant'）")
        case .laneAfterLane: Phrase(
            en: "a lane (evidence, customer, frontstage, backstage or support) after 'lane'",
            zhHans: " 'lane' 之后的泳道（evidence、customer、frontstage、backstage 或 support）",
            zhHant: " 'lane' 之後的泳道（evidence、customer、frontstage、backstage 或 support）")
        case .laneTitleString: Phrase(
            en: "the lane's title string after '{word}'",
            zhHans: " '{word}' 之后的泳道标题字符串", zhHant: " '{word}' 之後的泳道標題字串")
        case .lineAfterLine: Phrase(
            en: "a line (interaction, visibility or internal) after 'line'",
            zhHans: " 'line' 之后的分界线（interaction、visibility 或 internal）",
            zhHant: " 'line' 之後的分界線（interaction、visibility 或 internal）")
        case .lineTitleString: Phrase(
            en: "the line's title string after '{word}'",
            zhHans: " '{word}' 之后的分界线标题字符串", zhHant: " '{word}' 之後的分界線標題字串")
        case .promiseDescription: Phrase(
            en: "the promise's description string after 'promise'",
            zhHans: " 'promise' 之后的承诺说明字符串", zhHant: " 'promise' 之後的承諾說明字串")
        case .keywordAfter: Phrase(
            en: "'{keyword}' after {context}", zhHans: "{context}之后的 '{keyword}'", zhHant: "{context}之後的 '{keyword}'")
        case .stepID: Phrase(en: "a step id", zhHans: "步骤 id", zhHant: "步驟 id")
        case .stepIDAfter: Phrase(
            en: "a step id after '{word}'", zhHans: " '{word}' 之后的步骤 id", zhHant: " '{word}' 之後的步驟 id")
        case .durationAfter: Phrase(
            en: "a duration such as '45m' or '1h30m' after '{keyword}'",
            zhHans: " '{keyword}' 之后的时长，如 '45m' 或 '1h30m'", zhHant: " '{keyword}' 之後的時長，如 '45m' 或 '1h30m'")
        case .integerAfter: Phrase(
            en: "an integer after '{keyword}'", zhHans: " '{keyword}' 之后的整数", zhHant: " '{keyword}' 之後的整數")
        case .arrowAfter: Phrase(
            en: "'->' or '..>' after '{word}'", zhHans: " '{word}' 之后的 '->' 或 '..>'", zhHant: " '{word}' 之後的 '->' 或 '..>'")
        case .arrowOrLabelAfter: Phrase(
            en: "'->', '..>' or ':' after '{word}'",
            zhHans: " '{word}' 之后的 '->'、'..>' 或 ':'", zhHant: " '{word}' 之後的 '->'、'..>' 或 ':'")
        case .flowLabel: Phrase(
            en: "the flow's label string after ':'", zhHans: " ':' 之后的流程标签字符串", zhHant: " ':' 之後的流程標籤字串")
        case .idAfterLane: Phrase(
            en: "an id after '{word}'", zhHans: " '{word}' 之后的 id", zhHant: " '{word}' 之後的 id")
        case .labelAfterID: Phrase(
            en: "a label string after '{id}'", zhHans: " '{id}' 之后的标签字符串", zhHant: " '{id}' 之後的標籤字串")
        case .commaOrEndOfLine: Phrase(en: "',' or end of line", zhHans: " ',' 或行尾", zhHant: " ',' 或行尾")
        case .attributeAfterComma: Phrase(
            en: "an attribute after ','", zhHans: " ',' 之后的属性", zhHant: " ',' 之後的屬性")
        case .failDescription: Phrase(
            en: "a string describing the failure after 'fail'",
            zhHans: " 'fail' 之后描述失误的字符串", zhHant: " 'fail' 之後描述失誤的字串")
        case .recoveryID: Phrase(
            en: "the id of the recovery step after 'recover'",
            zhHans: " 'recover' 之后的补救步骤 id", zhHant: " 'recover' 之後的補救步驟 id")
        case .evidenceID: Phrase(
            en: "an evidence id after 'evidence'", zhHans: " 'evidence' 之后的有形展示 id", zhHant: " 'evidence' 之後的有形展示 id")
        case .percentAfter: Phrase(
            en: "a percentage such as '30%' after '{word}'",
            zhHans: " '{word}' 之后的百分比，如 '30%'", zhHant: " '{word}' 之後的百分比，如 '30%'")
        case .rateAfterDemand: Phrase(
            en: "a rate such as '40/h', '300/d' or '2000/w' after 'demand'",
            zhHans: " 'demand' 之后的频率，如 '40/h'、'300/d' 或 '2000/w'",
            zhHant: " 'demand' 之後的頻率，如 '40/h'、'300/d' 或 '2000/w'")

        case .theTitle: Phrase(en: "the title", zhHans: "标题", zhHant: "標題")
        case .theMeta: Phrase(en: "the {word}", zhHans: " {word} ", zhHant: " {word} ")
        case .theLocale: Phrase(en: "the locale", zhHans: "语言", zhHant: "語言")
        case .theLaneTitle: Phrase(en: "the lane title", zhHans: "泳道标题", zhHant: "泳道標題")
        case .theLineTitle: Phrase(en: "the line title", zhHans: "分界线标题", zhHant: "分界線標題")
        case .thePhaseTitle: Phrase(en: "the phase title", zhHans: "阶段标题", zhHant: "階段標題")
        case .thePromise: Phrase(en: "the promise", zhHans: "承诺", zhHant: "承諾")
        case .theFlowLabel: Phrase(en: "the flow's label", zhHans: "流程标签", zhHant: "流程標籤")
        case .thePromiseDescription: Phrase(en: "the promise's description", zhHans: "承诺说明", zhHant: "承諾說明")
        case .theDemand: Phrase(en: "the demand", zhHans: "需求", zhHant: "需求")
        case .theShare: Phrase(en: "the share", zhHans: "占比", zhHant: "占比")
        case .quotedClause: Phrase(en: "'{keyword} {id}'", zhHans: " '{keyword} {id}' ", zhHant: " '{keyword} {id}' ")

        case .headerNotFirst: Phrase(
            en: "'blueprint \"…\"' is the header and must be the first statement of the file",
            zhHans: "'blueprint \"…\"' 是文件头，必须是文件的第一条语句",
            zhHant: "'blueprint \"…\"' 是檔頭，必須是檔案的第一條陳述式")
        case .unknownStatement: Phrase(
            en: "unknown statement '{word}'", zhHans: "未知的语句 '{word}'", zhHant: "未知的陳述式 '{word}'")
        case .unknownLane: Phrase(en: "unknown lane '{word}'", zhHans: "未知的泳道 '{word}'", zhHant: "未知的泳道 '{word}'")
        case .unknownLaneListed: Phrase(
            en: "unknown lane '{word}': a step line starts with evidence, customer, frontstage, backstage or support",
            zhHans: "未知的泳道 '{word}'：步骤行以 evidence、customer、frontstage、backstage 或 support 开头",
            zhHant: "未知的泳道 '{word}'：步驟行以 evidence、customer、frontstage、backstage 或 support 開頭")
        case .unknownLocale: Phrase(
            en: "unknown locale '{word}': use 'en', 'zh-Hans' or 'zh-Hant'",
            zhHans: "未知的语言 '{word}'：可用 'en'、'zh-Hans' 或 'zh-Hant'",
            zhHant: "未知的語言 '{word}'：可用 'en'、'zh-Hans' 或 'zh-Hant'")
        case .unknownLine: Phrase(
            en: "unknown line '{word}': use interaction, visibility or internal",
            zhHans: "未知的分界线 '{word}'：可用 interaction、visibility 或 internal",
            zhHant: "未知的分界線 '{word}'：可用 interaction、visibility 或 internal")
        case .unknownAttribute: Phrase(
            en: "unknown attribute '{word}'", zhHans: "未知的属性 '{word}'", zhHant: "未知的屬性 '{word}'")
        case .missingComma: Phrase(
            en: "expected ',' before '{word}'", zhHans: " '{word}' 之前应有 ','", zhHant: " '{word}' 之前應有 ','")
        case .commaOrRecover: Phrase(
            en: "expected ',' or 'recover' after the failure, found '{word}'",
            zhHans: "失误说明之后应为 ',' 或 'recover'，实际为 '{word}'",
            zhHant: "失誤說明之後應為 ',' 或 'recover'，實際為 '{word}'")

        case .unitsOutOfOrder: Phrase(
            en: "invalid duration '{text}': units go from largest to smallest (w, d, h, m, s), each at most once",
            zhHans: "无效的时长 '{text}'：单位从大到小（w、d、h、m、s），每个最多一次",
            zhHant: "無效的時長 '{text}'：單位從大到小（w、d、h、m、s），每個最多一次")
        case .durationTooLarge: Phrase(
            en: "duration '{text}' is too large", zhHans: "时长 '{text}' 太大", zhHant: "時長 '{text}' 太大")
        case .durationWords: Phrase(
            en: "write durations as {canonical} (units s, m, h, d, w)",
            zhHans: "时长应写作 {canonical}（单位 s、m、h、d、w）",
            zhHant: "時長應寫作 {canonical}（單位 s、m、h、d、w）")

        case .workingDays: Phrase(
            en: "durations are calendar time: {count} working days are written {canonical}",
            zhHans: "时长按日历时间计算：{count} 个工作日写作 {canonical}",
            zhHant: "時長按日曆時間計算：{count} 個工作天寫作 {canonical}")

        case .replaceWord: Phrase(
            en: "replace '{old}' with '{new}'", zhHans: "将 '{old}' 改为 '{new}'", zhHant: "將 '{old}' 改為 '{new}'")
        case .insertComma: Phrase(
            en: "insert ',' before '{word}'", zhHans: "在 '{word}' 之前加上 ','", zhHant: "在 '{word}' 之前加上 ','")
        case .removeCharacter: Phrase(
            en: "remove '{character}'", zhHans: "删除 '{character}'", zhHant: "刪除 '{character}'")
        case .writeDuration: Phrase(
            en: "write '{canonical}'", zhHans: "改写为 '{canonical}'", zhHant: "改寫為 '{canonical}'")
        }
    }
}
