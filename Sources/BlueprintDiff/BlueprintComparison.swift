import BlueprintAnalysis
import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintModel
import Dispatch

/// What changed between two versions of a blueprint (as-is and to-be, or a file before and after a
/// commit), matched by id: the model's changes, every promise before and after, the lint findings
/// introduced and fixed, and the summary figures. Built from two analysed documents; the writers
/// in `DiffReport` print it.
package struct BlueprintComparison: Sendable {
    package let oldPath: String
    package let newPath: String
    /// The new file's, or the old one's when the new one is empty.
    package let locale: BlueprintLocale
    package let metadata: [AttributeChange]
    package let phases: [PhaseChange]
    /// Renamed, added and changed steps in the new file's order, then removed ones in the old file's.
    package let steps: [ItemChange]
    package let evidence: [ItemChange]
    package let flows: [FlowChange]
    package let recoveries: [RecoveryChange]
    /// Every promise of either file, the new file's order first.
    package let promises: [PromiseComparison]
    /// Steps in both files whose utilisation or queue wait moved.
    package let capacity: [CapacityChange]
    package let introducedDiagnostics: [DiagnosticEntry]
    package let fixedDiagnostics: [DiagnosticEntry]
    package let summary: Summary

    /// True when nothing at all differs (figures included).
    package var isEmpty: Bool {
        metadata.isEmpty && phases.isEmpty && steps.isEmpty && evidence.isEmpty && flows.isEmpty && recoveries.isEmpty
            && !promises.contains(where: \.isChanged) && capacity.isEmpty && introducedDiagnostics.isEmpty && fixedDiagnostics.isEmpty
    }

    /// A promise kept before (or new) and broken after.
    package var breaksAPromise: Bool {
        promises.contains { $0.after?.status == .broken && $0.before?.status != .broken }
    }

    package var introducesAnError: Bool {
        introducedDiagnostics.contains { $0.severity == .error }
    }

    /// Compares `old` with `new`; a file missing on one side (added or deleted in a commit) is nil,
    /// and compared as an empty blueprint without findings.
    package init(old: Document?, new: Document?, oldPath: String? = nil, newPath: String? = nil) {
        // The two files are parsed, analysed and linted at once (each document keeps what it worked
        // out): that is most of a comparison's time, and the files share nothing.
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            _ = (index == 0 ? old : new)?.diagnostics
        }
        let before = Side(old), after = Side(new)
        let oldModel = before.analysed.blueprint, newModel = after.analysed.blueprint
        self.oldPath = oldPath ?? old?.path ?? "/dev/null"
        self.newPath = newPath ?? new?.path ?? "/dev/null"
        locale = newModel.writtenLocale ?? oldModel.writtenLocale ?? .en
        metadata = Self.metadataChanges(oldModel, newModel)
        let renames = Self.renamedSteps(oldModel, newModel)
        let phaseChanges = Self.phaseChanges(oldModel, newModel, renames: renames)
        phases = phaseChanges.changes
        steps = Self.stepChanges(oldModel, newModel, renames: renames, phaseTitles: phaseChanges.newTitleOfOld)
        evidence = Self.evidenceChanges(oldModel, newModel, phaseTitles: phaseChanges.newTitleOfOld)
        flows = Self.flowChanges(oldModel, newModel, renames: renames)
        recoveries = Self.recoveryChanges(oldModel, newModel, renames: renames)
        promises = Self.promiseComparisons(before.analysed, after.analysed)
        capacity = Self.capacityChanges(oldModel, before.capacity, newModel, after.capacity, renames: renames)
        (introducedDiagnostics, fixedDiagnostics) = Self.diagnosticChanges(before.diagnostics, after.diagnostics)
        summary = Summary(before: SummaryFigures(before.analysed), after: SummaryFigures(after.analysed))
    }

    /// What one side of the comparison brings: a document's analysis, or nothing for a missing file.
    private struct Side {
        var analysed: AnalysedBlueprint
        var capacity: CapacityAnalysis
        var diagnostics: [Diagnostic]

        init(_ document: Document?) {
            if let document {
                analysed = document.analysed
                capacity = document.capacity
                diagnostics = document.diagnostics
            } else {
                analysed = AnalysedBlueprint(Blueprint())
                capacity = CapacityAnalysis(analysed)
                diagnostics = []
            }
        }
    }

    // MARK: Metadata

    private static func metadataChanges(_ old: Blueprint, _ new: Blueprint) -> [AttributeChange] {
        func demand(_ blueprint: Blueprint) -> String? { blueprint.demandPerHour.map { DiffFigures.decimal($0, digits: 3) + "/h" } }
        var changes: [AttributeChange] = [
            AttributeChange(name: "title", before: old.title, after: new.title),
            AttributeChange(name: "persona", before: old.persona, after: new.persona),
            AttributeChange(name: "scenario", before: old.scenario, after: new.scenario),
            AttributeChange(name: "owner", before: old.owner, after: new.owner),
            AttributeChange(name: "demand", before: demand(old), after: demand(new)),
            AttributeChange(name: "locale", before: old.writtenLocale?.rawValue, after: new.writtenLocale?.rawValue),
        ]
        changes += Lane.allCases.map { AttributeChange(name: "lane " + $0.rawValue, before: old.customLaneTitles[$0], after: new.customLaneTitles[$0]) }
        changes += BlueprintLine.allCases.map { AttributeChange(name: "line " + $0.rawValue, before: old.customLineTitles[$0], after: new.customLineTitles[$0]) }
        return changes.filter(\.isChange)
    }

    // MARK: Phases

    /// A phase by its title; the unnamed first phase has none.
    private static func phaseKey(_ phase: Phase) -> String { phase.title ?? "" }

    /// Phases matched by title; a removed and an added phase holding mostly the same steps are a
    /// rename. Also gives, for each old phase index, the title it has in the new file.
    private static func phaseChanges(_ old: Blueprint, _ new: Blueprint, renames: [String: String])
        -> (changes: [PhaseChange], newTitleOfOld: [String]) {
        let newKeys = new.phases.map(phaseKey), oldKeys = old.phases.map(phaseKey)
        let newKeySet = Set(newKeys), oldKeySet = Set(oldKeys)
        var newTitleOfOld = oldKeys
        var added = new.phases.indices.filter { !oldKeySet.contains(newKeys[$0]) }
        var changes: [PhaseChange] = []
        var removed: [Int] = []
        for index in old.phases.indices where !newKeySet.contains(oldKeys[index]) {
            let oldSteps = Set(old.phases[index].steps.map { renames[old.steps[$0].id] ?? old.steps[$0].id })
            let match = added.first { candidate in
                let newSteps = Set(new.phases[candidate].steps.map { new.steps[$0].id })
                let shared = oldSteps.intersection(newSteps).count
                return shared > 0 && shared * 2 >= max(oldSteps.count, newSteps.count)
            }
            if let match {
                added.removeAll { $0 == match }
                newTitleOfOld[index] = newKeys[match]
                changes.append(PhaseChange(kind: .renamed, title: newKeys[match], before: oldKeys[index]))
            } else {
                removed.append(index)
            }
        }
        changes += added.map { PhaseChange(kind: .added, title: newKeys[$0]) }
        changes += removed.map { PhaseChange(kind: .removed, title: oldKeys[$0]) }
        // Reordered: the phases in both files, compared in their order in each.
        let oldTitles = Set(newTitleOfOld)
        let keptAfter = newKeys.filter { oldTitles.contains($0) }
        let keptBefore = newTitleOfOld.filter { newKeySet.contains($0) }
        if keptAfter != keptBefore {
            changes.append(PhaseChange(kind: .reordered, title: keptAfter.joined(separator: " | "), before: keptBefore.joined(separator: " | ")))
        }
        return (changes, newTitleOfOld)
    }

    // MARK: Steps and evidence

    /// Old id → new id for each step whose id alone changed: a step only in the old file and one only
    /// in the new, in the same lane, with the same label and the same flows (an end at the step
    /// itself counted as such), each the only one of its kind.
    private static func renamedSteps(_ old: Blueprint, _ new: Blueprint) -> [String: String] {
        let removed = old.steps.indices.filter { new.symbols[old.steps[$0].id] == nil }
        let added = new.steps.indices.filter { old.symbols[new.steps[$0].id] == nil }
        guard !removed.isEmpty, !added.isEmpty else { return [:] }
        let oldSignatures = signatures(of: Set(removed), in: old)
        let newSignatures = signatures(of: Set(added), in: new)
        var candidates: [RenameSignature: [Int]] = [:]
        for index in added { candidates[newSignatures[index]!, default: []].append(index) }
        var oldCounts: [RenameSignature: Int] = [:]
        for index in removed { oldCounts[oldSignatures[index]!, default: 0] += 1 }
        var renames: [String: String] = [:]
        for index in removed {
            let signature = oldSignatures[index]!
            guard oldCounts[signature] == 1, let matches = candidates[signature], matches.count == 1 else { continue }
            renames[old.steps[index].id] = new.steps[matches[0]].id
        }
        return renames
    }

    private struct RenameSignature: Hashable {
        var lane: Lane
        var label: String
        /// Each flow at the step: its direction, the other end's id (nil for the step itself), arrow and label.
        var flows: [String]
    }

    private static func signatures(of steps: Set<Int>, in blueprint: Blueprint) -> [Int: RenameSignature] {
        var flows: [Int: [String]] = [:]
        for flow in blueprint.flows where steps.contains(flow.from) || steps.contains(flow.to) {
            let tail = " " + flow.arrow.rawValue + " " + (flow.label ?? "")
            if steps.contains(flow.from) {
                flows[flow.from, default: []].append("out " + (flow.to == flow.from ? "" : blueprint.steps[flow.to].id) + tail)
            }
            if steps.contains(flow.to) {
                flows[flow.to, default: []].append("in " + (flow.to == flow.from ? "" : blueprint.steps[flow.from].id) + tail)
            }
        }
        var signatures: [Int: RenameSignature] = [:]
        for index in steps {
            let step = blueprint.steps[index]
            signatures[index] = RenameSignature(lane: step.lane, label: step.label, flows: (flows[index] ?? []).sorted())
        }
        return signatures
    }

    private static func stepChanges(_ old: Blueprint, _ new: Blueprint, renames: [String: String], phaseTitles: [String]) -> [ItemChange] {
        let renamedTo = Dictionary(uniqueKeysWithValues: renames.map { ($1, $0) })
        var changes: [ItemChange] = []
        for step in new.steps {
            let oldID = renamedTo[step.id] ?? step.id
            guard let before = old.step(named: oldID) else {
                changes.append(ItemChange(kind: .added, id: step.id, lane: step.lane, label: step.label))
                continue
            }
            let attributes = isSurelyUnchanged(before, in: old, step, in: new, phaseTitles: phaseTitles, renames: renames) ? []
                : stepAttributes(before, in: old, phaseTitles: phaseTitles, renames: renames)
                    .changes(to: stepAttributes(step, in: new, phaseTitles: nil, renames: [:]))
            if oldID != step.id {
                changes.append(ItemChange(kind: .renamed, id: step.id, lane: step.lane, label: step.label, before: oldID, attributes: attributes))
            } else if !attributes.isEmpty {
                changes.append(ItemChange(kind: .changed, id: step.id, lane: step.lane, label: step.label, attributes: attributes))
            }
        }
        let newPhases = Set(new.phases.map(phaseKey))
        for step in old.steps where renames[step.id] == nil && new.step(named: step.id) == nil {
            let phase = phaseTitles[step.phase]
            changes.append(ItemChange(kind: .removed, id: step.id, lane: step.lane, label: step.label, phase: newPhases.contains(phase) ? phase : nil))
        }
        return changes
    }

    /// True when every attribute of `old` is as in `new`, in the same order: what most steps of a
    /// large file are, told without writing each attribute as text. False may still mean unchanged
    /// (lists in another order), which `stepAttributes` then tells.
    private static func isSurelyUnchanged(_ old: Step, in oldModel: Blueprint, _ new: Step, in newModel: Blueprint, phaseTitles: [String],
                                          renames: [String: String]) -> Bool {
        guard old.label == new.label, old.lane == new.lane, old.isMomentOfTruth == new.isMomentOfTruth, old.emotion == new.emotion,
              old.actor == new.actor, old.channel == new.channel, old.note == new.note, old.takesSpan == new.takesSpan,
              old.waitSpan == new.waitSpan, old.tolerance == new.tolerance, old.servers == new.servers,
              phaseTitles[old.phase] == phaseKey(newModel.phases[new.phase]),
              old.failures.count == new.failures.count, old.shownEvidence.count == new.shownEvidence.count else { return false }
        let sameFailures = zip(old.failures, new.failures).allSatisfy { before, after in
            let oldRecovery = before.recovery.map { renames[oldModel.steps[$0].id] ?? oldModel.steps[$0].id }
            return before.description == after.description && oldRecovery == after.recovery.map { newModel.steps[$0].id }
        }
        let sameEvidence = zip(old.shownEvidence, new.shownEvidence).allSatisfy { oldModel.evidence[$0].id == newModel.evidence[$1].id }
        return sameFailures && sameEvidence
    }

    /// Every attribute of a step as text, in the order the spec lists them; lists (fail points,
    /// evidence) sorted, since their order means nothing. Old ids are written as the new file
    /// names them (`renames`), and old phases by their new titles (`phaseTitles`).
    private static func stepAttributes(_ step: Step, in blueprint: Blueprint, phaseTitles: [String]?, renames: [String: String]) -> AttributeList {
        func id(_ index: Int) -> String { renames[blueprint.steps[index].id] ?? blueprint.steps[index].id }
        let failures = step.failures.map { failure in
            "\"" + failure.description + "\"" + (failure.recovery.map { " recover " + id($0) } ?? "")
        }.sorted()
        let shown = step.shownEvidence.map { blueprint.evidence[$0].id }.sorted()
        return AttributeList([
            ("lane", step.lane.rawValue),
            ("phase", phaseTitles?[step.phase] ?? phaseKey(blueprint.phases[step.phase])),
            ("label", step.label),
            ("actor", step.actor),
            ("channel", step.channel),
            ("note", step.note),
            ("takes", step.takesSpan.map(DiffFigures.span)),
            ("wait", step.waitSpan.map(DiffFigures.span)),
            ("tolerance", step.tolerance?.description),
            ("emotion", step.emotion.map(String.init)),
            ("moment", step.isMomentOfTruth ? "yes" : nil),
            ("servers", step.servers.map(String.init)),
            ("fail", failures.isEmpty ? nil : failures.joined(separator: ", ")),
            ("evidence", shown.isEmpty ? nil : shown.joined(separator: ", ")),
        ])
    }

    private static func evidenceChanges(_ old: Blueprint, _ new: Blueprint, phaseTitles: [String]) -> [ItemChange] {
        func attributes(_ item: EvidenceItem, _ titles: (Int) -> String) -> AttributeList {
            AttributeList([("phase", item.phase.map(titles)), ("label", item.label), ("channel", item.channel), ("note", item.note)])
        }
        var changes: [ItemChange] = []
        for item in new.evidence {
            guard let before = old.evidenceItem(named: item.id) else {
                changes.append(ItemChange(kind: .added, id: item.id, lane: .evidence, label: item.label))
                continue
            }
            let changed = attributes(before, { phaseTitles[$0] }).changes(to: attributes(item, { phaseKey(new.phases[$0]) }))
            if !changed.isEmpty { changes.append(ItemChange(kind: .changed, id: item.id, lane: .evidence, label: item.label, attributes: changed)) }
        }
        for item in old.evidence where new.evidenceItem(named: item.id) == nil {
            changes.append(ItemChange(kind: .removed, id: item.id, lane: .evidence, label: item.label))
        }
        return changes
    }

    // MARK: Flows

    private struct FlowKey: Hashable {
        var from: String
        var to: String
        var arrow: FlowArrow
    }

    /// Flows matched by their ends (as the new file names them) and arrow; the same flow written
    /// twice is matched twice.
    private static func flowChanges(_ old: Blueprint, _ new: Blueprint, renames: [String: String]) -> [FlowChange] {
        func key(_ flow: Flow, _ blueprint: Blueprint, _ renames: [String: String]) -> FlowKey {
            let from = blueprint.steps[flow.from].id, to = blueprint.steps[flow.to].id
            return FlowKey(from: renames[from] ?? from, to: renames[to] ?? to, arrow: flow.arrow)
        }
        var unmatched: [FlowKey: [Flow]] = [:]
        for flow in old.flows { unmatched[key(flow, old, renames), default: []].append(flow) }
        var changes: [FlowChange] = []
        for flow in new.flows {
            let flowKey = key(flow, new, [:])
            let entry = FlowChange(kind: .added, from: flowKey.from, to: flowKey.to, arrow: flow.arrow, label: flow.label)
            guard var candidates = unmatched[flowKey], !candidates.isEmpty else {
                changes.append(entry)
                continue
            }
            // The same label first, so a flow written twice with two labels pairs up as written.
            let match = candidates.firstIndex { $0.label == flow.label && $0.share == flow.share } ?? 0
            let before = candidates.remove(at: match)
            unmatched[flowKey] = candidates
            let attributes = AttributeList([("label", before.label), ("share", before.share.map(DiffFigures.percent))])
                .changes(to: AttributeList([("label", flow.label), ("share", flow.share.map(DiffFigures.percent))]))
            if !attributes.isEmpty {
                var changed = entry
                changed.kind = .changed
                changed.attributes = attributes
                changes.append(changed)
            }
        }
        for flow in old.flows {
            let flowKey = key(flow, old, renames)
            guard var candidates = unmatched[flowKey], let index = candidates.firstIndex(of: flow) else { continue }
            candidates.remove(at: index)
            unmatched[flowKey] = candidates
            let from = old.steps[flow.from].id, to = old.steps[flow.to].id
            changes.append(FlowChange(kind: .removed, from: from, to: to, arrow: flow.arrow, label: flow.label))
        }
        return changes
    }

    private static func recoveryChanges(_ old: Blueprint, _ new: Blueprint, renames: [String: String]) -> [RecoveryChange] {
        func pairs(_ blueprint: Blueprint, _ renames: [String: String]) -> [RecoveryChange] {
            blueprint.recoveries.map { link in
                let from = blueprint.steps[link.from].id, to = blueprint.steps[link.to].id
                return RecoveryChange(kind: .added, from: renames[from] ?? from, to: renames[to] ?? to)
            }
        }
        let before = pairs(old, renames), after = pairs(new, [:])
        let beforeSet = Set(before), afterSet = Set(after)
        var seen = Set<RecoveryChange>()
        let added = after.filter { !beforeSet.contains($0) && seen.insert($0).inserted }
        let removed = before.filter { !afterSet.contains($0) && seen.insert($0).inserted }.map { RecoveryChange(kind: .removed, from: $0.from, to: $0.to) }
        return added + removed
    }

    // MARK: Promises and capacity

    private static func promiseComparisons(_ old: AnalysedBlueprint, _ new: AnalysedBlueprint) -> [PromiseComparison] {
        var unmatched: [String: [PromiseFigures]] = [:]
        for checked in old.promises {
            unmatched[checked.promise.description, default: []].append(PromiseFigures(checked, in: old.blueprint))
        }
        var comparisons: [PromiseComparison] = []
        for checked in new.promises {
            let name = checked.promise.description
            let before = unmatched[name]?.isEmpty == false ? unmatched[name]!.removeFirst() : nil
            comparisons.append(PromiseComparison(name: name, before: before, after: PromiseFigures(checked, in: new.blueprint)))
        }
        for checked in old.promises {
            let name = checked.promise.description
            guard unmatched[name]?.isEmpty == false else { continue }
            comparisons.append(PromiseComparison(name: name, before: unmatched[name]!.removeFirst(), after: nil))
        }
        return comparisons
    }

    private static func capacityChanges(_ old: Blueprint, _ oldFigures: CapacityAnalysis, _ new: Blueprint, _ newFigures: CapacityAnalysis,
                                        renames: [String: String]) -> [CapacityChange] {
        let renamedTo = Dictionary(uniqueKeysWithValues: renames.map { ($1, $0) })
        return new.steps.indices.compactMap { index in
            let id = new.steps[index].id
            guard case .step(let oldIndex) = old.symbols[renamedTo[id] ?? id] else { return nil }
            let change = CapacityChange(step: id, before: StepLoad(oldFigures, step: oldIndex), after: StepLoad(newFigures, step: index))
            return change.before == change.after ? nil : change
        }
    }

    // MARK: Diagnostics

    /// Findings matched by severity, rule and message, wherever they are: a line moved is not a
    /// finding fixed and another introduced.
    private static func diagnosticChanges(_ old: [Diagnostic], _ new: [Diagnostic]) -> ([DiagnosticEntry], [DiagnosticEntry]) {
        let before = old.map(DiagnosticEntry.init), after = new.map(DiagnosticEntry.init)
        func unmatched(_ entries: [DiagnosticEntry], against others: [DiagnosticEntry]) -> [DiagnosticEntry] {
            var counts: [DiagnosticEntry.Key: Int] = [:]
            counts.reserveCapacity(others.count)
            for entry in others { counts[entry.key, default: 0] += 1 }
            return entries.filter { entry in
                guard let count = counts[entry.key], count > 0 else { return true }
                counts[entry.key] = count - 1
                return false
            }
        }
        return (unmatched(after, against: before), unmatched(before, against: after))
    }
}

