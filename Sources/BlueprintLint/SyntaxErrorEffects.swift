import BlueprintLanguage

/// What the lines with syntax errors may have kept out of the blueprint, so that rules stay quiet
/// about what the errors caused on other lines: a flow line that did not parse leaves steps
/// disconnected and promises unmeasured; a step line whose lane keyword is misspelt leaves its id
/// undeclared. The error itself is reported; its echoes are not.
package struct SyntaxErrorEffects: Sendable {
    /// Every word the bad lines hold after their first.
    private let names: Set<String>
    /// Words on bad lines that may have declared a step or evidence item.
    private let undeclaredNames: Set<String>
    /// A bad line holds an arrow: flows may be missing, so journeys and promise paths are incomplete.
    package let flowsMayBeMissing: Bool
    /// A bad line may have declared a step or evidence item that is missing now.
    package let itemsMayBeMissing: Bool
    /// The parser stopped keeping bad lines (`SyntaxTree.errorLimit`): any of them may have named anything.
    private let unknownLinesRemain: Bool

    package init(_ syntax: SyntaxTree) {
        var names = Set<String>(), undeclared = Set<String>()
        var flows = false, items = false
        for badLine in syntax.badLines {
            names.formUnion(badLine.names)
            if badLine.mayDeclareItem, let id = badLine.names.first {
                undeclared.insert(id)
                items = true
            }
            flows = flows || badLine.mayHoldFlows
        }
        unknownLinesRemain = syntax.omittedErrorCount > 0
        self.names = names
        self.undeclaredNames = undeclared
        self.flowsMayBeMissing = flows || unknownLinesRemain
        self.itemsMayBeMissing = items || unknownLinesRemain
    }

    /// A flow or a step the flows name may be missing: a journey or a promise path may be broken
    /// by the error rather than by the design.
    package var linksMayBeMissing: Bool { flowsMayBeMissing || itemsMayBeMissing }

    /// Whether a bad line names `id`, so what is said about its links may be the error's doing.
    package func mayConcern(_ id: String) -> Bool { unknownLinesRemain || names.contains(id) }

    /// Whether a bad line may have declared `id`.
    package func mayHaveDeclared(_ id: String) -> Bool { unknownLinesRemain || undeclaredNames.contains(id) }
}
