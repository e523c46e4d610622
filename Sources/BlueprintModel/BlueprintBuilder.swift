import BlueprintDiagnostics
import BlueprintLanguage

extension Blueprint {
    /// Resolves a syntax tree: the declared names first (ids may be used before they are declared),
    /// then the flows, the declarations with the ids their attributes name, and the promises.
    /// Each use of an id is looked up once, into `references`.
    public init(syntax: SyntaxTree) {
        self.init()
        statements = syntax.statements
        writtenLocale = syntax.writtenLocale
        declarations = Declarations(statements: statements)
        reserveCapacity(for: statements)
        // Every name first: an attribute, flow or promise may name an id declared further down.
        let earlierSymbols = declareNames(syntax.declaredItems)
        // Every flow id is looked up in one loop, for the reason `declareNames` gives; then the flows.
        for index in statements.indices {
            guard case .flow(let flow) = statements[index].kind else { continue }
            for id in flow.ids { flowIDSymbols.append(PackedSymbol(symbols[id.name])) }
        }
        var firstIDSymbol = 0
        for index in statements.indices {
            guard case .flow(let flow) = statements[index].kind else { continue }
            addFlows(flow, symbolsFrom: firstIDSymbol)
            firstIDSymbol += flow.ids.count
        }
        // Statement indices of the first declaration of each step and evidence item, by index into `steps` and `evidence`.
        var stepStatements: [Int] = [], evidenceStatements: [Int] = []
        stepStatements.reserveCapacity(earlierSymbols.count)
        // Each evidence item shown and the step showing it: the item may be declared after the step.
        var evidenceShown: [(item: Int, step: Int)] = []
        for index in statements.indices {
            declare(statements[index], at: index, earlierSymbols: earlierSymbols, stepStatements: &stepStatements,
                    evidenceStatements: &evidenceStatements, evidenceShown: &evidenceShown)
        }
        for (item, step) in evidenceShown { evidence[item].shownBy.append(step) }
        for index in statements.indices {
            if case .promise(let promise) = statements[index].kind { addPromise(promise, at: statements[index].range.start) }
        }
        firstCustomerStep = steps.firstIndex { $0.lane == .customer }
    }

    /// Sizes the largest arrays up front: growing them on a large file copies them over and over.
    private mutating func reserveCapacity(for statements: [Statement]) {
        var declarationCount = 0, flowIDCount = 0, flowLinkCount = 0, promiseCount = 0, phaseCount = 0
        for index in statements.indices {
            switch statements[index].kind {
            case .phase: phaseCount += 1
            case .step: declarationCount += 1
            case .flow(let flow):
                flowIDCount += flow.ids.count
                flowLinkCount += flow.arrows.count
            case .promise: promiseCount += 1
            default: break
            }
        }
        // One more for the unnamed phase of steps declared before any `phase`.
        phases.reserveCapacity(phaseCount + 1)
        declarations.reserveCapacity(declarationCount)
        steps.reserveCapacity(declarationCount)
        symbols.reserveCapacity(declarationCount)
        flows.reserveCapacity(flowLinkCount)
        promises.reserveCapacity(promiseCount)
        flowIDSymbols.reserveCapacity(flowIDCount)
    }

    /// Puts every declared name in the symbol table, in one loop over the syntax tree's list of them:
    /// the processor then waits on many of the table's slots at once, where a name put in as its
    /// declaration is built waits on each in turn. For each declaration, the symbol its name had
    /// already (it is a duplicate), or nil (it is the first).
    private mutating func declareNames(_ items: [DeclaredItem]) -> [Symbol?] {
        var earlierSymbols: [Symbol?] = []
        earlierSymbols.reserveCapacity(items.count)
        var stepCount = 0, evidenceCount = 0
        for item in items {
            let isEvidence = item.lane == .evidence
            let earlier = symbols.insertIfAbsent(item.name, isEvidence ? .evidence(evidenceCount) : .step(stepCount))
            if earlier == nil {
                if isEvidence { evidenceCount += 1 } else { stepCount += 1 }
            }
            earlierSymbols.append(earlier)
        }
        return earlierSymbols
    }

