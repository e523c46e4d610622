// libFuzzer target over the whole lint pipeline: UTF-8 validation, lexer, parser, resolver,
// promise analysis and every rule. Built and run by Fuzz/run.sh. A crash, a trap, a sanitizer
// report or a broken invariant below is a finding; a slow input shows up as a libFuzzer timeout.
// The promise search gets a small budget of its own: with the default, the corpus fills with
// dense loops that spend it all, and the fuzzer tries a few inputs a second.

// Testable imports: the harness builds extra promises, whose initialisers are internal.
@testable import BlueprintDiagnostics
@testable import BlueprintLanguage
@testable import BlueprintModel
import BlueprintLint

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParseLint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let source: SourceText
    do {
        source = try SourceText(bytes: bytes)
    } catch {
        checkDecodingError(error, in: bytes)
        return 0
    }
    require(String(validating: bytes, as: UTF8.self) != nil, "SourceText accepted bytes that are not valid UTF-8")

    let result = Linter().lint(LintContext(syntax: Parser.parse(source), source: source, promiseWork: fuzzPromiseWork))
    checkDiagnostics(result.diagnostics, in: source)
    checkModel(result.analysed.blueprint)
    let graph = HandOffGraph(result.analysed.blueprint)
    for checked in result.analysed.promises {
        checkPromise(checked.promise, checked.check, blueprint: result.analysed.blueprint, graph: graph)
    }
    checkExtraPromises(result.analysed.blueprint, graph: graph)
    return 0
}

// MARK: - Decoding

/// The error must point at the first bad byte: everything before it is valid UTF-8 and
/// its line and column count that prefix.
private func checkDecodingError(_ error: SourceDecodingError, in bytes: UnsafeBufferPointer<UInt8>) {
    require(String(validating: bytes, as: UTF8.self) == nil, "SourceText rejected valid UTF-8: \(error)")
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
    let position = error.position
    require(position.offset >= 0 && position.offset < body.count, "decoding error offset \(position.offset) out of bounds")
    guard let prefix = String(validating: body[..<position.offset], as: UTF8.self) else {
        fatalError("decoding error at offset \(position.offset) is not the first invalid byte")
    }
    let lines = prefix.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    let column = (lines.last?.count ?? 0) + 1
    require(position.line == lines.count, "decoding error at line \(position.line), expected \(lines.count)")
    require(position.column == column, "decoding error at column \(position.column), expected \(column)")
}

// MARK: - Diagnostics

private let knownRuleIDs = Set(Linter.ruleIDs)

/// Every diagnostic names a rule, says something, stands at a real line and column whose byte
/// offset agrees with them, and comes in the spec's order.
private func checkDiagnostics(_ diagnostics: [Diagnostic], in source: SourceText) {
    // Scalars before the line's start and before the offset, counted by cursors that only move
    // forward, as diagnostics come in order: linear in the input, with no table of every offset.
    var lineStartCursor = ScalarCursor(), offsetCursor = ScalarCursor()
    for (index, diagnostic) in diagnostics.enumerated() {
        require(knownRuleIDs.contains(diagnostic.rule), "unknown rule \(diagnostic.rule)")
        require(!diagnostic.message.isEmpty, "empty message from \(diagnostic.rule)")
        if index > 0 {
            require(!Diagnostic.sortedOrder(diagnostic, diagnostics[index - 1]), "diagnostics out of order at \(index)")
        }
        let position = diagnostic.position
        require(position.line >= 1 && position.line <= source.lineCount, "\(diagnostic.rule) at line \(position.line) of \(source.lineCount)")
        let lineStart = source.lineStarts[position.line - 1]
        let lineEnd = position.line < source.lineCount ? source.lineStarts[position.line] - 1 : source.bytes.count
        require(position.offset >= lineStart && position.offset <= lineEnd,
                "\(diagnostic.rule) at \(position) has offset \(position.offset) outside its line \(lineStart)...\(lineEnd)")
        let scalars = offsetCursor.scalars(before: position.offset, in: source.bytes)
            - lineStartCursor.scalars(before: lineStart, in: source.bytes)
        require(position.column == scalars + 1,
                "\(diagnostic.rule) at \(position) disagrees with its offset \(position.offset)")
    }
}

/// The number of scalars before `offset`, counted from where the last question left off.
private struct ScalarCursor {
    var offset = 0
    var scalars = 0

    mutating func scalars(before target: Int, in bytes: [UInt8]) -> Int {
        if target < offset { self = ScalarCursor() }
        while offset < target {
            if bytes[offset] & 0xC0 != 0x80 { scalars += 1 }
            offset += 1
        }
        return scalars
    }
}

// MARK: - Model

private func checkModel(_ blueprint: Blueprint) {
    for (index, step) in blueprint.steps.enumerated() {
        require(blueprint.symbols[step.id] == .step(index), "symbol table does not name step \(index) '\(step.id)'")
        require(blueprint.phases.indices.contains(step.phase), "step '\(step.id)' in phase \(step.phase) of \(blueprint.phases.count)")
        require(step.lane != .evidence, "evidence item '\(step.id)' resolved as a step")
    }
    for (index, item) in blueprint.evidence.enumerated() {
        require(blueprint.symbols[item.id] == .evidence(index), "symbol table does not name evidence item \(index) '\(item.id)'")
    }
    for flow in blueprint.flows {
        require(blueprint.steps.indices.contains(flow.from) && blueprint.steps.indices.contains(flow.to), "flow to a missing step")
    }
    // Each use of an id names what the symbol table says; flow ids are looked up as they are read.
    for reference in blueprint.references {
        require(reference.symbol == blueprint.symbols[reference.id.name], "reference to '\(reference.id.name)' resolved wrongly")
    }
    if let first = blueprint.firstCustomerStep {
        require(blueprint.steps[first].lane == .customer, "the journey starts at a \(blueprint.steps[first].lane) step")
    }
}

