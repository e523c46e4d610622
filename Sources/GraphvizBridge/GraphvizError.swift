/// A Graphviz job that failed, with the messages Graphviz itself gave.
public struct GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Graphviz could not start, or found no plugins (its configuration file is missing).
        case unavailable
        /// The graph description was refused: a duplicate node, an edge to an unknown node, …
        case invalidGraph
        case layoutFailed
        case renderFailed
        /// Writing the graph as DOT text failed.
        case writeFailed
    }

    public var kind: Kind
    /// What the bridge was doing.
    public var message: String
    /// Graphviz's error messages, without the `Error: ` prefix.
    public var graphvizErrors: [String]
    /// Graphviz's warnings from the same job, without the `Warning: ` prefix.
    public var graphvizWarnings: [String]

    public init(kind: Kind, message: String, graphvizErrors: [String] = [], graphvizWarnings: [String] = []) {
        self.kind = kind
        self.message = message
        self.graphvizErrors = graphvizErrors
        self.graphvizWarnings = graphvizWarnings
    }

    public var description: String {
        ([message] + graphvizErrors).joined(separator: ": ")
    }
}
