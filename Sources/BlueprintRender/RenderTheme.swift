import BlueprintLanguage
import BlueprintLayout

/// The colours of a rendered blueprint. Every colour is a `#RRGGBB` string, as Graphviz takes it.
public struct RenderTheme: Sendable, Hashable {
    /// The name `--theme` takes.
    public let name: String

    var background: String
    /// Body text: step labels, titles.
    var text: String
    /// Secondary text: captions, line titles, the legend.
    var mutedText: String
    /// Fill of each lane band, top to bottom.
    var laneFill: [Lane: String]
    /// The lane-title strip at the left of each band.
    var laneTitleFill: String
    var laneTitleText: String
    /// Phase column outlines and the phase header strip.
    var phaseRule: String
    var phaseHeaderFill: String
    var phaseHeaderText: String
    /// The three lines.
    var lineColour: String

    var stepFill: String
    var stepBorder: String
    var evidenceFill: String
    var evidenceBorder: String
    /// Customer step fill by emotion, from -2 (index 0) to 2 (index 4).
    var emotionFill: [String]
    /// The emotion badge, which carries the emotion without colour for greyscale prints.
    var emotionBadgeFill: [String]
    var emotionBadgeText: [String]

    var handOffEdge: String
    var informationEdge: String
    var recoveryEdge: String
    /// Behind edge labels, slightly see-through, so a label stays readable where it meets a line.
    var edgeLabelBackground: String

    var momentBadge: Badge
    var failBadge: Badge
    var waitBadge: Badge
    var timeBadge: Badge
    var keptStatus: Badge
    var brokenStatus: Badge
    var unknownStatus: Badge
    /// How the three lines are drawn (a Graphviz style): dashed on screen; solid in print, where
    /// the dashes of information flows must not read as a second line of visibility.
    var lineStyle: String

    /// A badge's fill, text and border colour (the fill's, unless set).
    struct Badge: Sendable, Hashable {
        var fill: String
        var text: String
        var border: String? = nil
    }

    public static let light = RenderTheme(
        name: "light",
        background: "#FFFFFF",
        text: DiagramPalette.text,
        mutedText: "#5F6B7A",
        laneFill: DiagramPalette.laneFill,
        laneTitleFill: DiagramPalette.laneTitleFill,
        laneTitleText: "#243447",
        phaseRule: "#C9D0D9",
        phaseHeaderFill: DiagramPalette.phaseHeaderFill,
        phaseHeaderText: DiagramPalette.phaseHeaderText,
        lineColour: "#5F6B7A",
        stepFill: DiagramPalette.stepFill,
        stepBorder: DiagramPalette.stepBorder,
        evidenceFill: DiagramPalette.evidenceFill,
        evidenceBorder: DiagramPalette.evidenceBorder,
        emotionFill: DiagramPalette.emotionFill,
        emotionBadgeFill: ["#B83227", "#D9822B", "#8A94A6", "#4C9A4C", "#2E7D32"],
        emotionBadgeText: ["#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFFFFF"],
        handOffEdge: DiagramPalette.handOffEdge,
        informationEdge: DiagramPalette.informationEdge,
        recoveryEdge: DiagramPalette.recoveryEdge,
        edgeLabelBackground: "#FFFFFFE6",
        momentBadge: Badge(fill: "#F4B400", text: "#3B2A00"),
        failBadge: Badge(fill: "#C0392B", text: "#FFFFFF"),
        waitBadge: Badge(fill: "#2F6DB5", text: "#FFFFFF"),
        timeBadge: Badge(fill: "#E4E8EE", text: "#33475B"),
        keptStatus: Badge(fill: "#2E7D32", text: "#FFFFFF"),
        brokenStatus: Badge(fill: "#C0392B", text: "#FFFFFF"),
        unknownStatus: Badge(fill: "#8A94A6", text: "#FFFFFF")
    )

    public static let dark = RenderTheme(
        name: "dark",
        background: "#15191F",
        text: "#E6EAF0",
        mutedText: "#9AA5B4",
        laneFill: [
            .evidence: "#221F19", .customer: "#1A2230", .frontstage: "#1B251D",
            .backstage: "#221D29", .support: "#1E2126",
        ],
        laneTitleFill: "#2A313B",
        laneTitleText: "#DCE3EC",
        phaseRule: "#3A4350",
        phaseHeaderFill: "#3B5068",
        phaseHeaderText: "#F2F5F8",
        lineColour: "#9AA5B4",
        stepFill: "#262D36",
        stepBorder: "#55606E",
        evidenceFill: "#2B2820",
        evidenceBorder: "#7D6E4A",
        emotionFill: ["#5A2A27", "#4E3A28", "#262D36", "#25402A", "#1F4D2A"],
        emotionBadgeFill: ["#E0675C", "#E39B52", "#8A94A6", "#6DBE6D", "#3FA34D"],
        emotionBadgeText: ["#15191F", "#15191F", "#15191F", "#15191F", "#15191F"],
        handOffEdge: "#B8C2CE",
        informationEdge: "#6FA8DC",
        recoveryEdge: "#F0776B",
        edgeLabelBackground: "#15191FE6",
        momentBadge: Badge(fill: "#F4B400", text: "#2A1F00"),
        failBadge: Badge(fill: "#E0675C", text: "#15191F"),
        waitBadge: Badge(fill: "#5B9BE0", text: "#0F1722"),
        timeBadge: Badge(fill: "#3A4350", text: "#DCE3EC"),
        keptStatus: Badge(fill: "#3FA34D", text: "#0F1A10"),
        brokenStatus: Badge(fill: "#E0675C", text: "#15191F"),
        unknownStatus: Badge(fill: "#7F8B99", text: "#15191F")
    )

