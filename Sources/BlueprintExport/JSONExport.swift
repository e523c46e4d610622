import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintEncoding
import BlueprintLanguage
import BlueprintModel

/// The resolved model as data: what a script reads instead of parsing the language. The shape is
/// `docs/schema/blueprint-export-1.schema.json`; keys come in a fixed order and every list in file
/// order, so the same file gives the same bytes.
enum JSONExport {
    /// Bumped when a key changes meaning or goes away; new keys keep the version.
    static let version = 1
    /// The schema, by its path in the repository (its `$id`).
    static let schema = "docs/schema/blueprint-export-1.schema.json"

    static func text(_ input: ExportInput) -> String {
        value(of: input.document.analysed).serialized(pretty: true) + "\n"
    }

    static func value(of analysed: AnalysedBlueprint) -> JSONValue {
        let blueprint = analysed.blueprint
        let stepID = { (index: Int) in JSONValue.string(blueprint.steps[index].id) }
        return JSONValue([
            ("$schema", .string(schema)),
            ("version", .int(version)),
            ("title", blueprint.title.map(JSONValue.string)),
            ("persona", blueprint.persona.map(JSONValue.string)),
            ("scenario", blueprint.scenario.map(JSONValue.string)),
            ("owner", blueprint.owner.map(JSONValue.string)),
            ("locale", .string(blueprint.locale.rawValue)),
            ("demandPerHour", blueprint.demandPerHour.map(JSONValue.number)),
            ("lanes", .array(Lane.allCases.map { lane in
                JSONValue(["id": .string(lane.rawValue), "title": .string(blueprint.laneTitle(lane))])
            })),
            ("lines", .array(BlueprintLine.allCases.map { line in
                JSONValue(["id": .string(line.rawValue), "title": .string(blueprint.lineTitle(line))])
            })),
            ("phases", .array(blueprint.phases.map { phase in
                JSONValue([
                    ("title", phase.title.map(JSONValue.string)),
                    ("steps", .array(phase.steps.map(stepID))),
                    ("evidence", .array(phase.evidence.map { .string(blueprint.evidence[$0].id) })),
                ])
            })),
            ("steps", .array(blueprint.steps.map { step($0, in: blueprint) })),
            ("evidence", .array(blueprint.evidence.map { item in
                JSONValue([
                    ("id", .string(item.id)),
                    ("label", .string(item.label)),
                    ("phase", item.phase.map { .int($0) }),
                    ("note", item.note.map(JSONValue.string)),
                    ("channel", item.channel.map(JSONValue.string)),
                    ("shownBy", .array(item.shownBy.map(stepID))),
                ])
            })),
            ("flows", .array(blueprint.flows.map { flow in
                JSONValue([
                    ("from", stepID(flow.from)),
                    ("to", stepID(flow.to)),
                    ("kind", .string(flow.arrow == .handOff ? "hand-off" : "information")),
                    ("label", flow.label.map(JSONValue.string)),
                    ("share", flow.share.map(JSONValue.number)),
                ])
            })),
            ("recoveries", .array(blueprint.recoveries.map { link in
                JSONValue(["from": stepID(link.from), "to": stepID(link.to)])
            })),
            ("promises", .array(analysed.promises.map { promise($0, in: blueprint) })),
        ])
    }

    private static func step(_ step: Step, in blueprint: Blueprint) -> JSONValue {
        JSONValue([
            ("id", .string(step.id)),
            ("label", .string(step.label)),
            ("lane", .string(step.lane.rawValue)),
            ("phase", .int(step.phase)),
            ("moment", .bool(step.isMomentOfTruth)),
            ("emotion", step.emotion.map { .int($0) }),
            ("actor", step.actor.map(JSONValue.string)),
            ("channel", step.channel.map(JSONValue.string)),
            ("note", step.note.map(JSONValue.string)),
            ("takes", step.takesSpan.map(span)),
            ("wait", step.waitSpan.map(span)),
            ("tolerance", step.tolerance.map(seconds)),
            ("servers", step.servers.map { .int($0) }),
            ("failPoints", .array(step.failures.map { failure in
                JSONValue([
                    ("description", .string(failure.description)),
                    ("recovery", failure.recovery.map { .string(blueprint.steps[$0].id) }),
                ])
            })),
            ("evidence", .array(step.shownEvidence.map { .string(blueprint.evidence[$0].id) })),
        ])
    }

    private static func promise(_ checked: CheckedPromise, in blueprint: Blueprint) -> JSONValue {
        let promise = checked.promise, check = checked.check
        let stepIDs = { (indices: [Int]) in JSONValue.array(indices.map { .string(blueprint.steps[$0].id) }) }
        return JSONValue([
            ("description", .string(promise.description)),
            ("from", .string(promise.statement.from.name)),
            ("to", .string(promise.statement.to.name)),
            ("within", seconds(promise.within)),
            ("forShare", promise.share.map(JSONValue.number)),
            ("status", .string(statusName(checked.status))),
            ("worstCost", seconds(check.worstCost)),
            ("worstPath", stepIDs(check.worstPath)),
            ("loopSteps", stepIDs(check.loopSteps)),
            ("searchWasBounded", .bool(check.searchWasBounded)),
            ("simulatedShare", checked.simulatedShare.map { .number($0 * 100) }),
        ])
    }

    /// Durations are whole seconds, which every language reads without a parser.
    private static func seconds(_ duration: Duration) -> JSONValue { .int(duration.seconds) }

    private static func span(_ span: TimeSpan) -> JSONValue {
        JSONValue([
            ("minimum", seconds(span.minimum)),
            ("mode", span.mode.map(seconds)),
            ("maximum", seconds(span.maximum)),
        ])
    }

    static func statusName(_ status: PromiseCheck.Status) -> String {
        switch status {
        case .kept: "kept"
        case .broken: "broken"
        case .unreachable: "unreachable"
        case .unresolved: "unresolved"
        }
    }
}
