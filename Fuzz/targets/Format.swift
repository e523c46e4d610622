// libFuzzer target over `blueprint fmt`: a file that parses is formatted, and formatting must keep
// what the file means and every comment, and a second formatting must change nothing.
@testable import BlueprintFormat
@testable import BlueprintDiagnostics
@testable import BlueprintLanguage
@testable import BlueprintModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormat(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let source = try? SourceText(bytes: UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let tree = Parser.parse(source)
    let formatted: String
    do {
        formatted = try BlueprintFormatter.format(tree, source: source)
    } catch {
        require(tree.hasSyntaxErrors, "formatting refused a file without syntax errors")
        return 0
    }
    let reformatted = SourceText(formatted)
    let newTree = Parser.parse(reformatted)
    require(!newTree.hasSyntaxErrors, "the formatted text has syntax errors: \(newTree.diagnostics.prefix(2).map(\.message))")
    require((try? BlueprintFormatter.format(newTree, source: reformatted)) == formatted, "formatting is not idempotent")
    require(newTree.comments.map(\.text).sorted() == tree.comments.map { trimmedAtEnd($0.text) }.sorted(), "formatting lost or changed a comment")
    require(meaning(of: newTree) == meaning(of: tree), "formatting changed what the file means")
    return 0
}

/// A comment as the layout keeps it: without the whitespace at its end (TAB and space separators).
private func trimmedAtEnd(_ text: String) -> String {
    var scalars = text.unicodeScalars[...]
    while let last = scalars.last, last == "\t" || last.properties.generalCategory == .spaceSeparator { scalars.removeLast() }
    return String(scalars)
}

/// What a file says, without its layout: the model's content with positions left out.
private func meaning(of tree: SyntaxTree) -> [String] {
    let blueprint = Blueprint(syntax: tree)
    var facts = [blueprint.title ?? "-", blueprint.persona ?? "-", blueprint.scenario ?? "-", blueprint.owner ?? "-",
                 blueprint.writtenLocale?.rawValue ?? "-"]
    facts += blueprint.customLaneTitles.sorted { $0.key < $1.key }.map { "lane \($0.key) \($0.value)" }
    facts += blueprint.customLineTitles.sorted { $0.key.rawValue < $1.key.rawValue }.map { "line \($0.key) \($0.value)" }
    facts += blueprint.phases.map { "phase \($0.title ?? "-") \($0.steps) \($0.evidence)" }
    facts += blueprint.declarations.map { declaration in
        let step = declaration.statement
        // The canonical layout sorts attributes by name, keeping the order of repeats.
        let attributes = step.attributes.enumerated()
            .sorted { ($0.element.name.rawValue, $0.offset) < ($1.element.name.rawValue, $1.offset) }
            .map { "\($0.element.name)=\(value($0.element.value))" }
        return "\(step.lane) \(step.id.name) \(step.label.value) \(attributes)"
    }
    facts += blueprint.flows.map { "\($0.from) \($0.arrow.rawValue) \($0.to) \($0.label ?? "-")" }
    facts += blueprint.promises.map { "\($0.description) \($0.statement.from.name) \($0.statement.to.name) \($0.within.seconds)" }
    return facts
}

private func value(_ value: AttributeValue) -> String {
    switch value {
    case .flag: "flag"
    case .integer(let number, _): String(number)
    case .text(let text): text.value
    case .duration(let duration): String(duration.duration.seconds)
    case .span(let span): span.values.map { String($0.duration.seconds) }.joined(separator: "..")
    case .failure(let description, let recovery): "\(description.value) \(recovery?.name ?? "-")"
    case .reference(let id): id.name
    }
}