    /// Like attributes and ids, a repeated header field keeps its first value.
    private mutating func declare(_ statement: Statement, at index: Int, earlierSymbols: [Symbol?], stepStatements: inout [Int],
                                  evidenceStatements: inout [Int], evidenceShown: inout [(item: Int, step: Int)]) {
        switch statement.kind {
        case .header(let header):
            title = header.title.value
        case .meta(let meta):
            switch meta.field {
            case .persona: persona = persona ?? meta.value.value
            case .scenario: scenario = scenario ?? meta.value.value
            case .owner: owner = owner ?? meta.value.value
            }
        case .demand(let demand):
            demandPerHour = demandPerHour ?? demand.rate.perHour
        case .locale:
            break // `syntax.writtenLocale`
        case .laneTitle(let statement):
            customLaneTitles[statement.lane] = customLaneTitles[statement.lane] ?? statement.title.value
        case .lineTitle(let statement):
            customLineTitles[statement.line] = customLineTitles[statement.line] ?? statement.title.value
        case .phase(let phase):
            phases.append(Phase(title: phase.title.value, keywordRange: keywordRange(at: statement.range.start, "phase")))
        case .step(let step):
            // Declarations are counted as they are built: the count is this one's place in `earlierSymbols`.
            declareStep(step, at: index, earlier: earlierSymbols[declarations.count], stepStatements: &stepStatements,
                        evidenceStatements: &evidenceStatements, evidenceShown: &evidenceShown)
        case .flow, .promise:
            break
        }
    }

    private mutating func declareStep(_ statement: StepStatement, at statementIndex: Int, earlier: Symbol?, stepStatements: inout [Int],
                                      evidenceStatements: inout [Int], evidenceShown: inout [(item: Int, step: Int)]) {
        let name = statement.id.name
        let isEvidence = statement.lane == .evidence
        if let existing = earlier {
            let first = switch existing {
            case .step(let index): stepStatements[index]
            case .evidence(let index): evidenceStatements[index]
            }
            declarations.append(statement, statement: statementIndex, duplicating: first)
            if !isEvidence { _ = resolveUses(of: statement, step: nil, evidenceShown: &evidenceShown) }
            return
        }
        declarations.append(statement, statement: statementIndex, duplicating: nil)
        if isEvidence {
            evidenceStatements.append(statementIndex)
            var item = EvidenceItem(id: name, label: statement.label.value, phase: phases.indices.last, idRange: statement.id.range)
            for attribute in statement.attributes {
                if case .text(let text) = attribute.value {
                    if attribute.name == .note { item.note = item.note ?? text.value }
                    if attribute.name == .channel { item.channel = item.channel ?? text.value }
                }
            }
            if let phase = item.phase { phases[phase].evidence.append(evidence.count) }
            evidence.append(item)
            return
        }
        if phases.isEmpty {
            phases.append(Phase(title: nil, keywordRange: nil))
        }
        stepStatements.append(statementIndex)
        var step = Step(id: name, lane: statement.lane, label: statement.label.value, phase: phases.count - 1,
                        idRange: statement.id.range)
        step.applyFirstValues(of: statement.attributes)
        let uses = resolveUses(of: statement, step: steps.count, evidenceShown: &evidenceShown)
        if !uses.failures.isEmpty || !uses.shownEvidence.isEmpty {
            step.modifyDetails { details in
                details.failures = uses.failures
                details.shownEvidence = uses.shownEvidence
            }
        }
        phases[phases.count - 1].steps.append(steps.count)
        steps.append(step)
    }

    /// Records the use of `id` (not in a flow) and returns what it names.
    private mutating func resolve(_ id: Identifier, as use: Reference.Use) -> Symbol? {
        let symbol = symbols[id.name]
        attributeAndPromiseUses.append(Reference(id: id, use: use, symbol: symbol))
        return symbol
    }

    /// Resolves the ids a step declaration's attributes name (`fail … recover`, `evidence`) and records
    /// each use, while the statement is at hand: every name is declared by now. For the first declaration
    /// of step `step`, the failures and the evidence it shows; a duplicate (`step` nil) uses its ids all
    /// the same, and shows nothing.
    private mutating func resolveUses(of statement: StepStatement, step: Int?,
                                      evidenceShown: inout [(item: Int, step: Int)]) -> (failures: [Failure], shownEvidence: [Int]) {
        let names = statement.attributeNames
        guard names.contains(.fail) || names.contains(.evidence) else { return ([], []) }
        var failures: [Failure] = [], shownEvidence: [Int] = []
        for attribute in statement.attributes {
            switch attribute.value {
            case .failure(let description, let recovery):
                var target: Symbol?
                if let recovery { target = resolve(recovery, as: .recovery) }
                guard let step else { continue }
                var failure = Failure(description: description.value, keywordRange: attribute.keywordRange)
                switch target {
                case .step(let target)?:
                    failure.recovery = target
                    recoveries.append(RecoveryLink(from: step, to: target))
                case nil:
                    if let recovery { unknownNameLinks.append(UnknownNameLink(from: .step(step), to: .unknown(recovery.name))) }
                case .evidence?:
                    break
                }
                failures.append(failure)
            case .reference(let id):
                if case .evidence(let item) = resolve(id, as: .evidence), let step, attribute.name == .evidence {
                    shownEvidence.append(item)
                    evidenceShown.append((item, step))
                }
            default:
                break
            }
        }
        return (failures, shownEvidence)
    }

