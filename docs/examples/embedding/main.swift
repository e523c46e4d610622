// Lints a blueprint, reports its promises and draws it: what an application embedding the
// `Blueprint` library does. `swift run EmbeddingExample FILE.blueprint OUT.svg`
import Blueprint
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let path = arguments.first, let output = arguments.last else {
    print("usage: EmbeddingExample FILE.blueprint OUT.svg")
    exit(2)
}

// Files are read within the input limit, under the `.blueprintlint.yml` that applies to them.
let workspace = Workspace()
let document: Document
do {
    document = try workspace.load(path: path)
} catch {
    print(error)
    exit(2)
}

print("blueprint \(BlueprintVersion.current): \(document.blueprint.title ?? "untitled"), \(document.blueprint.steps.count) steps")
for diagnostic in document.diagnostics {
    print("\(path):\(diagnostic.position.line):\(diagnostic.position.column): \(diagnostic.severity): \(diagnostic.message(in: .en)) [\(diagnostic.rule)]")
}
for checked in document.analysed.promises {
    print("promise '\(checked.promise.description)': \(checked.check.status), worst case \(checked.check.worstCost) of \(checked.promise.within)")
}
if let formatted = try? document.formatted(), !formatted.utf8.elementsEqual(document.source.fileBytes) {
    print("not in the canonical layout: `blueprint fmt` would change it")
}

// A document with lint errors is not drawn; its diagnostics above say why.
do {
    let svg = try document.draw(RenderOptions(format: .svg))
    try Data(svg.bytes).write(to: URL(fileURLWithPath: output))
    print("drew \(output)")
} catch {
    print("not drawn: \(error)")
    exit(1)
}