    /// Greyscale for paper: every marker keeps its glyph and text, so nothing depends on colour.
    public static let print = RenderTheme(
        name: "print",
        background: "#FFFFFF",
        text: "#000000",
        mutedText: "#4D4D4D",
        laneFill: [
            .evidence: "#F7F7F7", .customer: "#FFFFFF", .frontstage: "#F7F7F7",
            .backstage: "#FFFFFF", .support: "#F7F7F7",
        ],
        laneTitleFill: "#E6E6E6",
        laneTitleText: "#000000",
        phaseRule: "#B3B3B3",
        phaseHeaderFill: "#404040",
        phaseHeaderText: "#FFFFFF",
        lineColour: "#000000",
        stepFill: "#FFFFFF",
        stepBorder: "#666666",
        evidenceFill: "#FFFFFF",
        evidenceBorder: "#999999",
        emotionFill: ["#CCCCCC", "#E6E6E6", "#FFFFFF", "#FFFFFF", "#FFFFFF"],
        emotionBadgeFill: ["#000000", "#4D4D4D", "#808080", "#4D4D4D", "#000000"],
        emotionBadgeText: ["#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFFFFF", "#FFFFFF"],
        handOffEdge: "#000000",
        informationEdge: "#666666",
        recoveryEdge: "#000000",
        edgeLabelBackground: "#FFFFFFE6",
        momentBadge: Badge(fill: "#000000", text: "#FFFFFF"),
        failBadge: Badge(fill: "#4D4D4D", text: "#FFFFFF"),
        // Wait filled, takes outlined: on paper two greys alone do not tell them apart.
        waitBadge: Badge(fill: "#BFBFBF", text: "#000000"),
        timeBadge: Badge(fill: "#FFFFFF", text: "#000000", border: "#000000"),
        keptStatus: Badge(fill: "#FFFFFF", text: "#000000"),
        brokenStatus: Badge(fill: "#000000", text: "#FFFFFF"),
        unknownStatus: Badge(fill: "#D9D9D9", text: "#000000"),
        lineStyle: "solid"
    )

    public static let all: [RenderTheme] = [.light, .dark, .print]

    /// The theme `--theme NAME` selects.
    public init?(named name: String) {
        guard let theme = Self.all.first(where: { $0.name == name }) else { return nil }
        self = theme
    }

    private init(
        name: String, background: String, text: String, mutedText: String, laneFill: [Lane: String],
        laneTitleFill: String, laneTitleText: String, phaseRule: String, phaseHeaderFill: String,
        phaseHeaderText: String, lineColour: String, stepFill: String, stepBorder: String, evidenceFill: String,
        evidenceBorder: String, emotionFill: [String], emotionBadgeFill: [String], emotionBadgeText: [String],
        handOffEdge: String, informationEdge: String, recoveryEdge: String, edgeLabelBackground: String, momentBadge: Badge, failBadge: Badge,
        waitBadge: Badge, timeBadge: Badge, keptStatus: Badge, brokenStatus: Badge, unknownStatus: Badge,
        lineStyle: String = "dashed"
    ) {
        self.name = name
        self.background = background
        self.text = text
        self.mutedText = mutedText
        self.laneFill = laneFill
        self.laneTitleFill = laneTitleFill
        self.laneTitleText = laneTitleText
        self.phaseRule = phaseRule
        self.phaseHeaderFill = phaseHeaderFill
        self.phaseHeaderText = phaseHeaderText
        self.lineColour = lineColour
        self.stepFill = stepFill
        self.stepBorder = stepBorder
        self.evidenceFill = evidenceFill
        self.evidenceBorder = evidenceBorder
        self.emotionFill = emotionFill
        self.emotionBadgeFill = emotionBadgeFill
        self.emotionBadgeText = emotionBadgeText
        self.handOffEdge = handOffEdge
        self.informationEdge = informationEdge
        self.recoveryEdge = recoveryEdge
        self.edgeLabelBackground = edgeLabelBackground
        self.momentBadge = momentBadge
        self.failBadge = failBadge
        self.waitBadge = waitBadge
        self.timeBadge = timeBadge
        self.keptStatus = keptStatus
        self.brokenStatus = brokenStatus
        self.unknownStatus = unknownStatus
        self.lineStyle = lineStyle
    }
}
