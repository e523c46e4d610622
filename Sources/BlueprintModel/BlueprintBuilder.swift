import BlueprintLanguage

extension Blueprint {
    /// Resolves a syntax tree: declarations first (ids may be used before they
    /// are declared), then the attributes, flows and promises that name them.
    public init(syntax: SyntaxTree) {
        self.init()
        for statement in syntax.statements {
            declare(statement)
        }
        for index in declarations.indices where !declarations[index].isDuplicate {
            resolveReferences(of: declarations[index].statement)
        }
        for statement in syntax.statements {
            switch statement.kind {
            case .flow(let flow): addFlows(flow)
            case .promise(let promise): addPromise(promise, at: statement.range.start)
            default: break
            }
        }
        firstCustomerStep = steps.firstIndex { $0.lane == .customer }
    }

    /// Like attributes and ids, a repeated header field keeps its first value.
    private mutating func declare(_ statement: Statement) {
        switch statement.kind {
        case .header(let header):
            title = header.title.value
        case .meta(let meta):
            switch meta.field {
            case .persona: persona = persona ?? meta.value.value
            case .scenario: scenario = scenario ?? meta.value.value
            case .owner: owner = owner ?? meta.value.value
            }
        case .locale(let statement):
            writtenLocale = writtenLocale ?? statement.locale
        case .laneTitle(let statement):
            customLaneTitles[statement.lane] = customLaneTitles[statement.lane] ?? statement.title.value
        case .lineTitle(let statement):
            customLineTitles[statement.line] = customLineTitles[statement.line] ?? statement.title.value
        case .phase(let phase):
            phases.append(Phase(title: phase.title.value, keywordRange: keywordRange(at: statement.range.start, "phase")))
        case .step(let step):
            declareStep(step)
        case .flow(let flow):
            flowStatements.append(flow)
        case .promise:
            break
        }
    }

    private mutating func declareStep(_ statement: StepStatement) {
        let name = statement.id.name
        if let existing = symbols[name] {
            let first = switch existing {
            case .step(let index): steps[index].idRange
            case .evidence(let index): evidence[index].idRange
            }
            declarations.append(Declaration(statement: statement, isDuplicate: true, firstDeclaration: first))
            return
        }
        declarations.append(Declaration(statement: statement, isDuplicate: false, firstDeclaration: nil))
        if statement.lane == .evidence {
            var item = EvidenceItem(id: name, label: statement.label.value, phase: phases.indices.last, idRange: statement.id.range)
            for attribute in statement.attributes {
                if case .text(let text) = attribute.value {
                    if attribute.name == .note { item.note = item.note ?? text.value }
                    if attribute.name == .channel { item.channel = item.channel ?? text.value }
                }
            }
            symbols[name] = .evidence(evidence.count)
            if let phase = item.phase { phases[phase].evidence.append(evidence.count) }
            evidence.append(item)
            return
        }
        if phases.isEmpty {
            phases.append(Phase(title: nil, keywordRange: nil))
        }
        var step = Step(id: name, lane: statement.lane, label: statement.label.value, phase: phases.count - 1,
                        idRange: statement.id.range)
        step.applyFirstValues(of: statement.attributes)
        symbols[name] = .step(steps.count)
        phases[phases.count - 1].steps.append(steps.count)
        steps.append(step)
    }

    /// Recovery links and evidence uses of a first declaration.
    private mutating func resolveReferences(of statement: StepStatement) {
        guard statement.lane != .evidence, case .step(let stepIndex) = symbols[statement.id.name] else { return }
        for attribute in statement.attributes {
            switch attribute.value {
            case .failure(let description, let recovery):
                var failure = Failure(description: description.value, keywordRange: attribute.keywordRange)
                if let recovery, case .step(let target) = symbols[recovery.name] {
                    failure.recovery = target
                    recoveries.append(RecoveryLink(from: stepIndex, to: target))
                }
                steps[stepIndex].failures.append(failure)
            case .reference(let id) where attribute.name == .evidence:
                if case .evidence(let item) = symbols[id.name] {
                    steps[stepIndex].shownEvidence.append(item)
                    evidence[item].shownBy.append(stepIndex)
                }
            default:
                break
            }
        }
    }

    private mutating func addFlows(_ statement: FlowStatement) {
        for (link, arrow) in statement.arrows.enumerated() {
            let from = statement.ids[link], to = statement.ids[link + 1]
            guard case .step(let fromIndex) = symbols[from.name], case .step(let toIndex) = symbols[to.name] else { continue }
            flows.append(Flow(from: fromIndex, to: toIndex, arrow: arrow, label: statement.label?.value, fromRange: from.range))
        }
    }

    private mutating func addPromise(_ statement: PromiseStatement, at start: SourcePosition) {
        func stepIndex(_ id: Identifier) -> Int? {
            if case .step(let index) = symbols[id.name] { return index }
            return nil
        }
        promises.append(Promise(description: statement.description.value, from: stepIndex(statement.from), to: stepIndex(statement.to),
                                within: statement.within.duration, range: keywordRange(at: start, "promise"), statement: statement))
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
        var seen = AttributeNameSet()
        for attribute in attributes {
            let isFirst = seen.insert(attribute.name)
            switch (attribute.name, attribute.value) {
            case (.moment, _): isMomentOfTruth = true
            case (.emotion, .integer(let value, _)) where isFirst: emotion = value
            case (.actor, .text(let text)) where isFirst: actor = text.value
            case (.channel, .text(let text)) where isFirst: channel = text.value
            case (.note, .text(let text)) where isFirst: note = text.value
            case (.takes, .duration(let duration)) where isFirst: takes = duration.duration
            case (.wait, .duration(let duration)) where isFirst: wait = duration.duration
            case (.tolerance, .duration(let duration)) where isFirst: tolerance = duration.duration
            default: break
            }
        }
    }
}
