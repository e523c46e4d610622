import BlueprintLanguage

/// Why a query that changes the text refused, with the message shown to the user in the document's
/// language.
package struct EditorError: Error, Hashable, Sendable {
    package enum Reason: Hashable, Sendable {
        /// The cursor is not on the id of a declared step or evidence item.
        case notRenamable
        /// The new name is not an id, or another step or evidence item has it.
        case unacceptableName
        /// The file has a syntax error, and is never half formatted.
        case notFormatted
    }

    package var reason: Reason
    package var message: String
}
