import BlueprintDiagnostics
import BlueprintLanguage

extension Blueprint {
    /// Resolves a syntax tree: declarations first (ids may be used before they
    /// are declared), then the attributes, flows and promises that name them.
    /// Each use of an id is looked up once, into `references`.
    public init(syntax: SyntaxTree) {
        self.init()
        statements = syntax.statements
        writtenLocale = syntax.writtenLocale
        declarations = Declarations(statements: statements)
        reserveCapacity(for: statements)
        // Statement indices of the first declaration of each step and evidence item, by index into `steps` and `evidence`.
        var stepStatements: [Int] = [], evidenceStatements: [Int] = []
        var attributeUses: [AttributeUse] = []
        for index in statements.indices {
            declare(statements[index], at: index, stepStatements: &stepStatements, evidenceStatements: &evidenceStatements,
                    attributeUses: &attributeUses)
        }
        for index in statements.indices {
            if case .flow(let flow) = statements[index].kind { addFlows(flow) }
        }
        resolveAttributeReferences(attributeUses)
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

    /// An attribute of a step declaration that names an id, kept while its statement is at hand: resolved
    /// once every id is declared, it is read from this list, where going back to each statement would
    /// wait on memory for the statement and again for its attributes.
    private struct AttributeUse {
        /// Index into `steps` of the step a first declaration defines; nil for a duplicate, whose
        /// ids are used all the same.
        var step: Int?
        var attribute: Attribute
    }

    /// Like attributes and ids, a repeated header field keeps its first value.
    private mutating func declare(_ statement: Statement, at index: Int, stepStatements: inout [Int], evidenceStatements: inout [Int],
                                  attributeUses: inout [AttributeUse]) {
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
            declareStep(step, at: index, stepStatements: &stepStatements, evidenceStatements: &evidenceStatements,
                        attributeUses: &attributeUses)
        case .flow, .promise:
            break
        }
    }

    private mutating func declareStep(_ statement: StepStatement, at statementIndex: Int, stepStatements: inout [Int],
                                      evidenceStatements: inout [Int], attributeUses: inout [AttributeUse]) {
        let name = statement.id.name
        let isEvidence = statement.lane == .evidence
        if let existing = symbols.insertIfAbsent(name, isEvidence ? .evidence(evidence.count) : .step(steps.count)) {
            let first = switch existing {
            case .step(let index): stepStatements[index]
            case .evidence(let index): evidenceStatements[index]
            }
            declarations.append(statement, statement: statementIndex, duplicating: first)
            if !isEvidence { Self.collectUses(of: statement, step: nil, into: &attributeUses) }
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
        Self.collectUses(of: statement, step: steps.count, into: &attributeUses)
        phases[phases.count - 1].steps.append(steps.count)
        steps.append(step)
    }

    /// The attributes of a step declaration that name ids: `fail … recover` and `evidence`.
    private static func collectUses(of statement: StepStatement, step: Int?, into uses: inout [AttributeUse]) {
        let names = statement.attributeNames
        guard names.contains(.fail) || names.contains(.evidence) else { return }
        for attribute in statement.attributes {
            switch attribute.value {
            case .failure, .reference: uses.append(AttributeUse(step: step, attribute: attribute))
            default: break
            }
        }
    }

    /// Records the use of `id` (not in a flow) and returns what it names.
    private mutating func resolve(_ id: Identifier, as use: Reference.Use) -> Symbol? {
        let symbol = symbols[id.name]
        attributeAndPromiseUses.append(Reference(id: id, use: use, symbol: symbol))
        return symbol
    }

    /// The ids of step declarations' attributes; the recovery links and evidence uses of first declarations.
    private mutating func resolveAttributeReferences(_ uses: [AttributeUse]) {
        for use in uses {
            let attribute = use.attribute
            switch attribute.value {
            case .failure(let description, let recovery):
                var target: Symbol?
                if let recovery { target = resolve(recovery, as: .recovery) }
                guard let stepIndex = use.step else { continue }
                var failure = Failure(description: description.value, keywordRange: attribute.keywordRange)
                switch target {
                case .step(let target)?:
                    failure.recovery = target
                    recoveries.append(RecoveryLink(from: stepIndex, to: target))
                case nil:
                    if let recovery { unknownNameLinks.append(UnknownNameLink(from: .step(stepIndex), to: .unknown(recovery.name))) }
                case .evidence?:
                    break
                }
                steps[stepIndex].modifyDetails { $0.failures.append(failure) }
            case .reference(let id):
                if case .evidence(let item) = resolve(id, as: .evidence), let stepIndex = use.step, attribute.name == .evidence {
                    steps[stepIndex].modifyDetails { $0.shownEvidence.append(item) }
                    evidence[item].shownBy.append(stepIndex)
                }
            default:
                break
            }
        }
    }

    private mutating func addFlows(_ statement: FlowStatement) {
        let ids = statement.ids
        var previous: Symbol?
        for (position, id) in ids.enumerated() {
            let symbol = symbols[id.name]
            flowIDSymbols.append(PackedSymbol(symbol))
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
