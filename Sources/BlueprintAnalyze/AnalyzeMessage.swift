import BlueprintDiagnostics

/// The words of `blueprint analyze`'s tables.
package enum AnalyzeMessage: MessageCatalog {
    case customers, fewerCustomers, cappedCustomers
    case promisesHeading, contributorsHeading, stepsHeading, noPromises, noSteps
    case promiseColumn, pathColumn, limitColumn, targetColumn, shareColumn, meanColumn, worstCaseColumn, resultColumn
    case stepColumn, varianceColumn, shareIfFastestColumn
    case visitsColumn, arrivalsColumn, serversColumn, utilisationColumn, queueWaitColumn, inProgressColumn
    case kept, broken, notSimulated, unbounded, unboundedLoop

    package var phrase: Phrase {
        switch self {
        case .customers:
            Phrase(en: "{customers} customers simulated for each promise (seed {seed}).",
                   zhHans: "每个承诺模拟 {customers} 位顾客（随机种子 {seed}）。",
                   zhHant: "每個承諾模擬 {customers} 位顧客（隨機種子 {seed}）。")
        case .fewerCustomers:
            Phrase(en: "'{promise}': {customers} customers, as many as a journey this long allows.",
                   zhHans: "“{promise}”：{customers} 位顾客，这么长的旅程最多模拟这些。",
                   zhHant: "「{promise}」：{customers} 位顧客，這麼長的旅程最多模擬這些。")
        case .cappedCustomers:
            Phrase(en: "'{promise}': {customers} customers stopped after 10,000 steps, counted as late.",
                   zhHans: "“{promise}”：{customers} 位顾客走满 10,000 步后停止，计为超时。",
                   zhHant: "「{promise}」：{customers} 位顧客走滿 10,000 步後停止，計為逾時。")
        case .promisesHeading: Phrase(en: "Promises", zhHans: "承诺", zhHant: "承諾")
        case .contributorsHeading: Phrase(en: "Which step matters most", zhHans: "哪一步最关键", zhHant: "哪一步最關鍵")
        case .stepsHeading: Phrase(en: "Steps", zhHans: "步骤", zhHant: "步驟")
        case .noPromises: Phrase(en: "No promises.", zhHans: "没有承诺。", zhHant: "沒有承諾。")
        case .noSteps: Phrase(en: "No step is visited.", zhHans: "没有被访问的步骤。", zhHant: "沒有被訪問的步驟。")
        case .promiseColumn: Phrase(en: "Promise", zhHans: "承诺", zhHant: "承諾")
        case .pathColumn: Phrase(en: "From → to", zhHans: "起 → 止", zhHant: "起 → 止")
        case .limitColumn: Phrase(en: "Limit", zhHans: "时限", zhHant: "時限")
        case .targetColumn: Phrase(en: "Target", zhHans: "目标", zhHant: "目標")
        case .shareColumn: Phrase(en: "In time", zhHans: "按时", zhHant: "準時")
        case .meanColumn: Phrase(en: "Mean", zhHans: "平均", zhHant: "平均")
        case .worstCaseColumn: Phrase(en: "Worst case", zhHans: "最坏情况", zhHant: "最壞情況")
        case .resultColumn: Phrase(en: "Result", zhHans: "结果", zhHant: "結果")
        case .stepColumn: Phrase(en: "Step", zhHans: "步骤", zhHant: "步驟")
        case .varianceColumn: Phrase(en: "Share of variance", zhHans: "方差占比", zhHant: "變異數占比")
        case .shareIfFastestColumn: Phrase(en: "In time if fastest", zhHans: "该步最快时按时", zhHant: "該步最快時準時")
        case .visitsColumn: Phrase(en: "Visits", zhHans: "访问次数", zhHant: "訪問次數")
        case .arrivalsColumn: Phrase(en: "Arrivals/h", zhHans: "每小时到达", zhHant: "每小時到達")
        case .serversColumn: Phrase(en: "Servers", zhHans: "服务台", zhHant: "服務台")
        case .utilisationColumn: Phrase(en: "Utilisation", zhHans: "利用率", zhHant: "利用率")
        case .queueWaitColumn: Phrase(en: "Queue wait", zhHans: "排队等待", zhHant: "排隊等待")
        case .inProgressColumn: Phrase(en: "In progress", zhHans: "在场顾客", zhHant: "在場顧客")
        case .kept: Phrase(en: "kept", zhHans: "达成", zhHant: "達成")
        case .broken: Phrase(en: "broken", zhHans: "未兑现", zhHant: "未兌現")
        case .notSimulated: Phrase(en: "no path", zhHans: "无路径", zhHant: "無路徑")
        case .unbounded: Phrase(en: "unbounded", zhHans: "无上限", zhHant: "無上限")
        case .unboundedLoop: Phrase(en: "unbounded (loop: {steps})", zhHans: "无上限（循环：{steps}）", zhHant: "無上限（循環：{steps}）")
        }
    }
}