// MARK: - Promises

/// Promises from the first step to a few others, including the step itself, with a small work
/// bound: most fuzz inputs have no promise of their own, and this drives the loop search.
private func checkExtraPromises(_ blueprint: Blueprint, graph: HandOffGraph) {
    guard let from = blueprint.steps.indices.first else { return }
    let analysis = PromiseAnalysis(blueprint, workBound: fuzzPromiseWork)
    let statement = PromiseStatement(
        description: StringLiteral(value: "fuzz", range: .fileStart),
        from: Identifier(name: blueprint.steps[from].id, range: .fileStart),
        to: Identifier(name: blueprint.steps[from].id, range: .fileStart),
        within: DurationLiteral(duration: Duration(seconds: 3_600), text: "1h", range: .fileStart))
    for to in Set([from, 1, 2, blueprint.steps.count - 1]) where blueprint.steps.indices.contains(to) {
        let promise = Promise(description: "fuzz", from: from, to: to, within: Duration(seconds: 3_600), range: .fileStart, statement: statement)
        checkPromise(promise, analysis.check(promise), blueprint: blueprint, graph: graph)
    }
}

/// The worst path is a real `->` path without a repeated step from `from` to `to`, costing what
/// the check says; on small graphs the worst cost and the loop verdict match a brute-force search.
private func checkPromise(_ promise: Promise, _ check: PromiseCheck, blueprint: Blueprint, graph: HandOffGraph) {
    guard let from = promise.from, let to = promise.to else {
        require(check.status == .unresolved, "promise with an unresolved end has status \(check.status)")
        return
    }
    // Spec section 8, "Unknown names": a `->` path through an undeclared id leaves the promise unchecked.
    guard check.status != .unresolved else {
        require(blueprint.unknownNameLinks.contains { $0.arrow == .handOff }, "promise with declared ends and no unknown name is unresolved")
        return
    }
    let reachable = reachableSteps(from: from, graph: graph)
    guard check.status != .unreachable else {
        require(!reachable[to], "promise '\(blueprint.steps[from].id)' to '\(blueprint.steps[to].id)' called unreachable, but a path exists")
        return
    }
    require(reachable[to], "promise '\(blueprint.steps[from].id)' to '\(blueprint.steps[to].id)' measured without a path")
    let path = check.worstPath
    require(path.first == from && path.last == to, "worst path \(path) does not run from \(from) to \(to)")
    require(Set(path).count == path.count, "worst path \(path) repeats a step")
    for (step, next) in zip(path, path.dropFirst()) {
        require(graph.successors(of: step).contains(next), "worst path \(path) uses a missing flow \(step) -> \(next)")
    }
    let pathCost = path.reduce(0) { saturatingSum($0, blueprint.steps[$1].cost.seconds) }
    require(pathCost == check.worstCost.seconds, "worst path costs \(pathCost)s, check says \(check.worstCost.seconds)s")
    require(check.status == (check.worstCost <= promise.within ? .kept : .broken), "status \(check.status) disagrees with the cost")
    require(check.stepsOnPaths == check.stepsOnPaths.sorted() && Set(path).isSubset(of: check.stepsOnPaths), "steps on paths \(check.stepsOnPaths) miss the worst path")

    guard check.stepsOnPaths.count <= 8, !check.searchWasBounded else { return }
    let onPath = Set(check.stepsOnPaths)
    let expected = bruteForceWorstCost(from: from, to: to, onPath: onPath, blueprint: blueprint, graph: graph)
    require(check.worstCost.seconds == expected, "worst cost \(check.worstCost.seconds)s, brute force finds \(expected)s")
    let hasLoop = onPath.contains { step in reachableSteps(fromSuccessorsOf: step, graph: graph)[step] }
    require(check.hasLoop == hasLoop, "loop verdict \(check.hasLoop), brute force says \(hasLoop)")
}

private func saturatingSum(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
}

private func reachableSteps(from start: Int, graph: HandOffGraph) -> [Bool] {
    var seen = [Bool](repeating: false, count: graph.stepCount)
    seen[start] = true
    return markReachable(from: [start], seen: &seen, graph: graph)
}

/// Steps reachable in one or more flows: `start` is in it only when it lies on a loop.
private func reachableSteps(fromSuccessorsOf start: Int, graph: HandOffGraph) -> [Bool] {
    var seen = [Bool](repeating: false, count: graph.stepCount)
    let first = graph.successors(of: start).filter { !seen[$0] }
    for step in first { seen[step] = true }
    return markReachable(from: first, seen: &seen, graph: graph)
}

private func markReachable(from start: [Int], seen: inout [Bool], graph: HandOffGraph) -> [Bool] {
    var stack = start
    while let step = stack.popLast() {
        for next in graph.successors(of: step) where !seen[next] {
            seen[next] = true
            stack.append(next)
        }
    }
    return seen
}

/// The largest cost over every `->` path without a repeated step: exponential, for a few steps only.
private func bruteForceWorstCost(from: Int, to: Int, onPath: Set<Int>, blueprint: Blueprint, graph: HandOffGraph) -> Int {
    var best = -1
    var visited = Set<Int>()
    func walk(_ step: Int, cost: Int) {
        let total = saturatingSum(cost, blueprint.steps[step].cost.seconds)
        if step == to { best = max(best, total) }
        visited.insert(step)
        for next in graph.successors(of: step) where onPath.contains(next) && !visited.contains(next) {
            walk(next, cost: total)
        }
        visited.remove(step)
    }
    walk(from, cost: 0)
    return best
}