/// What kind of change an entry is.
package enum ChangeKind: String, Sendable {
    case added, removed, changed, renamed, reordered
}

/// One attribute (or metadata field) before and after; nil where it is not written.
package struct AttributeChange: Hashable, Sendable {
    package let name: String
    package let before: String?
    package let after: String?

    var isChange: Bool { before != after }
}

/// A list of named attributes, compared name by name.
struct AttributeList {
    let entries: [(name: String, value: String?)]

    init(_ entries: [(String, String?)]) {
        self.entries = entries.map { (name: $0.0, value: $0.1) }
    }

    func changes(to other: AttributeList) -> [AttributeChange] {
        zip(entries, other.entries).compactMap { before, after in
            before.value == after.value ? nil : AttributeChange(name: before.name, before: before.value, after: after.value)
        }
    }
}

package struct PhaseChange: Hashable, Sendable {
    package let kind: ChangeKind
    /// The title in the new file (for a removed phase, in the old one); "" for the unnamed first
    /// phase. For a reordering: the phases in both files in their new order, joined by ` | `.
    package let title: String
    /// The old title of a renamed phase, or the old order of a reordering.
    package var before: String? = nil
}

/// A step or an evidence item added, removed, renamed or changed.
package struct ItemChange: Hashable, Sendable {
    package let kind: ChangeKind
    /// The id in the new file (in the old for a removed item).
    package let id: String
    package let lane: Lane
    package let label: String
    /// The old id of a renamed step.
    package var before: String? = nil
    package var attributes: [AttributeChange] = []
    /// Where a removed step was: the title its phase has in the new file ("" for the unnamed first
    /// phase), nil when that phase is gone too.
    package var phase: String? = nil
}

