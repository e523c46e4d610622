/// The starting blueprints `blueprint init` writes: small, lint-clean, and commented so each
/// construct explains itself. `TITLE` stands for the blueprint's title.
enum InitTemplate {
    static func text(for locale: InitLocale) -> String {
        switch locale {
        case .en: english
        case .zhHans: simplifiedChinese
        case .zhHant: traditionalChinese
        }
    }

    private static let english = #"""
        # A service blueprint: one statement per line; '#' starts a comment that runs to the end of the line.
        # Check it with 'blueprint lint FILE'; draw it with 'blueprint render FILE -o FILE.svg'.

        # The header names the service; it is the diagram's title and must come first.
        blueprint "TITLE"
        # Who the customer is, and the situation the blueprint follows.
        persona "A first-time customer"
        scenario "The customer asks for the service at the counter and receives it."
        # A promise is a service standard from one step to another, checked against the time standards
        # ('takes' and 'wait') of every path: ask 0 + check 3m + prepare 10m + hand 1m + receive (wait 1m) = 15m <= 20m.
        promise "Served within 20 minutes of asking" from ask to receive within 20m

        # A phase opens a column of the diagram; the steps written after it belong to it.
        phase "Ask"
          # An evidence item: what the customer sees or touches. Steps show it with 'evidence ID'.
          evidence   form    "Request form"
          # A step: a lane, an id, a label, then attributes after commas, in any order.
          customer   ask     "Fills in the request form", evidence form
          # 'moment' marks a moment of truth; 'takes' is the step's time standard; 'fail "…" recover ID'
          # is a fail point and the step that recovers it.
          frontstage check   "Clerk checks the form", moment, actor "Clerk", takes 3m, fail "Form incomplete" recover help
          frontstage help    "Clerk helps to complete the form", takes 5m
          # Backstage: work the customer does not see. Support: the systems and partners behind it.
          backstage  prepare "Team prepares the order", takes 10m
          support    system  "Order system"

        phase "Receive"
          frontstage hand    "Clerk hands the order over", takes 1m
          # 'wait' is the expected wait before the step, 'tolerance' how long the customer accepts to wait;
          # 'emotion' is how the customer feels, from -2 (very unhappy) to 2 (delighted).
          customer   receive "Receives the order", emotion 1, wait 1m, tolerance 5m

        # Flows: '->' hands the service over from one step to the next; '..>' is an information or support flow.
        ask -> check -> prepare -> hand -> receive
        help -> check
        system ..> prepare

        """#

    private static let simplifiedChinese = #"""
        # 服务蓝图：每行一条语句；'#' 开始一条注释，直到行尾。
        # 用 'blueprint lint 文件' 检查它；用 'blueprint render 文件 -o 文件.svg' 画出它。

        # 开头的语句写明服务的名称；它是图的标题，必须写在最前面。
        blueprint "TITLE"
        # 顾客是谁，蓝图描述的是什么情境。
        persona "第一次来办理的顾客"
        scenario "顾客在柜台申请服务并拿到结果。"
        # 'locale' 决定图中泳道和分隔线的默认标题。
        locale zh-Hans
        # 承诺是从一个步骤到另一个步骤的服务标准，按每条路径上的标准时长（'takes' 和 'wait'）检查：
        # ask 0 + check 3m + prepare 10m + hand 1m + receive（wait 1m）= 15m <= 20m。
        promise "申请后20分钟内办完" from ask to receive within 20m

        # 'phase' 开启图中的一列；写在它后面的步骤都属于这一阶段。
        phase "申请"
          # 有形展示：顾客看到或接触到的东西。步骤用 'evidence ID' 展示它。
          evidence   form    "申请表"
          # 步骤：泳道、id、标签，之后是逗号分隔的属性，顺序不限。
          customer   ask     "填写申请表", evidence form
          # 'moment' 标出关键时刻；'takes' 是步骤的标准时长；'fail "…" recover ID' 是失误点及补救它的步骤。
          frontstage check   "柜员审核申请表", moment, actor "柜员", takes 3m, fail "申请表不完整" recover help
          frontstage help    "柜员协助补全申请表", takes 5m
          # 后台：顾客看不到的工作。支持：背后的系统与合作方。
          backstage  prepare "后台准备办理结果", takes 10m
          support    system  "业务系统"

        phase "领取"
          frontstage hand    "柜员交付办理结果", takes 1m
          # 'wait' 是步骤前预计的等待，'tolerance' 是顾客愿意等待的时长；
          # 'emotion' 是顾客的感受，从 -2（非常不满）到 2（非常满意）。
          customer   receive "拿到办理结果", emotion 1, wait 1m, tolerance 5m

        # 流程：'->' 表示把服务交接给下一个步骤；'..>' 表示信息流或支持流。
        ask -> check -> prepare -> hand -> receive
        help -> check
        system ..> prepare

        """#

    private static let traditionalChinese = #"""
        # 服務藍圖：每行一條敘述；'#' 開始一則註解，直到行尾。
        # 用 'blueprint lint 檔案' 檢查它；用 'blueprint render 檔案 -o 檔案.svg' 畫出它。

        # 開頭的敘述寫明服務的名稱；它是圖的標題，必須寫在最前面。
        blueprint "TITLE"
        # 顧客是誰，藍圖描述的是什麼情境。
        persona "第一次來辦理的顧客"
        scenario "顧客在櫃台申請服務並拿到結果。"
        # 'locale' 決定圖中泳道和分隔線的預設標題。
        locale zh-Hant
        # 承諾是從一個步驟到另一個步驟的服務標準，按每條路徑上的標準時長（'takes' 和 'wait'）檢查：
        # ask 0 + check 3m + prepare 10m + hand 1m + receive（wait 1m）= 15m <= 20m。
        promise "申請後20分鐘內辦完" from ask to receive within 20m

        # 'phase' 開啟圖中的一欄；寫在它後面的步驟都屬於這一階段。
        phase "申請"
          # 有形展示：顧客看到或接觸到的東西。步驟用 'evidence ID' 展示它。
          evidence   form    "申請表"
          # 步驟：泳道、id、標籤，之後是逗號分隔的屬性，順序不限。
          customer   ask     "填寫申請表", evidence form
          # 'moment' 標出關鍵時刻；'takes' 是步驟的標準時長；'fail "…" recover ID' 是失誤點及補救它的步驟。
          frontstage check   "櫃員審核申請表", moment, actor "櫃員", takes 3m, fail "申請表不完整" recover help
          frontstage help    "櫃員協助補全申請表", takes 5m
          # 後台：顧客看不到的工作。支持：背後的系統與合作方。
          backstage  prepare "後台準備辦理結果", takes 10m
          support    system  "業務系統"

        phase "領取"
          frontstage hand    "櫃員交付辦理結果", takes 1m
          # 'wait' 是步驟前預計的等待，'tolerance' 是顧客願意等待的時長；
          # 'emotion' 是顧客的感受，從 -2（非常不滿）到 2（非常滿意）。
          customer   receive "拿到辦理結果", emotion 1, wait 1m, tolerance 5m

        # 流程：'->' 表示把服務交接給下一個步驟；'..>' 表示資訊流或支援流。
        ask -> check -> prepare -> hand -> receive
        help -> check
        system ..> prepare

        """#
}
