/// Words with a meaning at the start of a statement or in an attribute list.
public enum Keyword {
    public static let laneKeywords = ["evidence", "customer", "frontstage", "onstage", "backstage", "support"]
    public static let statementKeywords = ["blueprint", "persona", "scenario", "owner", "locale", "lane", "line", "phase", "promise"]
        + laneKeywords
    public static let attributeKeywords = AttributeName.allCases.map(\.rawValue)
    public static let lineKinds = BlueprintLine.allCases.map(\.rawValue)
    public static let locales = BlueprintLocale.allCases.map(\.rawValue)
}
