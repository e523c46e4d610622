/// A set of attribute names as a bit mask: rules and the model check every
/// attribute of every step for repeats, and a `Set` allocates per step.
public struct AttributeNameSet: Sendable {
    private var bits: UInt16 = 0

    public init() {}

    /// Adds `name`; true when it was not in the set yet.
    public mutating func insert(_ name: AttributeName) -> Bool {
        let bit = UInt16(1) << name.bitIndex
        defer { bits |= bit }
        return bits & bit == 0
    }
}

extension AttributeName {
    fileprivate var bitIndex: UInt16 {
        switch self {
        case .moment: 0
        case .emotion: 1
        case .actor: 2
        case .channel: 3
        case .note: 4
        case .takes: 5
        case .wait: 6
        case .tolerance: 7
        case .fail: 8
        case .evidence: 9
        }
    }
}
