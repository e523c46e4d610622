import BlueprintDiagnostics

/// Why a configuration file cannot be used: every problem found in it, each at its line and column.
/// The linter cannot honour a configuration it does not understand, so it should not run.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Problem: Hashable, Sendable {
        /// Nil when the file as a whole is the problem (unreadable, not UTF-8, a second file beside it).
        public var position: SourcePosition?
        public var message: String

        public init(position: SourcePosition?, message: String) {
            self.position = position
            self.message = message
        }
    }

    /// The configuration file, as found (relative to the working directory when it lies under it).
    public var path: String
    /// Never empty; in the order of the file.
    public var problems: [Problem]

    public init(path: String, problems: [Problem]) {
        self.path = path
        self.problems = problems
    }

    /// One line per problem: `path:line:col: error: message`, as the linter prints diagnostics.
    public var description: String {
        problems.map { problem in
            let location = problem.position.map { "\(path):\($0.line):\($0.column)" } ?? path
            return "\(location): error: \(problem.message)"
        }
        .joined(separator: "\n")
    }
}
