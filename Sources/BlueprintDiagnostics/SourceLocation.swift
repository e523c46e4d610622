/// A point in a source file. Lines and columns count from 1; columns count
/// Unicode scalars, as the language spec requires. `offset` is the UTF-8 byte
/// offset, for tools that slice the original text.
///
/// Line, column and offset are stored in 32 bits each (a value outside `0..<2³²` traps), which
/// bounds files at 4 GiB: positions make up much of a syntax tree and of the model built from
/// it, and at half the size large files lint markedly faster.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedOffset: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(newValue) }
    }

    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(newValue) }
    }

    public init(line: Int, column: Int, offset: Int = 0) {
        storedLine = UInt32(line)
        storedColumn = UInt32(column)
        storedOffset = UInt32(offset)
    }

    /// The start of a file: where diagnostics about an empty file go.
    public static let fileStart = SourcePosition(line: 1, column: 1, offset: 0)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// Positions are equal when they name the same line and column; the offset follows from them.
    public static func == (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.line == rhs.line && lhs.column == rhs.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text, `start..<end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }

    public static let fileStart = SourceRange(at: .fileStart)

    public var description: String { "\(start)-\(end)" }
}