package struct FlowChange: Hashable, Sendable {
    package var kind: ChangeKind
    package let from: String
    package let to: String
    package let arrow: FlowArrow
    package let label: String?
    /// The label and share before and after, for a changed flow.
    package var attributes: [AttributeChange] = []
}

/// A `fail … recover` link added or removed.
package struct RecoveryChange: Hashable, Sendable {
    package let kind: ChangeKind
    package let from: String
    package let to: String
}

/// One promise in one file: what the worst case and (1.2) the simulation say.
package struct PromiseFigures: Hashable, Sendable {
    package let from: String?
    package let to: String?
    package let within: Duration
    /// `for P%`, as a percentage; nil for a worst-case promise.
    package let target: Double?
    /// Nil when an end is undeclared or no `->` path joins them.
    package let worstCost: Duration?
    package let status: PromiseCheck.Status
    /// 1.2: the simulated share within the limit (0…1).
    package let share: Double?
    /// The `takes` of the steps on the worst path, added up.
    package let worstPathTakes: Duration

    init(_ checked: CheckedPromise, in blueprint: Blueprint) {
        let promise = checked.promise, check = checked.check
        from = promise.from.map { blueprint.steps[$0].id }
        to = promise.to.map { blueprint.steps[$0].id }
        within = promise.within
        target = promise.share
        status = checked.status
        worstCost = check.status == .kept || check.status == .broken ? check.worstCost : nil
        share = checked.simulatedShare.map { DiffFigures.rounded($0, digits: 4) }
        worstPathTakes = check.worstPath.reduce(Duration.zero) { $0 + (blueprint.steps[$1].takes ?? .zero) }
    }
}

