import BlueprintLanguage
import BlueprintModel

/// Everything formatting must keep, without source positions, as comparable lines: the resolved
/// blueprint, the statements of each kind in order, the first statement (where `missing-header` goes
/// in a file without a header), and each comment with the statement it belongs to. Two texts with
/// equal meanings lint alike (save for line and column numbers).
struct Meaning: Equatable {
    var model: [String]
    var firstStatement: String?
    var statementsByKind: [String: [String]]
    /// Sorted: comments may move, but each stays with its statement.
    var comments: [String]

    init(_ tree: SyntaxTree) {
        model = Self.describe(Blueprint(syntax: tree))
        firstStatement = tree.statements.first.map { Self.describe($0.kind) }
        statementsByKind = [:]
        for statement in tree.statements {
            statementsByKind[Self.kindKey(statement.kind), default: []].append(Self.describe(statement.kind))
        }
        comments = Self.attachedComments(tree).sorted()
    }

    /// The first difference, for a readable failure.
    func firstDifference(from other: Meaning) -> String? {
        if firstStatement != other.firstStatement {
            return "first statement: \(firstStatement ?? "none") ≠ \(other.firstStatement ?? "none")"
        }
        for (name, mine, theirs) in [("model", model, other.model), ("comments", comments, other.comments)] where mine != theirs {
            let index = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, theirs.count)
            return "\(name)[\(index)]: \(mine.dropFirst(index).first ?? "<none>") ≠ \(theirs.dropFirst(index).first ?? "<none>")"
        }
        for key in Set(statementsByKind.keys).union(other.statementsByKind.keys) where statementsByKind[key] != other.statementsByKind[key] {
            return "statements \(key): \(statementsByKind[key] ?? []) ≠ \(other.statementsByKind[key] ?? [])"
        }
        return nil
    }

    // MARK: - Model

    private static func describe(_ blueprint: Blueprint) -> [String] {
        var lines = [
            "title \(blueprint.title.debugDescription)", "persona \(blueprint.persona.debugDescription)",
            "scenario \(blueprint.scenario.debugDescription)", "owner \(blueprint.owner.debugDescription)",
            "locale \(blueprint.locale)", "first customer step \(blueprint.firstCustomerStep.debugDescription)",
        ]
        lines += Lane.allCases.map { "lane title \($0): \(blueprint.customLaneTitles[$0].debugDescription)" }
        lines += BlueprintLine.allCases.map { "line title \($0): \(blueprint.customLineTitles[$0].debugDescription)" }
        lines += blueprint.phases.map { "phase \($0.title.debugDescription) steps \($0.steps) evidence \($0.evidence)" }
        lines += blueprint.steps.map { step in
            "step \(step.id) \(step.lane) \(step.label.debugDescription) phase \(step.phase) moment \(step.isMomentOfTruth) "
                + "emotion \(step.emotion.debugDescription) actor \(step.actor.debugDescription) "
                + "channel \(step.channel.debugDescription) note \(step.note.debugDescription) takes \(step.takesSpan.debugDescription) servers \(step.servers.debugDescription) "
                + "wait \(step.waitSpan.debugDescription) tolerance \(step.tolerance.debugDescription) "
                + "failures \(step.failures.map { "\($0.description.debugDescription) → \($0.recovery.debugDescription)" }) "
                + "evidence \(step.shownEvidence)"
        }
        lines += blueprint.evidence.map {
            "evidence \($0.id) \($0.label.debugDescription) note \($0.note.debugDescription) channel \($0.channel.debugDescription) "
                + "phase \($0.phase.debugDescription) shown by \($0.shownBy)"
        }
        lines += blueprint.declarations.map { "declaration duplicate \($0.isDuplicate) \(describe(.step($0.statement)))" }
        lines += blueprint.flows.map { "flow \($0.from) \($0.arrow.rawValue) \($0.to) \($0.label.debugDescription) share \($0.share.debugDescription)" }
        lines += blueprint.recoveries.map { "recovery \($0.from) → \($0.to)" }
        lines += blueprint.promises.map {
            "promise \($0.description.debugDescription) \($0.from.debugDescription) → \($0.to.debugDescription) within \($0.within) for \($0.share.debugDescription)"
        }
        lines.append("demand \(blueprint.demandPerHour.debugDescription)")
        return lines
    }

    // MARK: - Statements

    /// Statements whose relative order the formatter keeps share a key.
    private static func kindKey(_ kind: StatementKind) -> String {
        switch kind {
        case .header: "header"
        case .meta(let meta): "meta \(meta.field)"
        case .demand: "demand"
        case .locale: "locale"
        case .laneTitle(let title): "lane title \(title.lane)"
        case .lineTitle(let title): "line title \(title.line)"
        case .promise: "promise"
        case .phase, .step: "body"
        case .flow: "flow"
        }
    }

    /// A statement's values as written, attributes grouped by name in their order.
    static func describe(_ kind: StatementKind) -> String {
        switch kind {
        case .header(let header): return "blueprint \(header.title.value.debugDescription)"
        case .meta(let meta): return "\(meta.field) \(meta.value.value.debugDescription)"
        case .demand(let demand): return "demand \(demand.rate.text)"
        case .locale(let locale): return "locale \(locale.locale.rawValue)"
        case .laneTitle(let title): return "lane \(title.laneKeyword) \(title.title.value.debugDescription)"
        case .lineTitle(let title): return "line \(title.line) \(title.title.value.debugDescription)"
        case .phase(let phase): return "phase \(phase.title.value.debugDescription)"
        case .flow(let flow):
            let chain = zip(flow.arrows, flow.ids.dropFirst()).map { " \($0.rawValue) \($1.name)" }.joined()
            return "\(flow.ids[0].name)\(chain) label \(flow.label?.value.debugDescription ?? "none") share \(flow.share?.text ?? "none")"
        case .promise(let promise):
            return "promise \(promise.description.value.debugDescription) from \(promise.from.name) to \(promise.to.name) "
                + "within \(promise.within.text) for \(promise.share?.text ?? "none")"
        case .step(let step):
            let attributes = AttributeName.allCases.compactMap { name -> String? in
                let values = step.attributes.filter { $0.name == name }.map { describe($0.value) }
                return values.isEmpty ? nil : "\(name) \(values)"
            }
            return "\(step.laneKeyword) \(step.id.name) \(step.label.value.debugDescription) \(attributes)"
        }
    }

    private static func describe(_ value: AttributeValue) -> String {
        switch value {
        case .flag: "flag"
        case .integer(let number, _): "\(number)"
        case .text(let text): text.value.debugDescription
        case .duration(let duration): duration.text
        case .span(let span): span.text
        case .failure(let description, let recovery): "\(description.value.debugDescription) recover \(recovery?.name ?? "none")"
        case .reference(let id): id.name
        }
    }

    // MARK: - Comments

    /// Each comment's text with where it belongs: trailing on a statement, above a statement (the
    /// first statement's are file-wide), or at the end of the file. Trailing whitespace is not kept.
    private static func attachedComments(_ tree: SyntaxTree) -> [String] {
        var result: [String] = []
        var nextStatement = 0
        for comment in tree.comments {
            let line = comment.range.start.line
            while nextStatement < tree.statements.count, tree.statements[nextStatement].line < line { nextStatement += 1 }
            let text = String(comment.text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }.reversed())
            guard nextStatement < tree.statements.count else {
                result.append("\(text.debugDescription) at the end")
                continue
            }
            let statement = describe(tree.statements[nextStatement].kind)
            let role = comment.isTrailing ? "trailing" : nextStatement == 0 ? "file-wide above" : "above"
            result.append("\(text.debugDescription) \(role) \(statement)")
        }
        return result
    }
}
