import BlueprintLanguage
import BlueprintModel

/// A sheet to print on.
public enum PaperSize: String, CaseIterable, Sendable {
    case a4, a3, a2, a1, a0, letter, tabloid
    /// A 16:9 presentation slide, 13.33 × 7.5 inches.
    case slide

    /// Width and height in points, the short side first.
    package var shortAndLongSide: (Double, Double) {
        switch self {
        case .a4: (595.28, 841.89)
        case .a3: (841.89, 1190.55)
        case .a2: (1190.55, 1683.78)
        case .a1: (1683.78, 2383.94)
        case .a0: (2383.94, 3370.39)
        case .letter: (612, 792)
        case .tabloid: (792, 1224)
        case .slide: (540, 960)
        }
    }

    /// Read as written on the command line: `A3`, `a3`, `Letter`.
    public init?(named name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// `A3`, `letter`, as the command line shows it.
    public var name: String { rawValue.hasPrefix("a") ? rawValue.uppercased() : rawValue }
}

public enum PageOrientation: String, CaseIterable, Sendable {
    case landscape, portrait
}

/// The paper a blueprint is printed on.
public struct PageSetup: Sendable, Hashable {
    public var paper: PaperSize
    public var orientation: PageOrientation

    public init(paper: PaperSize, orientation: PageOrientation = .landscape) {
        self.paper = paper
        self.orientation = orientation
    }

    /// Width and height in points.
    package var size: Size {
        let (short, long) = paper.shortAndLongSide
        return orientation == .landscape ? Size(width: long, height: short) : Size(width: short, height: long)
    }

    /// Step labels must print at least this large, or the blueprint is split into pages.
    public static let smallestLabelSize = 8.0
}

/// One page of a blueprint split between phases: the page's own blueprint, with a chip step standing
/// for each step on another page that a flow leads to or comes from.
package struct BlueprintPage {
    /// The steps, evidence items and flows of some consecutive phases, and the chips.
    package var blueprint: Blueprint
    package var context: PageContext
}

/// What a page of a split blueprint needs to say about the others.
package struct PageContext {
    /// From 1.
    package var number: Int
    package var count: Int
    /// The number the page's first phase has in the whole blueprint, from 1.
    package var firstPhaseNumber: Int
    /// Chip steps of the page blueprint, by index, with the page of the step each stands for.
    package var chips: [Int: Int]
    /// The pages behind the chip column before the phases, and after them; empty for no column.
    package var earlierPages: [Int]
    package var laterPages: [Int]
}

extension Blueprint {
    /// The pages of this blueprint when its phases are put on pages as `pageOfPhase` says (a page
    /// number from 1 for each phase, never decreasing).
    package func pages(pageOfPhase: [Int]) -> [BlueprintPage] {
        let pageCount = pageOfPhase.last ?? 1
        return (1...pageCount).map { page(number: $0, count: pageCount, pageOfPhase: pageOfPhase) }
    }