package struct PromiseComparison: Hashable, Sendable {
    package let name: String
    /// Nil for a promise only in the new file.
    package let before: PromiseFigures?
    /// Nil for a promise only in the old file.
    package let after: PromiseFigures?

    package var isChanged: Bool { before != after }
}

/// A step's load, as `analyze` rounds it.
package struct StepLoad: Hashable, Sendable {
    package let utilisation: Double?
    package let queueWaitSeconds: Double?

    /// The load of the step at `index`; none where lint made no step figures (a blueprint without
    /// `demand`, where no step has a load).
    init(_ capacity: CapacityAnalysis, step index: Int) {
        let figures = capacity.steps.indices.contains(index) ? capacity.steps[index] : nil
        utilisation = figures?.utilisation.map { DiffFigures.rounded($0, digits: 4) }
        // A queue that grows without end has no wait to show; the utilisation says why.
        queueWaitSeconds = figures?.queueWaitSeconds.map { DiffFigures.rounded($0, digits: 1) }
    }
}

package struct CapacityChange: Hashable, Sendable {
    package let step: String
    package let before: StepLoad
    package let after: StepLoad
}

/// A lint finding, by what it says rather than where.
package struct DiagnosticEntry: Hashable, Sendable {
    package let severity: Severity
    package let rule: RuleID
    package let message: Message
    package let position: SourcePosition

    struct Key: Hashable {
        var severity: Severity
        var rule: RuleID
        /// The message as a value: its phrase and arguments, which say the same as its text.
        var message: Message
    }

    var key: Key { Key(severity: severity, rule: rule, message: message) }

    init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity
        rule = diagnostic.rule
        message = diagnostic.text
        position = diagnostic.range.start
    }
}

/// The figures the summary block compares.
package struct SummaryFigures: Hashable, Sendable {
    package let customerSteps: Int
    /// `->` flows from above the line of visibility (customer, frontstage) to below it, or back.
    package let handOffsAcrossVisibility: Int
    package let momentsOfTruth: Int
    package let failPointsWithoutRecovery: Int

    init(_ analysed: AnalysedBlueprint) {
        let steps = analysed.blueprint.steps
        func isVisible(_ index: Int) -> Bool { steps[index].lane <= .frontstage }
        customerSteps = steps.count(where: { $0.lane == .customer })
        handOffsAcrossVisibility = analysed.blueprint.flows.count(where: { $0.arrow == .handOff && isVisible($0.from) != isVisible($0.to) })
        momentsOfTruth = steps.count(where: \.isMomentOfTruth)
        failPointsWithoutRecovery = steps.reduce(0) { total, step in total + step.failures.count(where: { $0.recovery == nil }) }
    }
}

package struct Summary: Hashable, Sendable {
    package let before: SummaryFigures
    package let after: SummaryFigures
}
