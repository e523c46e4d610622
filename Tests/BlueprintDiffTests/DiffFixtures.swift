/// Pairs of blueprints with known changes, for the comparison tests.
enum DiffFixtures {
    static let before = """
    blueprint "Parcel return"
    persona "Ana"
    demand 6/h
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%

    phase "Ask"
      evidence form "Return form", channel "web"
      customer ask "Ask for a return", evidence form
      frontstage check "Check the order", takes 5m, servers 2
      backstage stock "Update stock", takes 2m
    phase "Ship"
      customer drop "Drop the parcel", emotion -1
      frontstage label "Send a label", takes 10m, servers 2, fail "printer jam"
    phase "Refund"
      backstage refund "Refund the card", takes 20m
      customer survey "Answer a survey"

    ask -> check : "form"
    check -> label -> drop
    drop -> refund
    check ..> stock
    drop ..> stock
    """

    static let after = """
    blueprint "Parcel return"
    persona "Ana, 34"
    demand 9/h
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%

    phase "Request"
      evidence form "Return form", channel "app"
      evidence receipt "Receipt e-mail"
      customer ask "Ask for a return", evidence form, moment
      frontstage review "Check the order", takes 5m, servers 2
      backstage stock "Update stock", takes 3m
    phase "Refund"
      backstage refund "Refund the card", takes 50m, evidence receipt
      support notify "Notify the warehouse", takes 1m
    phase "Ship"
      customer drop "Drop the parcel", emotion -1
      frontstage label "Send a label", takes 10m, servers 2, fail "printer jam" recover reprint
      frontstage reprint "Print again", takes 5m

    ask -> review : "form"
    review -> label -> drop
    drop -> refund : "scanned"
    review ..> stock
    refund ..> notify
    """

    /// `before` with its statements moved about, meaning the same thing.
    static let reordered = """
    blueprint "Parcel return"
    demand 6/h
    persona "Ana"
    promise "Refund in 1h" from ask to refund within 1h
    promise "Label within 30m" from ask to label within 30m for 90%
    check ..> stock
    drop -> refund
    drop ..> stock
    phase "Ask"
      frontstage check "Check the order", servers 2, takes 5m
      customer ask "Ask for a return", evidence form
      backstage stock "Update stock", takes 2m
      evidence form "Return form", channel "web"
    phase "Ship"
      frontstage label "Send a label", fail "printer jam", takes 10m, servers 2
      customer drop "Drop the parcel", emotion -1
    phase "Refund"
      customer survey "Answer a survey"
      backstage refund "Refund the card", takes 20m
    check -> label
    label -> drop
    ask -> check : "form"
    """

    static let chineseBefore = """
    blueprint "门诊挂号"
    locale zh-Hans
    promise "十分钟内挂号" from 到院 to 挂号 within 10m
    phase "到院"
      customer 到院 "到达医院"
      frontstage 分诊 "护士分诊", takes 3m
    phase "挂号"
      frontstage 挂号 "窗口挂号", takes 5m
    到院 -> 分诊 -> 挂号
    """

    static let chineseAfter = """
    blueprint "门诊挂号"
    locale zh-Hans
    promise "十分钟内挂号" from 到院 to 挂号 within 10m
    phase "到院"
      customer 到院 "到达医院"
      frontstage 分诊 "护士分诊", takes 3m
      frontstage 核验 "核验医保卡", takes 4m
    phase "挂号"
      frontstage 挂号 "窗口挂号", takes 5m
    到院 -> 分诊 -> 核验 -> 挂号
    """
}

extension DiffFixtures {
    static let expectedJSON = ""
    static let expectedChineseJSON = ""
    static let expectedChineseText = ""
}
