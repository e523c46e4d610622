/// A set of attribute names as a bit mask: rules and the model check every
/// attribute of every step, and a `Set` allocates per step and hashes per lookup.
public struct AttributeNameSet: Sendable, ExpressibleByArrayLiteral {
    private var bits: UInt16 = 0

    public init() {}

    public init(arrayLiteral names: AttributeName...) {
        for name in names { bits |= Self.bit(name) }
    }

    /// Adds `name`; true when it was not in the set yet.
    public mutating func insert(_ name: AttributeName) -> Bool {
        let bit = Self.bit(name)
        defer { bits |= bit }
        return bits & bit == 0
    }

    public func contains(_ name: AttributeName) -> Bool {
        bits & Self.bit(name) != 0
    }

    private static func bit(_ name: AttributeName) -> UInt16 {
        UInt16(1) << name.bitIndex
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
        case .servers: 10
        }
    }
}