    /// Page `number` of `count`, as `pageOfPhase` lays the phases out.
    package func page(number: Int, count: Int, pageOfPhase: [Int]) -> BlueprintPage {
        let phaseIndices = pageOfPhase.indices.filter { pageOfPhase[$0] == number }
        let pageOfStep = steps.map { pageOfPhase[$0.phase] }
        // Steps on other pages that flows of this page come from or lead to, each once, in the order met.
        var farSteps: [Int] = []
        var isFar = Set<Int>()
        for flow in flows where (pageOfStep[flow.from] == number) != (pageOfStep[flow.to] == number) {
            let far = pageOfStep[flow.from] == number ? flow.to : flow.from
            if isFar.insert(far).inserted { farSteps.append(far) }
        }
        let earlier = farSteps.filter { pageOfStep[$0] < number }
        let later = farSteps.filter { pageOfStep[$0] > number }

        var page = Blueprint()
        page.title = title
        page.writtenLocale = writtenLocale
        page.customLaneTitles = customLaneTitles
        page.customLineTitles = customLineTitles
        if number == 1 {
            page.persona = persona
            page.scenario = scenario
            page.owner = owner
            // Drawn in the title block only, by their words and checks.
            page.promises = promises
        }
        // A column of chips has no title of its own: the diagram names the pages its chips go to.
        func chipColumn() -> Phase {
            var column = phases[0]
            column.title = nil
            column.keywordRange = nil
            column.steps = []
            column.evidence = []
            return column
        }
        if !earlier.isEmpty { page.phases.append(chipColumn()) }
        var newPhase = [Int: Int]()
        for index in phaseIndices {
            newPhase[index] = page.phases.count
            var phase = phases[index]
            phase.steps = []
            phase.evidence = []
            page.phases.append(phase)
        }
        if !later.isEmpty { page.phases.append(chipColumn()) }

        var newStep = [Int: Int]()
        var chips = [Int: Int]()
        func add(_ step: Step, atPhase phase: Int) -> Int {
            var step = step
            step.phase = phase
            let index = page.steps.count
            page.phases[phase].steps.append(index)
            page.steps.append(step)
            return index
        }
        for far in earlier {
            let original = steps[far]
            newStep[far] = add(Step(id: original.id, lane: original.lane, label: original.label, phase: 0, idRange: original.idRange), atPhase: 0)
            chips[newStep[far]!] = pageOfStep[far]
        }
        for (index, step) in steps.enumerated() where pageOfStep[index] == number {
            newStep[index] = add(step, atPhase: newPhase[step.phase]!)
        }
        for far in later {
            let original = steps[far]
            let column = page.phases.count - 1
            newStep[far] = add(Step(id: original.id, lane: original.lane, label: original.label, phase: column, idRange: original.idRange),
                               atPhase: column)
            chips[newStep[far]!] = pageOfStep[far]
        }

        var newEvidence = [Int: Int]()
        for (index, item) in evidence.enumerated() {
            // An item declared before any phase is drawn in the first column: on the first page.
            let pagePhase: Int?
            if let phase = item.phase {
                guard let onPage = newPhase[phase] else { continue }
                pagePhase = onPage
            } else {
                guard number == 1 else { continue }
                pagePhase = nil
            }
            var item = item
            item.phase = pagePhase
            item.shownBy = item.shownBy.compactMap { newStep[$0] }.filter { chips[$0] == nil }
            newEvidence[index] = page.evidence.count
            if let pagePhase { page.phases[pagePhase].evidence.append(page.evidence.count) }
            page.evidence.append(item)
        }
        for index in page.steps.indices where chips[index] == nil {
            page.steps[index].shownEvidence = page.steps[index].shownEvidence.compactMap { newEvidence[$0] }
        }
        for flow in flows {
            guard let from = newStep[flow.from], let to = newStep[flow.to], chips[from] == nil || chips[to] == nil else { continue }
            var flow = flow
            flow.from = from
            flow.to = to
            page.flows.append(flow)
        }
        for link in recoveries {
            guard let from = newStep[link.from], let to = newStep[link.to], chips[from] == nil, chips[to] == nil else { continue }
            var link = link
            link.from = from
            link.to = to
            page.recoveries.append(link)
        }
        for (index, step) in page.steps.enumerated() where page.symbols[step.id] == nil {
            page.symbols[step.id] = .step(index)
        }
        page.firstCustomerStep = page.steps.firstIndex { $0.lane == .customer }
        let firstPhaseNumber = (phaseIndices.first ?? 0) + 1
        return BlueprintPage(blueprint: page, context: PageContext(
            number: number, count: count, firstPhaseNumber: firstPhaseNumber, chips: chips,
            earlierPages: Array(Set(earlier.map { pageOfStep[$0] })).sorted(),
            laterPages: Array(Set(later.map { pageOfStep[$0] })).sorted()))
    }
}
