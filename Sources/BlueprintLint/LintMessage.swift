import BlueprintDiagnostics
import BlueprintLanguage

/// What the lint rules say: messages, the notes of related locations and fix titles.
package enum LintMessage: MessageCatalog {
    case missingHeader, noCustomer, duplicateID, firstDeclaredHere
    case unknownStepInFlow, unknownStepInRecover, unknownEvidence, unknownStepInPromise
    case flowNamesEvidence, recoverNamesEvidence, promiseNamesEvidence, evidenceNamesStep, declaredAsEvidence, declaredAsStep
    case evidenceTakesOnlyNoteAndChannel, attributeRepeated, firstGivenHere, emotionOutOfRange, toleranceWithoutWait
    case spanDecreases, serversBelowOne, shareOnChain, shareOnInformationFlow, sharesOverHundred, sharesUnderHundred
    case promiseShareOutOfRange, demandZero
    case momentOnEvidence, momentOffStage, emotionOffCustomer
    case disconnected, journeyStartsHere, visibilityLeak, customerStepHere, noTouchpoint
    case failWithoutRecovery, waitOverTolerance, unusedEvidence, emptyPhase
    case duplicatePhase, firstTitledHere, selfFlow, unnamedPhase, suspiciousCharacter, removeCharacter
    case promiseBroken, searchBoundedSuffix, stepCost, promiseUnreachable, promiseFromHere, promiseToHere
    case promiseLoop, loopSearchBoundedSuffix, andMore, onTheLoop, promiseUntimed, promiseHere
    case promiseShareBroken, overCapacity, busyStep, queueOverTolerance, promiseCostOverflows
    case laneEvidence, laneCustomer, laneFrontstage, laneBackstage, laneSupport
    case ignoreOnThisLine

    package var phrase: Phrase {
        switch self {
        case .missingHeader: Phrase(
            en: "the file does not start with 'blueprint \"Title\"'",
            zhHans: "文件没有以 'blueprint \"标题\"' 开头", zhHant: "檔案沒有以 'blueprint \"標題\"' 開頭")
        case .noCustomer: Phrase(
            en: "the blueprint has no customer step: declare the customer's actions with 'customer ID \"…\"'",
            zhHans: "蓝图没有顾客步骤：用 'customer ID \"…\"' 写出顾客的行为",
            zhHant: "藍圖沒有顧客步驟：用 'customer ID \"…\"' 寫出顧客的行為")
        case .duplicateID: Phrase(
            en: "duplicate id '{id}': it is already declared at line {line}",
            zhHans: "id '{id}' 重复：第 {line} 行已声明过", zhHant: "id '{id}' 重複：第 {line} 行已宣告過")
        case .firstDeclaredHere: Phrase(en: "first declared here", zhHans: "首次声明于此", zhHant: "首次宣告於此")

        case .unknownStepInFlow: Phrase(
            en: "flow refers to unknown step '{id}'", zhHans: "流程引用了未知的步骤 '{id}'", zhHant: "流程引用了未知的步驟 '{id}'")
        case .unknownStepInRecover: Phrase(
            en: "'recover' refers to unknown step '{id}'", zhHans: "'recover' 引用了未知的步骤 '{id}'", zhHant: "'recover' 引用了未知的步驟 '{id}'")
        case .unknownEvidence: Phrase(
            en: "'evidence' refers to unknown evidence item '{id}'",
            zhHans: "'evidence' 引用了未知的有形展示 '{id}'", zhHant: "'evidence' 引用了未知的有形展示 '{id}'")
        case .unknownStepInPromise: Phrase(
            en: "promise refers to unknown step '{id}'", zhHans: "承诺引用了未知的步骤 '{id}'", zhHant: "承諾引用了未知的步驟 '{id}'")

        case .flowNamesEvidence: Phrase(
            en: "flow refers to evidence item '{id}', not a step",
            zhHans: "流程引用的 '{id}' 是有形展示，不是步骤", zhHant: "流程引用的 '{id}' 是有形展示，不是步驟")
        case .recoverNamesEvidence: Phrase(
            en: "'recover' names evidence item '{id}', not a step",
            zhHans: "'recover' 指向的 '{id}' 是有形展示，不是步骤", zhHant: "'recover' 指向的 '{id}' 是有形展示，不是步驟")
        case .promiseNamesEvidence: Phrase(
            en: "promise refers to evidence item '{id}', not a step",
            zhHans: "承诺引用的 '{id}' 是有形展示，不是步骤", zhHant: "承諾引用的 '{id}' 是有形展示，不是步驟")
        case .evidenceNamesStep: Phrase(
            en: "'evidence' names step '{id}', not an evidence item",
            zhHans: "'evidence' 指向的 '{id}' 是步骤，不是有形展示", zhHant: "'evidence' 指向的 '{id}' 是步驟，不是有形展示")
        case .declaredAsEvidence: Phrase(
            en: "'{id}' is declared here as an evidence item", zhHans: "'{id}' 在此声明为有形展示", zhHant: "'{id}' 在此宣告為有形展示")
        case .declaredAsStep: Phrase(
            en: "'{id}' is declared here as a step", zhHans: "'{id}' 在此声明为步骤", zhHant: "'{id}' 在此宣告為步驟")

        case .evidenceTakesOnlyNoteAndChannel: Phrase(
            en: "evidence item '{id}' takes only 'note' and 'channel', not '{attribute}'",
            zhHans: "有形展示 '{id}' 只能带 'note' 和 'channel'，不能带 '{attribute}'",
            zhHant: "有形展示 '{id}' 只能帶 'note' 和 'channel'，不能帶 '{attribute}'")
        case .attributeRepeated: Phrase(
            en: "'{attribute}' is given more than once; the first value counts",
            zhHans: "'{attribute}' 出现了不止一次；以第一个值为准", zhHant: "'{attribute}' 出現了不止一次；以第一個值為準")
        case .firstGivenHere: Phrase(en: "first given here", zhHans: "首次出现于此", zhHant: "首次出現於此")
        case .emotionOutOfRange: Phrase(
            en: "emotion {value} is outside -2…2 (-2 very unhappy, 2 delighted)",
            zhHans: "情绪 {value} 超出 -2…2 的范围（-2 非常不满，2 非常满意）",
            zhHant: "情緒 {value} 超出 -2…2 的範圍（-2 非常不滿，2 非常滿意）")
        case .toleranceWithoutWait: Phrase(
            en: "'tolerance' needs a 'wait' on the same step: it is how long the customer accepts to wait",
            zhHans: "'tolerance' 需要同一步骤上的 'wait'：它是顾客愿意等待的时长",
            zhHant: "'tolerance' 需要同一步驟上的 'wait'：它是顧客願意等待的時長")
        case .spanDecreases: Phrase(
            en: "the values of span '{span}' decrease: write them from the smallest to the largest",
            zhHans: "区间 '{span}' 的值在减小：应从最小值写到最大值",
            zhHant: "區間 '{span}' 的值在減小：應從最小值寫到最大值")
        case .serversBelowOne: Phrase(
            en: "'servers {value}' is below 1: at least one person or machine serves a step",
            zhHans: "'servers {value}' 小于 1：每个步骤至少由一个人或一台机器服务",
            zhHant: "'servers {value}' 小於 1：每個步驟至少由一個人或一台機器服務")
        case .shareOnChain: Phrase(
            en: "a share is written only on a flow of one link, not on a chain",
            zhHans: "占比只能写在单段流程上，不能写在流程链上",
            zhHant: "占比只能寫在單段流程上，不能寫在流程鏈上")
        case .shareOnInformationFlow: Phrase(
            en: "a share is written only on a '->' flow: '..>' flows carry no customers",
            zhHans: "占比只能写在 '->' 流程上：'..>' 流程不承载顾客",
            zhHant: "占比只能寫在 '->' 流程上：'..>' 流程不承載顧客")
        case .sharesOverHundred: Phrase(
            en: "the shares of the '->' flows leaving '{id}' add up to {total}, over 100%",
            zhHans: "从 '{id}' 出发的 '->' 流程占比合计 {total}，超过 100%",
            zhHant: "從 '{id}' 出發的 '->' 流程占比合計 {total}，超過 100%")
        case .sharesUnderHundred: Phrase(
            en: "every '->' flow leaving '{id}' has a share, and they add up to {total}, under 100%",
            zhHans: "从 '{id}' 出发的每个 '->' 流程都有占比，合计 {total}，不足 100%",
            zhHant: "從 '{id}' 出發的每個 '->' 流程都有占比，合計 {total}，不足 100%")
        case .promiseShareOutOfRange: Phrase(
            en: "'for {value}' is outside 0–100%",
            zhHans: "'for {value}' 超出 0–100% 的范围", zhHant: "'for {value}' 超出 0–100% 的範圍")
        case .demandZero: Phrase(
            en: "'demand {rate}' is 0: no customer starts the journey",
            zhHans: "'demand {rate}' 为 0：没有顾客开始这段旅程", zhHant: "'demand {rate}' 為 0：沒有顧客開始這段旅程")

        case .momentOnEvidence: Phrase(
            en: "'moment' on evidence item '{id}': a moment of truth is a customer or frontstage step",
            zhHans: "有形展示 '{id}' 上的 'moment'：关键时刻只能是顾客或前台步骤",
            zhHant: "有形展示 '{id}' 上的 'moment'：關鍵時刻只能是顧客或前台步驟")
        case .momentOffStage: Phrase(
            en: "'moment' on {lane} step '{id}': the customer does not see it; mark a customer or frontstage step",
            zhHans: "{lane}步骤 '{id}' 上的 'moment'：顾客看不到它；请标在顾客或前台步骤上",
            zhHant: "{lane}步驟 '{id}' 上的 'moment'：顧客看不到它；請標在顧客或前台步驟上")
        case .emotionOffCustomer: Phrase(
            en: "'emotion' on {lane} step '{id}': emotion is the customer's, put it on a customer step",
            zhHans: "{lane}步骤 '{id}' 上的 'emotion'：情绪属于顾客，请写在顾客步骤上",
            zhHant: "{lane}步驟 '{id}' 上的 'emotion'：情緒屬於顧客，請寫在顧客步驟上")

        case .disconnected: Phrase(
            en: "{lane} step '{id}' is not joined to the journey that starts at '{first}': no flow or recovery link leads to it",
            zhHans: "{lane}步骤 '{id}' 没有接入从 '{first}' 开始的旅程：没有流程或补救链接通向它",
            zhHant: "{lane}步驟 '{id}' 沒有接入從 '{first}' 開始的旅程：沒有流程或補救連結通向它")
        case .journeyStartsHere: Phrase(en: "the journey starts here", zhHans: "旅程从这里开始", zhHant: "旅程從這裡開始")
        case .visibilityLeak: Phrase(
            en: "{lane} step '{from}' hands off straight to customer step '{to}': route it through a frontstage step the customer sees",
            zhHans: "{lane}步骤 '{from}' 直接交给顾客步骤 '{to}'：应经由顾客看得到的前台步骤",
            zhHant: "{lane}步驟 '{from}' 直接交給顧客步驟 '{to}'：應經由顧客看得到的前台步驟")
        case .customerStepHere: Phrase(
            en: "customer step '{id}' is declared here", zhHans: "顾客步骤 '{id}' 在此声明", zhHant: "顧客步驟 '{id}' 在此宣告")
        case .noTouchpoint: Phrase(
            en: "customer step '{id}' has no touchpoint: no flow to or from a frontstage step and no 'evidence'",
            zhHans: "顾客步骤 '{id}' 没有接触点：没有与前台步骤之间的流程，也没有 'evidence'",
            zhHant: "顧客步驟 '{id}' 沒有接觸點：沒有與前台步驟之間的流程，也沒有 'evidence'")

        case .failWithoutRecovery: Phrase(
            en: "fail point \"{description}\" on '{id}' has no recovery: add 'recover STEP'",
            zhHans: "'{id}' 上的失误点 \"{description}\" 没有补救：请加上 'recover 步骤'",
            zhHant: "'{id}' 上的失誤點 \"{description}\" 沒有補救：請加上 'recover 步驟'")
        case .waitOverTolerance: Phrase(
            en: "'{id}' makes the customer wait {wait}, {over} over the tolerance of {tolerance}",
            zhHans: "'{id}' 让顾客等待 {wait}，比可容忍的 {tolerance} 多 {over}",
            zhHant: "'{id}' 讓顧客等待 {wait}，比可容忍的 {tolerance} 多 {over}")
        case .unusedEvidence: Phrase(
            en: "evidence item '{id}' is not shown by any step: add 'evidence {id}' to the steps that show it",
            zhHans: "没有步骤展示有形展示 '{id}'：请在展示它的步骤上加上 'evidence {id}'",
            zhHant: "沒有步驟展示有形展示 '{id}'：請在展示它的步驟上加上 'evidence {id}'")
        case .emptyPhase: Phrase(
            en: "phase \"{title}\" has no steps", zhHans: "阶段 \"{title}\" 没有步骤", zhHant: "階段 \"{title}\" 沒有步驟")
        case .duplicatePhase: Phrase(
            en: "phase \"{title}\" is already opened at line {line}: merge the two, or give each its own title",
            zhHans: "阶段 \"{title}\" 已在第 {line} 行开启过：请合并两者，或给它们各自的标题",
            zhHant: "階段 \"{title}\" 已在第 {line} 行開啟過：請合併兩者，或給它們各自的標題")
        case .firstTitledHere: Phrase(en: "first opened here", zhHans: "首次开启于此", zhHant: "首次開啟於此")
        case .selfFlow: Phrase(
            en: "flow from '{id}' to itself: did you mean another step?",
            zhHans: "从 '{id}' 到它自身的流程：是否想指向另一个步骤？",
            zhHant: "從 '{id}' 到它自身的流程：是否想指向另一個步驟？")
        case .suspiciousCharacter: Phrase(
            en: "invisible character {character}: it can make the text read differently from what it holds",
            zhHans: "不可见字符 {character}：它会让文字看起来与实际内容不同",
            zhHant: "不可見字元 {character}：它會讓文字看起來與實際內容不同")
        case .removeCharacter: Phrase(
            en: "remove {character}",
            zhHans: "删除 {character}",
            zhHant: "刪除 {character}")
        case .unnamedPhase: Phrase(
            en: "step '{id}' comes before the first phase \"{title}\", so it lands in a column without a title: open a phase above it",
            zhHans: "步骤 '{id}' 写在第一个阶段 \"{title}\" 之前，会落在没有标题的一列：请在它上方开启一个阶段",
            zhHant: "步驟 '{id}' 寫在第一個階段 \"{title}\" 之前，會落在沒有標題的一欄：請在它上方開啟一個階段")

        case .promiseBroken: Phrase(
            en: "promise \"{description}\" costs {cost} via {path}, {over} over the promised {within}",
            zhHans: "承诺 \"{description}\" 经由 {path} 需要 {cost}，比承诺的 {within} 多 {over}",
            zhHant: "承諾 \"{description}\" 經由 {path} 需要 {cost}，比承諾的 {within} 多 {over}")
        case .promiseCostOverflows: Phrase(
            en: "promise \"{description}\" costs more than can be counted via {path}: its times add up past the largest duration, far over the promised {within}",
            zhHans: "承诺 \"{description}\" 经由 {path} 的用时之和超出可计算的最大时长，远超承诺的 {within}",
            zhHant: "承諾 \"{description}\" 經由 {path} 的用時之和超出可計算的最大時長，遠超承諾的 {within}")
        case .searchBoundedSuffix: Phrase(
            en: " (the search over paths with loops stopped at its bound; the worst case may cost more)",
            zhHans: "（含循环路径的搜索到达上限后停止；最坏情况可能更久）",
            zhHant: "（含循環路徑的搜尋到達上限後停止；最壞情況可能更久）")
        case .stepCost: Phrase(
            en: "'{id}' adds {cost}", zhHans: "'{id}' 计入 {cost}", zhHant: "'{id}' 計入 {cost}")
        case .promiseUnreachable: Phrase(
            en: "promise \"{description}\" cannot be measured: no '->' path leads from '{from}' to '{to}'",
            zhHans: "承诺 \"{description}\" 无法衡量：没有从 '{from}' 到 '{to}' 的 '->' 路径",
            zhHant: "承諾 \"{description}\" 無法衡量：沒有從 '{from}' 到 '{to}' 的 '->' 路徑")
        case .promiseFromHere: Phrase(en: "the promise starts here", zhHans: "承诺从这里开始", zhHant: "承諾從這裡開始")
        case .promiseToHere: Phrase(en: "the promise ends here", zhHans: "承诺在这里结束", zhHant: "承諾在這裡結束")
        case .promiseLoop: Phrase(
            en: "a '->' loop through {steps} lies on a path of promise \"{description}\", so its cost has no bound; it was checked over the paths without a repeated step",
            zhHans: "经过 {steps} 的 '->' 循环位于承诺 \"{description}\" 的路径上，因此其用时没有上限；已按不含重复步骤的路径检查",
            zhHant: "經過 {steps} 的 '->' 循環位於承諾 \"{description}\" 的路徑上，因此其用時沒有上限；已按不含重複步驟的路徑檢查")
        case .loopSearchBoundedSuffix: Phrase(
            en: ", and that search stopped at its bound, so the worst case found may be too low",
            zhHans: "，且该搜索到达上限后停止，找到的最坏情况可能偏低",
            zhHant: "，且該搜尋到達上限後停止，找到的最壞情況可能偏低")
        case .andMore: Phrase(en: "{list} and {count} more", zhHans: "{list} 等另外 {count} 个", zhHant: "{list} 等另外 {count} 個")
        case .onTheLoop: Phrase(en: "on the loop", zhHans: "位于循环上", zhHant: "位於循環上")
        case .promiseUntimed: Phrase(
            en: "{lane} step '{id}' lies on a path of promise \"{description}\" but has no 'takes'; it counts as 0",
            zhHans: "{lane}步骤 '{id}' 位于承诺 \"{description}\" 的路径上，但没有 'takes'；按 0 计算",
            zhHant: "{lane}步驟 '{id}' 位於承諾 \"{description}\" 的路徑上，但沒有 'takes'；按 0 計算")
        case .promiseShareBroken: Phrase(
            en: "promise \"{description}\" is broken: {share} within {within}, the promise is for {target} ({customers} customers simulated)",
            zhHans: "承诺 \"{description}\" 未兑现：{share} 在 {within} 内完成，承诺的是 {target}（模拟了 {customers} 位顾客）",
            zhHant: "承諾 \"{description}\" 未兌現：{share} 在 {within} 內完成，承諾的是 {target}（模擬了 {customers} 位顧客）")
        case .overCapacity: Phrase(
            en: "'{id}' is loaded to {utilisation}: {arrivals} customers an hour, {takes} each, for {servers} servers; its queue grows without end",
            zhHans: "'{id}' 的负荷为 {utilisation}：每小时 {arrivals} 位顾客，每位 {takes}，只有 {servers} 个服务者；排队会无限增长",
            zhHant: "'{id}' 的負荷為 {utilisation}：每小時 {arrivals} 位顧客，每位 {takes}，只有 {servers} 個服務者；排隊會無限增長")
        case .busyStep: Phrase(
            en: "'{id}' is loaded to {utilisation}: {arrivals} customers an hour, {takes} each, for {servers} servers; queues grow long above 85%",
            zhHans: "'{id}' 的负荷为 {utilisation}：每小时 {arrivals} 位顾客，每位 {takes}，{servers} 个服务者；负荷超过 85% 时排队会变长",
            zhHant: "'{id}' 的負荷為 {utilisation}：每小時 {arrivals} 位顧客，每位 {takes}，{servers} 個服務者；負荷超過 85% 時排隊會變長")
        case .queueOverTolerance: Phrase(
            en: "customers queue {wait} at '{id}' on average, longer than the tolerance of {tolerance}",
            zhHans: "顾客在 '{id}' 平均排队 {wait}，超过可容忍的 {tolerance}",
            zhHant: "顧客在 '{id}' 平均排隊 {wait}，超過可容忍的 {tolerance}")
        case .promiseHere: Phrase(en: "the promise", zhHans: "该承诺", zhHant: "該承諾")

        case .laneEvidence: Phrase(en: "evidence", zhHans: "有形展示", zhHant: "有形展示")
        case .laneCustomer: Phrase(en: "customer", zhHans: "顾客", zhHant: "顧客")
        case .laneFrontstage: Phrase(en: "frontstage", zhHans: "前台", zhHant: "前台")
        case .laneBackstage: Phrase(en: "backstage", zhHans: "后台", zhHant: "後台")
        case .laneSupport: Phrase(en: "support", zhHans: "支持", zhHant: "支持")

        case .ignoreOnThisLine: Phrase(
            en: "ignore {rule} on this line", zhHans: "在本行忽略 {rule}", zhHant: "在本行忽略 {rule}")
        }
    }

    /// A lane as a message names it: the keyword in English, the lane's name in Chinese.
    static func lane(_ lane: Lane) -> MessageArgument {
        let entry: LintMessage = switch lane {
        case .evidence: .laneEvidence
        case .customer: .laneCustomer
        case .frontstage: .laneFrontstage
        case .backstage: .laneBackstage
        case .support: .laneSupport
        }
        return .message(Message(entry))
    }
}
