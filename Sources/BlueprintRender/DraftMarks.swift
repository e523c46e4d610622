import BlueprintLayout

/// What a drawing of a file with errors shows of them (see `Document.drawDraft`): a mark in the title
/// block that counts them, and a red dashed outline on each step whose line has one, with its errors
/// in the step's tooltip.
package struct DraftMarks: Sendable, Hashable {
    package var errorCount: Int
    /// The messages of the errors on each step's declaration line, by the step's index in the blueprint.
    package var stepErrors: [Int: [String]]

    package init(errorCount: Int, stepErrors: [Int: [String]]) {
        self.errorCount = errorCount
        self.stepErrors = stepErrors
    }

    /// The class of a step's box in the SVG when its line has errors.
    package static let stepClass = "draft-error"
    /// The id of the title block's mark.
    package static let markID = "draft-mark"
    /// The mark's words: as large as the title block's fields, and bold, to be seen at a glance.
    static let markStyle = TextStyle(size: 12, bold: true)
}
