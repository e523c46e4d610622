import BlueprintLanguage

/// The light theme's colours, `#RRGGBB`: the drawing's (BlueprintRender's `RenderTheme.light`) and
/// those of the exports that carry colour, so an exported diagram looks like ours.
package enum DiagramPalette {
    package static let text = "#1F2933"
    /// Fill of each lane band.
    package static let laneFill: [Lane: String] = [
        .evidence: "#FAF6EC", .customer: "#EEF3FA", .frontstage: "#F1F6EF",
        .backstage: "#F5F2F8", .support: "#F2F3F5",
    ]
    package static let laneTitleFill = "#E3E7ED"
    package static let phaseHeaderFill = "#33475B"
    package static let phaseHeaderText = "#FFFFFF"
    package static let stepFill = "#FFFFFF"
    package static let stepBorder = "#A9B4C2"
    package static let evidenceFill = "#FFFDF6"
    package static let evidenceBorder = "#C8B68A"
    /// Customer step fill by emotion, from -2 (index 0) to 2 (index 4).
    package static let emotionFill = ["#F6C9C4", "#FBE3D0", "#FFFFFF", "#E0F0DC", "#C5E5C0"]
    package static let handOffEdge = "#3E4C5E"
    package static let informationEdge = "#3A7BC8"
    package static let recoveryEdge = "#C0392B"

    /// The fill of a customer step with `emotion` (clamped to -2…2).
    package static func emotionFill(_ emotion: Int) -> String { emotionFill[min(max(emotion, -2), 2) + 2] }
}
