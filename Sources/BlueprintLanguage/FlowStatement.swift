import BlueprintDiagnostics

public enum FlowArrow: String, Hashable, Sendable {
    /// `->`: a hand-off of the service.
    case handOff = "->"
    /// `..>`: an information or support flow.
    case information = "..>"
}

/// `a -> b ..> c : "label"`: the ids [a, b, c] and the arrows [->, ..>] between them; in 1.2 a
/// `, 30%` after them is the share of customers the flow takes.
///
/// The ids, arrows and labels of a file's flow statements live together in one `FlowTable`; a
/// statement holds its place in it. A flow line then costs no allocation of its own, and a file of
/// a million `a -> b` lines a third of the memory an array of ids per statement took.
public struct FlowStatement: Hashable, Sendable {
    // Inlinable, so the model and the rules walking every flow read its ids without a call each.
    @usableFromInline let table: FlowTable
    @usableFromInline let firstID: UInt32
    @usableFromInline let idCount: UInt32
    /// `.max` for a flow without a label.
    @usableFromInline let labelIndex: UInt32
    /// `.max` for a flow without a share.
    @usableFromInline let shareIndex: UInt32

    fileprivate init(table: FlowTable, firstID: Int, idCount: Int, labelIndex: Int?, shareIndex: Int?) {
        self.table = table
        self.firstID = UInt32(firstID)
        self.idCount = UInt32(idCount)
        self.labelIndex = labelIndex.map(UInt32.init) ?? .max
        self.shareIndex = shareIndex.map(UInt32.init) ?? .max
    }

    /// A statement with a table of its own, for a flow built outside the parser.
    public init(ids: [Identifier], arrows: [FlowArrow], label: StringLiteral?, share: PercentLiteral? = nil) {
        precondition(arrows.count == ids.count - 1, "a flow has one arrow between each two ids")
        self = FlowTable().append(ids: ids, arrows: arrows, label: label, share: share)
    }

    @inlinable public var ids: FlowIDs { FlowIDs(table: table, start: Int(firstID), count: Int(idCount)) }
    /// One fewer than the ids: `arrows[i]` links `ids[i]` to `ids[i + 1]`.
    @inlinable public var arrows: FlowArrows { FlowArrows(table: table, start: Int(firstID) + 1, count: Int(idCount) - 1) }
    @inlinable public var label: StringLiteral? { labelIndex == .max ? nil : table.labels[Int(labelIndex)] }
    /// 1.2: `, 30%`, the share of the customers leaving the first step that take this flow.
    @inlinable public var share: PercentLiteral? { shareIndex == .max ? nil : table.shares[Int(shareIndex)] }

    public static func == (lhs: FlowStatement, rhs: FlowStatement) -> Bool {
        lhs.ids.elementsEqual(rhs.ids) && lhs.arrows.elementsEqual(rhs.arrows) && lhs.label == rhs.label && lhs.share == rhs.share
    }

    public func hash(into hasher: inout Hasher) {
        for id in ids { hasher.combine(id) }
        for arrow in arrows { hasher.combine(arrow) }
        hasher.combine(label)
        hasher.combine(share)
    }
}

/// The ids of one flow statement, in order.
public struct FlowIDs: RandomAccessCollection, Sendable {
    @usableFromInline let table: FlowTable
    @usableFromInline let start: Int
    public let count: Int

    @usableFromInline init(table: FlowTable, start: Int, count: Int) {
        self.table = table
        self.start = start
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Identifier {
        precondition(position >= 0 && position < count, "flow id index out of range")
        return Identifier(name: table.names[start + position], start: table.starts[start + position])
    }
}

/// The arrows of one flow statement, in order.
public struct FlowArrows: RandomAccessCollection, Sendable {
    @usableFromInline let table: FlowTable
    @usableFromInline let start: Int
    public let count: Int

    @usableFromInline init(table: FlowTable, start: Int, count: Int) {
        self.table = table
        self.start = start
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> FlowArrow {
        precondition(position >= 0 && position < count, "flow arrow index out of range")
        return table.arrowsInto[start + position]
    }
}

/// The flow statements of one parse, column by column. Only the parser that made a table appends
/// to it, and only before its tree is returned; from then on it is read-only, so it is shared
/// between threads like any immutable value.
///
/// For the same reason no access to a column can overlap a write: the columns go unchecked, where
/// the runtime would otherwise check each read of every flow id by the model and the rules.
@usableFromInline final class FlowTable: @unchecked Sendable {
    /// Each id's name and start: two columns rather than an array of `Identifier`s, whose padding
    /// would add a sixth.
    @exclusivity(unchecked) @usableFromInline private(set) var names: [String] = []
    @exclusivity(unchecked) @usableFromInline private(set) var starts: [SourcePosition] = []
    /// The arrow that leads into the id at the same index; the first id of a flow has none, and
    /// holds `.handOff` as a placeholder.
    @exclusivity(unchecked) @usableFromInline private(set) var arrowsInto: [FlowArrow] = []
    @exclusivity(unchecked) @usableFromInline private(set) var labels: [StringLiteral] = []
    @exclusivity(unchecked) @usableFromInline private(set) var shares: [PercentLiteral] = []

    func append(ids: some Collection<Identifier>, arrows: some Collection<FlowArrow>, label: StringLiteral?, share: PercentLiteral?) -> FlowStatement {
        let firstID = names.count
        for id in ids {
            names.append(id.name)
            starts.append(id.start)
        }
        arrowsInto.append(.handOff)
        arrowsInto.append(contentsOf: arrows)
        var labelIndex: Int?
        if let label {
            labelIndex = labels.count
            labels.append(label)
        }
        var shareIndex: Int?
        if let share {
            shareIndex = shares.count
            shares.append(share)
        }
        return FlowStatement(table: self, firstID: firstID, idCount: ids.count, labelIndex: labelIndex, shareIndex: shareIndex)
    }
}
