import BlueprintDiagnostics

/// The rules' summaries and explanations in Simplified and Traditional Chinese. Keywords, ids,
/// attribute names and code stay as written (`takes`, `recover`, `->`).
enum RuleTranslations {
    static let texts: [RuleID: [MessageLanguage: RuleText]] = [
        "syntax": [
            .zhHans: RuleText(
                summary: "语法无法识别的行、未闭合的字符串、写错的时长或转义字符",
                explanation: "每条语句独占一行。出错的行不会给蓝图增加任何内容，解析会从下一行继续，因此每一处出错的行都会被报告。"),
            .zhHant: RuleText(
                summary: "語法無法辨識的行、未閉合的字串、寫錯的時長或跳脫字元",
                explanation: "每條敘述獨占一行。出錯的行不會為藍圖增加任何內容，解析會從下一行繼續，因此每一處出錯的行都會被回報。"),
        ],
        "missing-header": [
            .zhHans: RuleText(
                summary: "文件没有以 `blueprint \"…\"` 开头",
                explanation: "开头的 `blueprint` 语句写明这份蓝图描述的是哪项服务；它就是图的标题，必须是文件的第一条语句。"),
            .zhHant: RuleText(
                summary: "檔案沒有以 `blueprint \"…\"` 開頭",
                explanation: "開頭的 `blueprint` 敘述寫明這份藍圖描述的是哪項服務；它就是圖的標題，必須是檔案的第一條敘述。"),
        ],
        "duplicate-id": [
            .zhHans: RuleText(
                summary: "两个步骤或有形展示使用了同一个 id（报告第二个）",
                explanation: "流程、承诺和有形展示链接都通过 id 指向步骤，所以每个 id 只能声明一次。以第一次声明为准，之后的重复声明不起任何作用。"),
            .zhHant: RuleText(
                summary: "兩個步驟或有形展示使用了同一個 id（回報第二個）",
                explanation: "流程、承諾和有形展示連結都透過 id 指向步驟，所以每個 id 只能宣告一次。以第一次宣告為準，之後的重複宣告不會有任何作用。"),
        ],
        "undefined-reference": [
            .zhHans: RuleText(
                summary: "流程、`recover`、`evidence` 或承诺引用了未声明的 id",
                explanation: "流程、补救链接、有形展示链接和承诺中用到的每个 id，都必须声明为步骤或有形展示。一个拼写错误就会不声不响地让旅程断开，所以列为错误。"),
            .zhHant: RuleText(
                summary: "流程、`recover`、`evidence` 或承諾引用了未宣告的 id",
                explanation: "流程、補救連結、有形展示連結和承諾中用到的每個 id，都必須宣告為步驟或有形展示。一個拼字錯誤就會不知不覺地讓旅程斷開，所以列為錯誤。"),
        ],
        "wrong-kind": [
            .zhHans: RuleText(
                summary: "流程、`recover` 或承诺指向了有形展示，或 `evidence` 指向了步骤",
                explanation: "有形展示是顾客看得到、摸得着的东西，不是步骤：它们通过 `evidence` 属性与步骤关联，不能用在流程、补救链接或承诺中。"),
            .zhHant: RuleText(
                summary: "流程、`recover` 或承諾指向了有形展示，或 `evidence` 指向了步驟",
                explanation: "有形展示是顧客看得到、摸得到的東西，不是步驟：它們透過 `evidence` 屬性與步驟關聯，不能用在流程、補救連結或承諾中。"),
        ],
        "invalid-attribute": [
            .zhHans: RuleText(
                summary: "属性重复出现、情绪超出 -2…2、有 `tolerance` 却没有 `wait`、有形展示上带了 `note` 和 `channel` 以外的属性；区间的值减小、`servers` 小于 1、占比写在流程链或 `..>` 流程上、同一步骤的 `->` 流程占比合计超过 100%（或每个都有占比却不足 100%）、`for` 超出 0–100%、`demand` 为 0",
                explanation: "同一步骤上只有 `evidence` 和 `fail` 可以重复；其他属性以第一个值为准，重复即为错误。情绪的取值从 -2（非常不满）到 2（非常满意）。可容忍时长（`tolerance`）只有与它所限定的等待（`wait`）写在一起才有意义。有形展示只能带 `note` 和 `channel`。区间从最小值写到最大值；每个步骤至少有一个服务者；占比分配从一个步骤经 `->` 离开的顾客，因此只写在单段的 `->` 流程上，合计最多 100%（每个流程都有占比时须恰好 100%）；承诺针对 0–100% 的顾客；需求为 0 就没有旅程。"),
            .zhHant: RuleText(
                summary: "屬性重複出現、情緒超出 -2…2、有 `tolerance` 卻沒有 `wait`、有形展示上帶了 `note` 和 `channel` 以外的屬性；區間的值減小、`servers` 小於 1、占比寫在流程鏈或 `..>` 流程上、同一步驟的 `->` 流程占比合計超過 100%（或每個都有占比卻不足 100%）、`for` 超出 0–100%、`demand` 為 0",
                explanation: "同一步驟上只有 `evidence` 和 `fail` 可以重複；其他屬性以第一個值為準，重複即為錯誤。情緒的值從 -2（非常不滿）到 2（非常滿意）。可容忍時長（`tolerance`）只有與它所限定的等待（`wait`）寫在一起才有意義。有形展示只能帶 `note` 和 `channel`。區間從最小值寫到最大值；每個步驟至少有一個服務者；占比分配從一個步驟經 `->` 離開的顧客，因此只寫在單段的 `->` 流程上，合計最多 100%（每個流程都有占比時須恰好 100%）；承諾針對 0–100% 的顧客；需求為 0 就沒有旅程。"),
        ],
        "moment-off-stage": [
            .zhHans: RuleText(
                summary: "`moment` 标在了后台步骤、支持步骤或有形展示上",
                explanation: "关键时刻是顾客亲身经历的时刻：它只属于顾客步骤或前台步骤，不能标在顾客看不到的工作上。"),
            .zhHant: RuleText(
                summary: "`moment` 標在了後台步驟、支持步驟或有形展示上",
                explanation: "關鍵時刻是顧客親身經歷的時刻：它只屬於顧客步驟或前台步驟，不能標在顧客看不到的工作上。"),
        ],
        "emotion-off-customer": [
            .zhHans: RuleText(
                summary: "`emotion` 写在了非顾客步骤上",
                explanation: "情绪是顾客在旅程某一步的感受；写在员工或系统步骤上不会显示在图上，通常应该写在相邻的顾客步骤上。"),
            .zhHant: RuleText(
                summary: "`emotion` 寫在了非顧客步驟上",
                explanation: "情緒是顧客在旅程某一步的感受；寫在員工或系統步驟上不會顯示在圖上，通常應該寫在相鄰的顧客步驟上。"),
        ],
        "no-customer": [
            .zhHans: RuleText(
                summary: "蓝图没有顾客步骤（报告在开头的 `blueprint` 行）",
                explanation: "服务蓝图是围绕顾客旅程绘制的；没有顾客步骤，就没有可以检查的旅程。"),
            .zhHant: RuleText(
                summary: "藍圖沒有顧客步驟（回報在開頭的 `blueprint` 行）",
                explanation: "服務藍圖是圍繞顧客旅程繪製的；沒有顧客步驟，就沒有可以檢查的旅程。"),
        ],
        "disconnected-step": [
            .zhHans: RuleText(
                summary: "没有任何流程或补救链接把它接到第一个顾客步骤的步骤",
                explanation: "旅程由所有经流程或补救链接（不论方向）与第一个顾客步骤相连的步骤组成。不在旅程中的步骤，通常是漏写了流程。"),
            .zhHant: RuleText(
                summary: "沒有任何流程或補救連結把它接到第一個顧客步驟的步驟",
                explanation: "旅程由所有經流程或補救連結（不論方向）與第一個顧客步驟相連的步驟組成。不在旅程中的步驟，通常是漏寫了流程。"),
        ],
        "visibility-leak": [
            .zhHans: RuleText(
                summary: "从后台或支持步骤直接连到顾客步骤的 `->` 流程",
                explanation: "可视线以下的工作，要通过顾客看得到的东西才能到达顾客：前台步骤或有形展示。从后台直接交接给顾客，就是在顾客看不见的地方越过了可视线。"),
            .zhHant: RuleText(
                summary: "從後台或支持步驟直接連到顧客步驟的 `->` 流程",
                explanation: "可視線以下的工作，要透過顧客看得到的東西才能到達顧客：前台步驟或有形展示。從後台直接交接給顧客，就是在顧客看不見的地方越過了可視線。"),
        ],
        "customer-without-touchpoint": [
            .zhHans: RuleText(
                summary: "顾客步骤既没有与前台步骤之间的流程，也没有有形展示",
                explanation: "顾客的每个行为都会在某处接触到服务：前台员工，或者 App、信件、标识等有形展示。两者都没有的顾客步骤，是服务从未触及的旅程步骤。"),
            .zhHant: RuleText(
                summary: "顧客步驟既沒有與前台步驟之間的流程，也沒有有形展示",
                explanation: "顧客的每個行為都會在某處接觸到服務：前台員工，或者 App、信件、標示等有形展示。兩者都沒有的顧客步驟，是服務從未觸及的旅程步驟。"),
        ],
        "fail-without-recovery": [
            .zhHans: RuleText(
                summary: "没有 `recover` 的失误点",
                explanation: "失误点是已知服务会出问题的地方；蓝图应当用 `recover STEP` 写明由哪个步骤来补救。"),
            .zhHant: RuleText(
                summary: "沒有 `recover` 的失誤點",
                explanation: "失誤點是已知服務會出問題的地方；藍圖應該用 `recover STEP` 寫明由哪個步驟來補救。"),
        ],
        "wait-over-tolerance": [
            .zhHans: RuleText(
                summary: "`wait` 超过 `tolerance` 的步骤",
                explanation: "`tolerance` 是顾客愿意等待的时长。设计的等待超出这个时长，就是预先安排好的一次失望。"),
            .zhHant: RuleText(
                summary: "`wait` 超過 `tolerance` 的步驟",
                explanation: "`tolerance` 是顧客願意等待的時長。設計的等待超出這個時長，就是預先安排好的一次失望。"),
        ],
        "unused-evidence": [
            .zhHans: RuleText(
                summary: "没有任何步骤展示的有形展示",
                explanation: "有形展示画在展示它的步骤上方；没有任何步骤用 `evidence` 引用的有形展示，在旅程中没有位置。"),
            .zhHant: RuleText(
                summary: "沒有任何步驟展示的有形展示",
                explanation: "有形展示畫在展示它的步驟上方；沒有任何步驟用 `evidence` 引用的有形展示，在旅程中沒有位置。"),
        ],
        "empty-phase": [
            .zhHans: RuleText(
                summary: "没有步骤的阶段（只有有形展示不算）",
                explanation: "阶段是图中的一列；没有步骤的阶段（只有有形展示不算）就是一个空列。"),
            .zhHant: RuleText(
                summary: "沒有步驟的階段（只有有形展示不算）",
                explanation: "階段是圖中的一欄；沒有步驟的階段（只有有形展示不算）就是空的一欄。"),
        ],
        "duplicate-phase": [
            .zhHans: RuleText(
                summary: "两个阶段使用了同一个标题（报告第二个）",
                explanation: "每个阶段都是图中的一列，标题相同的两个阶段会画成两列，看起来却像旅程中的同一段。请合并它们，或给每个阶段各自的标题。"),
            .zhHant: RuleText(
                summary: "兩個階段使用了同一個標題（回報第二個）",
                explanation: "每個階段都是圖中的一欄，標題相同的兩個階段會畫成兩欄，看起來卻像旅程中的同一段。請合併它們，或給每個階段各自的標題。"),
        ],
        "self-flow": [
            .zhHans: RuleText(
                summary: "从步骤到它自身的流程（`a -> a`）",
                explanation: "把服务交接给自己的步骤，通常是另一个步骤的笔误。作为 `->` 流程它还是一个循环，会让经过该步骤的每个承诺都没有上限。重复的工作请写成带 `recover` 的失误点。"),
            .zhHant: RuleText(
                summary: "從步驟到它自身的流程（`a -> a`）",
                explanation: "把服務交接給自己的步驟，通常是另一個步驟的筆誤。作為 `->` 流程它還是一個循環，會讓經過該步驟的每個承諾都沒有上限。重複的工作請寫成帶 `recover` 的失誤點。"),
        ],
        "suspicious-character": [
            .zhHans: RuleText(
                summary: "文字中的双向控制字符或不可见格式字符（U+202E 等）",
                explanation: "双向覆盖、嵌入和隔离字符会把周围的文字重新排序，零宽字符则根本看不见，所以一行文字可能读起来与它实际包含的内容不同（“特洛伊源码”）。图中会略去这些字符；请把它们从文件中删除。"),
            .zhHant: RuleText(
                summary: "文字中的雙向控制字元或不可見格式字元（U+202E 等）",
                explanation: "雙向覆寫、嵌入和隔離字元會把周圍的文字重新排序，零寬字元則根本看不見，所以一行文字可能讀起來與它實際包含的內容不同（「特洛伊原始碼」）。圖中會略去這些字元；請把它們從檔案中刪除。"),
        ],
        "unnamed-phase": [
            .zhHans: RuleText(
                summary: "在有阶段的文件中，写在第一个 `phase` 之前的步骤",
                explanation: "写在任何 `phase` 之前的步骤属于一个没有名字的第一阶段，在图中画成没有标题的一列。在给阶段命名的文件里，这几乎总是把步骤误写在了它的 `phase` 行上方。请在它之前开启一个阶段，或把它移到某个阶段之下。"),
            .zhHant: RuleText(
                summary: "在有階段的檔案中，寫在第一個 `phase` 之前的步驟",
                explanation: "寫在任何 `phase` 之前的步驟屬於一個沒有名字的第一階段，在圖中畫成沒有標題的一欄。在為階段命名的檔案裡，這幾乎總是把步驟誤寫在了它的 `phase` 行上方。請在它之前開啟一個階段，或把它移到某個階段之下。"),
        ],
        "promise-broken": [
            .zhHans: RuleText(
                summary: "从 `from` 到 `to` 的最坏情况用时超过 `within`；提示信息会给出用时和路径。针对部分顾客（`for`）的承诺：在 `within` 内到达的顾客比例不足",
                explanation: "承诺在一条路径上的用时，是路径上每个步骤（含起点和终点）的 `wait` 与 `takes` 之和。用时最长的 `->` 路径不超过时限，承诺才算兑现；提示信息会列出这条路径。`for P%` 的承诺，要求从 `from` 到 `to` 的顾客中至少 P% 在时限内到达：每个步骤的时长从其区间中抽取，去向按占比选择；比例由固定种子的模拟得出，提示信息会说明模拟了多少位顾客。"),
            .zhHant: RuleText(
                summary: "從 `from` 到 `to` 的最壞情況用時超過 `within`；提示訊息會給出用時和路徑。針對部分顧客（`for`）的承諾：在 `within` 內到達的顧客比例不足",
                explanation: "承諾在一條路徑上的用時，是路徑上每個步驟（含起點和終點）的 `wait` 與 `takes` 之和。用時最長的 `->` 路徑不超過時限，承諾才算兌現；提示訊息會列出這條路徑。`for P%` 的承諾，要求從 `from` 到 `to` 的顧客中至少 P% 在時限內到達：每個步驟的時長從其區間中抽取，去向按占比選擇；比例由固定種子的模擬得出，提示訊息會說明模擬了多少位顧客。"),
        ],
        "promise-unreachable": [
            .zhHans: RuleText(
                summary: "没有从 `from` 通往 `to` 的 `->` 路径",
                explanation: "承诺沿交接（`->`）来衡量；信息流（`..>`）和补救链接不计在内。如果起点和终点之间没有交接路径，这个承诺就无从衡量。"),
            .zhHant: RuleText(
                summary: "沒有從 `from` 通往 `to` 的 `->` 路徑",
                explanation: "承諾沿著交接（`->`）來衡量；資訊流（`..>`）和補救連結不計在內。如果起點和終點之間沒有交接路徑，這個承諾就無從衡量。"),
        ],
        "promise-loop": [
            .zhHans: RuleText(
                summary: "从 `from` 到 `to` 的路径上有循环，用时没有上限（针对部分顾客（`for`）的承诺除外）",
                explanation: "`->` 循环每多走一圈，用时就再增加一次，所以承诺路径上一旦有循环，任何时限都无法保证。此时只按不含重复步骤的路径检查承诺。如果返工不属于承诺的路径，请把它画成补救链接（`fail … recover`）或信息流（`..>`）。"),
            .zhHant: RuleText(
                summary: "從 `from` 到 `to` 的路徑上有循環，用時沒有上限（針對部分顧客（`for`）的承諾除外）",
                explanation: "`->` 循環每多繞一圈，用時就再增加一次，所以承諾路徑上一旦有循環，任何時限都無法保證。此時只按不含重複步驟的路徑檢查承諾。如果重工不屬於承諾的路徑，請把它畫成補救連結（`fail … recover`）或資訊流（`..>`）。"),
        ],
        "over-capacity": [
            .zhHans: RuleText(
                summary: "负荷达到或超过 100% 的步骤：排队会无限增长",
                explanation: "步骤的负荷是到达率（`demand` 乘以顾客按占比平均到访该步骤的次数）乘以平均 `takes`，再除以 `servers`。达到或超过 100% 时，服务者永远忙不过来，只要还有顾客来，队伍就会一直变长。"),
            .zhHant: RuleText(
                summary: "負荷達到或超過 100% 的步驟：排隊會無限增長",
                explanation: "步驟的負荷是到達率（`demand` 乘以顧客按占比平均到訪該步驟的次數）乘以平均 `takes`，再除以 `servers`。達到或超過 100% 時，服務者永遠忙不過來，只要還有顧客來，隊伍就會一直變長。"),
        ],
        "busy-step": [
            .zhHans: RuleText(
                summary: "负荷高于 85%、低于 100% 的步骤",
                explanation: "负荷超过 85% 后，每多一位顾客，排队时间都会急剧增加：需求稍有上升或某天稍慢，队伍就会很长。请增加服务者或缩短该步骤。"),
            .zhHant: RuleText(
                summary: "負荷高於 85%、低於 100% 的步驟",
                explanation: "負荷超過 85% 後，每多一位顧客，排隊時間都會急劇增加：需求稍有上升或某天稍慢，隊伍就會很長。請增加服務者或縮短該步驟。"),
        ],
        "queue-over-tolerance": [
            .zhHans: RuleText(
                summary: "预计排队时间超过其等待的 `tolerance` 的步骤",
                explanation: "有了 `demand` 和 `servers`，步骤的平均排队时间可由 M/M/N（Erlang C）公式算出。排队比顾客可容忍的时间更长，无论这一步本身做得多好，顾客都会失望。"),
            .zhHant: RuleText(
                summary: "預計排隊時間超過其等待的 `tolerance` 的步驟",
                explanation: "有了 `demand` 和 `servers`，步驟的平均排隊時間可由 M/M/N（Erlang C）公式算出。排隊比顧客可容忍的時間更長，無論這一步本身做得多好，顧客都會失望。"),
        ],
        "promise-untimed": [
            .zhHans: RuleText(
                summary: "承诺路径上的前台、后台或支持步骤没有 `takes`",
                explanation: "没有标准用时（`takes`）的步骤在承诺的用时中按 0 计算，会让承诺显得比实际更容易兑现。顾客步骤花的是顾客自己的时间，不会被报告。"),
            .zhHant: RuleText(
                summary: "承諾路徑上的前台、後台或支持步驟沒有 `takes`",
                explanation: "沒有標準用時（`takes`）的步驟在承諾的用時中按 0 計算，會讓承諾顯得比實際更容易兌現。顧客步驟花的是顧客自己的時間，不會被回報。"),
        ],
    ]
}
