/// A Graphviz job that failed, with the messages Graphviz itself gave.
package struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// Graphviz could not start, or found no plugins (its configuration file is missing).
        case unavailable
        /// The graph description was refused: a duplicate node, an edge to an unknown node, …
        case invalidGraph
        case layoutFailed
        case renderFailed
        /// Writing the graph as DOT text failed.
        case writeFailed
    }

    package var kind: Kind
    /// What the bridge was doing.
    package var message: String
    /// Graphviz's error messages, without the `Error: ` prefix.
    package var graphvizErrors: [String]
    /// Graphviz's warnings from the same job, without the `Warning: ` prefix.
    package var graphvizWarnings: [String]

    package init(kind: Kind, message: String, graphvizErrors: [String] = [], graphvizWarnings: [String] = []) {
        self.kind = kind
        self.message = message
        self.graphvizErrors = graphvizErrors
        self.graphvizWarnings = graphvizWarnings
    }

    package var description: String {
        ([message] + graphvizErrors).joined(separator: ": ")
    }
}
