import BlueprintTestSupport

/// The files the protocol tests open.
enum Fixture {
    /// The spec's complete example, lint-clean.
    static let english = outageRepair

    /// Simplified Chinese, with an id outside the Basic Multilingual Plane (𠀀 is two UTF-16 code
    /// units and four UTF-8 bytes), so positions differ in each encoding.
    static let chinese = """
    blueprint "银行取号"
    locale zh-Hans
    promise "取号后20分钟内叫号" from 𠀀取号 to 叫号 within 20m

    phase "到店"
      evidence   号票   "排队号票"
      customer   𠀀取号 "在取号机取号", evidence 号票
      frontstage 叫号   "柜员叫号", takes 1m
      backstage  审单   "审单", takes 2m, fail "资料缺失" recover 叫号
      support    系统   "排队系统"

    𠀀取号 -> 叫号 -> 审单
    系统 ..> 审单

    """
}
