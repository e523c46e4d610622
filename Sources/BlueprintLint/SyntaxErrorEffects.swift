import BlueprintLanguage

/// What the lines with syntax errors may have kept out of the blueprint, so that rules stay quiet
/// about what the errors caused on other lines (spec section 8, "Echoes"): a flow line that did not
/// parse leaves steps disconnected and promises unmeasured; a step line whose lane keyword is
/// misspelt leaves its id undeclared. The error itself is reported; its echoes are not.
package struct SyntaxErrorEffects: Sendable {
    /// Every word the bad lines hold after their first.
    private let names: Set<String>
    /// The first words of bad lines that hold an arrow: flows from them may be lost.
    private let flowStarts: Set<String>
    /// The same, less the id each bad step line declares: that line holds no flow to it.
    private let linkedNames: Set<String>
    /// Words on bad lines that may have declared a step or evidence item.
    private let undeclaredNames: Set<String>
    /// Lines with a syntax error that declare their step or evidence item all the same.
    private let declaringLines: Set<Int>
    /// A bad line holds an arrow: flows may be missing, so journeys and promise paths are incomplete.
    package let flowsMayBeMissing: Bool
    /// A bad line may have declared a step or evidence item that is missing now.
    package let itemsMayBeMissing: Bool
    /// The parser stopped keeping bad lines (`SyntaxTree.errorLimit`): any of them may have named anything.
    private let unknownLinesRemain: Bool

    package init(_ syntax: SyntaxTree) {
        var names = Set<String>(), flowStarts = Set<String>(), linked = Set<String>(), undeclared = Set<String>(), declaring = Set<Int>()
        var flows = false, items = false
        for badLine in syntax.badLines {
            names.formUnion(badLine.names)
            if let start = badLine.flowStart { flowStarts.insert(start) }
            linked.formUnion(badLine.names.dropFirst(badLine.declaresItem ? 1 : 0))
            if badLine.declaresItem { declaring.insert(badLine.line) }
            if badLine.mayDeclareItem, let id = badLine.names.first {
                undeclared.insert(id)
                items = true
            }
            flows = flows || badLine.mayHoldFlows
        }
        unknownLinesRemain = syntax.omittedErrorCount > 0
        self.names = names
        self.flowStarts = flowStarts
        self.linkedNames = linked
        self.undeclaredNames = undeclared
        self.declaringLines = declaring
        self.flowsMayBeMissing = flows || unknownLinesRemain
        self.itemsMayBeMissing = items || unknownLinesRemain
    }

    /// Whether a bad line names `id`, so what is said about its links may be the error's doing.
    package func mayConcern(_ id: String) -> Bool { unknownLinesRemain || names.contains(id) }

    /// Whether a flow naming `id` may be lost: a bad line names it, or starts with it and holds an arrow.
    package func mayHaveLostFlow(of id: String) -> Bool { mayConcern(id) || flowStarts.contains(id) }

    /// Whether a bad line names `id` other than as the id it declares: a link to it may be lost.
    package func mayHaveLinked(_ id: String) -> Bool { unknownLinesRemain || linkedNames.contains(id) }

    /// Whether a bad line may have declared `id`.
    package func mayHaveDeclared(_ id: String) -> Bool { unknownLinesRemain || undeclaredNames.contains(id) }

    /// Whether the step or evidence item declared at `line` comes from a bad line, whose lost part
    /// may have held any attribute.
    package func isDeclaredOnBadLine(_ line: Int) -> Bool { declaringLines.contains(line) }
}