    /// The flows of one statement, whose ids' symbols start at `firstIDSymbol` in `flowIDSymbols`.
    private mutating func addFlows(_ statement: FlowStatement, symbolsFrom firstIDSymbol: Int) {
        let ids = statement.ids
        var previous: Symbol?
        for (position, id) in ids.enumerated() {
            let symbol = flowIDSymbols[firstIDSymbol + position].symbol
            if position > 0 {
                let arrow = statement.arrows[position - 1]
                switch (previous, symbol) {
                case (.step(let fromIndex)?, .step(let toIndex)?):
                    // A share counts only where the grammar allows it; elsewhere it is an error the linter reports.
                    let share = ids.count == 2 && arrow == .handOff ? statement.share?.percent : nil
                    flows.append(Flow(from: fromIndex, to: toIndex, arrow: arrow, label: statement.label?.value,
                                      fromRange: ids[position - 1].range, share: share))
                case (.evidence?, _), (_, .evidence?):
                    break
                default:
                    unknownNameLinks.append(UnknownNameLink(from: Self.linkEnd(previous, name: ids[position - 1].name),
                                                            to: Self.linkEnd(symbol, name: id.name), arrow: arrow))
                }
            }
            previous = symbol
        }
    }

    /// A step, or an undeclared name (never an evidence item: links to those are left out).
    private static func linkEnd(_ symbol: Symbol?, name: String) -> UnknownNameLink.End {
        if case .step(let index) = symbol { return .step(index) }
        return .unknown(name)
    }

    private mutating func addPromise(_ statement: PromiseStatement, at start: SourcePosition) {
        func stepIndex(_ symbol: Symbol?) -> Int? {
            if case .step(let index) = symbol { return index }
            return nil
        }
        let from = resolve(statement.from, as: .promise), to = resolve(statement.to, as: .promise)
        promises.append(Promise(description: statement.description.value, from: stepIndex(from), to: stepIndex(to),
                                within: statement.within.duration, share: statement.share?.percent, range: keywordRange(at: start, "promise"), statement: statement))
    }

    /// The range of a statement's leading ASCII keyword.
    private func keywordRange(at start: SourcePosition, _ keyword: String) -> SourceRange {
        let length = keyword.utf8.count
        return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + length, offset: start.offset + length))
    }
}

extension Step {
    /// The first value of each attribute counts; later repeats are the linter's business.
    mutating func applyFirstValues(of attributes: [Attribute]) {
        guard !attributes.isEmpty else { return }
        var seen = AttributeNameSet()
        var moment = false
        modifyDetails { details in
            for attribute in attributes {
                let isFirst = seen.insert(attribute.name)
                switch (attribute.name, attribute.value) {
                case (.moment, _): moment = true
                case (.emotion, .integer(let value, _)) where isFirst: details.emotion = value
                case (.actor, .text(let text)) where isFirst: details.actor = text.value
                case (.channel, .text(let text)) where isFirst: details.channel = text.value
                case (.note, .text(let text)) where isFirst: details.note = text.value
                case (.takes, .duration(let duration)) where isFirst: details.takesSpan = TimeSpan(exactly: duration.duration)
                case (.takes, .span(let span)) where isFirst: details.takesSpan = TimeSpan(span)
                case (.wait, .duration(let duration)) where isFirst: details.waitSpan = TimeSpan(exactly: duration.duration)
                case (.wait, .span(let span)) where isFirst: details.waitSpan = TimeSpan(span)
                case (.servers, .integer(let value, _)) where isFirst: details.servers = value
                case (.tolerance, .duration(let duration)) where isFirst: details.tolerance = duration.duration
                default: break
                }
            }
        }
        if moment { isMomentOfTruth = true }
    }
}
