import BlueprintLanguage

/// A part of the canonical layout. Sections follow each other in this order, one blank line apart.
enum Section: Hashable {
    /// The header, then persona, scenario, owner, demand, locale, lane titles, line titles and promises.
    case preamble
    /// The steps and evidence items after the n-th `phase` line, that line included;
    /// `phase(0)` holds those written before any phase.
    case phase(Int)
    case flows
}

/// Where a statement goes in the canonical layout.
struct Placement {
    /// Index into the syntax tree's statements.
    var statement: Int
    var section: Section
}

enum CanonicalOrder {
    /// The statements in canonical order.
    ///
    /// The file's first statement stays first: it is the header, or in a file without one it is where
    /// `missing-header` is reported, and comments above it apply to the whole file. The others go to
    /// their sections. Moves keep meaning: within the preamble, statements are sorted stably by kind,
    /// so the first persona still wins, the last locale still counts and promises keep their order;
    /// steps, evidence items and `phase` lines keep their exact order, because which phase a step
    /// belongs to depends on it; flows keep theirs.
    static func placements(of statements: [Statement]) -> [Placement] {
        var inSourceOrder: [Placement] = []
        inSourceOrder.reserveCapacity(statements.count)
        var phaseNumber = 0
        for index in statements.indices {
            let section: Section
            switch statements[index].kind {
            case .header, .meta, .demand, .locale, .laneTitle, .lineTitle, .promise:
                section = .preamble
            case .phase:
                phaseNumber += 1
                section = .phase(phaseNumber)
            case .step:
                section = .phase(phaseNumber)
            case .flow:
                section = .flows
            }
            inSourceOrder.append(Placement(statement: index, section: section))
        }
        guard let first = inSourceOrder.first else { return [] }
        let others = inSourceOrder.dropFirst()
        let preamble = others.filter { $0.section == .preamble }.sorted { lhs, rhs in
            let left = preambleRank(of: statements[lhs.statement].kind), right = preambleRank(of: statements[rhs.statement].kind)
            return (left.kind, left.order, lhs.statement) < (right.kind, right.order, rhs.statement)
        }
        let body = others.filter { if case .phase = $0.section { true } else { false } }
        let flows = others.filter { $0.section == .flows }
        return [first] + preamble + body + flows
    }

    /// Header; persona, scenario, owner, demand; locale; lane titles top to bottom; line titles top to bottom; promises.
    private static func preambleRank(of kind: StatementKind) -> (kind: Int, order: Int) {
        switch kind {
        case .header: (0, 0)
        case .meta(let meta): (1, MetaField.allCases.firstIndex(of: meta.field)!)
        case .demand: (1, MetaField.allCases.count)
        case .locale: (2, 0)
        case .laneTitle(let title): (3, Lane.allCases.firstIndex(of: title.lane)!)
        case .lineTitle(let title): (4, BlueprintLine.allCases.firstIndex(of: title.line)!)
        case .promise: (5, 0)
        case .phase, .step, .flow: preconditionFailure("not a preamble statement")
        }
    }
}
