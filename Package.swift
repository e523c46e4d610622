// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "blueprint",
    platforms: [.macOS(.v13)],
    products: [
        // One library: what an embedder needs (load, analyse, lint, format, draw, version); every
        // other module is the package's own.
        .library(name: "Blueprint", targets: ["Blueprint"]),
        .executable(name: "blueprint", targets: ["BlueprintCLI"]),
        .plugin(name: "RenderBlueprints", targets: ["RenderBlueprints"]),
        .plugin(name: "LintBlueprintsCommand", targets: ["LintBlueprintsCommand"]),
        .plugin(name: "RenderBlueprintsCommand", targets: ["RenderBlueprintsCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // Reads and writes spreadsheets (`export --to csv`, `import`): quotes, line breaks in cells, a BOM; only BlueprintExport uses it.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // text formats every output shares: JSON values, XML and HTML escaping, East Asian display widths
        .target(name: "BlueprintEncoding"),
        // source text and positions, durations, and diagnostics as values with messages in three languages
        .target(name: "BlueprintDiagnostics"),
        // lexer + parser -> syntax tree with source ranges
        .target(name: "BlueprintLanguage", dependencies: ["BlueprintDiagnostics"]),
        // syntax tree -> resolved model (steps, flows, phases, promises) and promise analysis
        .target(name: "BlueprintModel", dependencies: ["BlueprintDiagnostics", "BlueprintLanguage"]),
        // language 1.2's figures: visits from shares, arrival rates, utilisation, Erlang C queue waits,
        // and a seeded simulation of promises for a share of customers. No rendering.
        .target(name: "BlueprintCapacity", dependencies: ["BlueprintEncoding", "BlueprintModel"]),
        // rules over the model, their descriptions, ignore comments and the settings that switch them
        .target(name: "BlueprintLint", dependencies: ["BlueprintCapacity", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintModel"]),
        // diagnostics -> text, JSON, SARIF and GitHub annotations
        .target(name: "BlueprintReport", dependencies: ["BlueprintDiagnostics", "BlueprintEncoding", "BlueprintLint"]),
        // `.blueprintlint.yml` discovery and loading
        .target(name: "BlueprintConfig", dependencies: ["BlueprintDiagnostics", "BlueprintLint", .product(name: "Yams", package: "Yams")]),
        // canonical layout of a syntax tree
        .target(name: "BlueprintFormat", dependencies: ["BlueprintDiagnostics", "BlueprintEncoding", "BlueprintLanguage"]),
        // The one analysis API every front end calls: documents (text + path → syntax, model, promise
        // checks, diagnostics under the configuration that applies) and a workspace that keeps them.
        .target(name: "BlueprintAnalysis", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintCapacity", "BlueprintConfig", "BlueprintFormat"]),
        // `blueprint analyze`'s figures (every promise simulated, every step's capacity) as text,
        // Markdown and JSON tables in the file's language. A leaf: no rendering.
        .target(name: "BlueprintAnalyze", dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintModel", "BlueprintDiagnostics",
                                                         "BlueprintEncoding"]),
        // What the tests of every module and the benchmarks share: generated blueprints, the spec's
        // example, temporary folders, the command runner and waits that hold no thread.
        // `blueprint export`: the model in other formats, positioned by our own layout where a format
        // carries positions; never Graphviz.
        .target(name: "BlueprintExport", dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintDiagnostics", "BlueprintEditor", "BlueprintEncoding", "BlueprintLanguage",
                                                        "BlueprintLayout", "BlueprintModel", .product(name: "CSV", package: "CSV.swift")]),
        // `blueprint diff`: two versions of a blueprint compared by id, in words (text, Markdown, JSON)
        // and as marks for the compare drawing. Never Graphviz.
        .target(name: "BlueprintDiff", dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintDiagnostics", "BlueprintEncoding", "BlueprintLanguage", "BlueprintModel"]),
        .target(name: "BlueprintTestSupport"),
        // The library product's one module: re-exports the analysis core and drawing.
        .target(
            name: "Blueprint",
            dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintLayout", "BlueprintLint",
                           "BlueprintModel", "BlueprintRender"]
        ),
        // the only module that talks to libcgraph / libgvc
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // pango's font options as Graphviz's pango plugin sets them, answered unhinted and unrounded;
        // text measured as that plugin measures it, in pango contexts of the bridge's own; fontconfig's
        // configuration read while pango loads
        .target(name: "CGraphvizText"),
        .target(name: "GraphvizBridge", dependencies: ["CGraphviz", "CGraphvizText"]),
        // blueprint model + measured sizes -> slots, columns, lanes, pages, routes and label places:
        // the drawing as data, from a text-measuring protocol, with neither Graphviz nor a font
        .target(name: "BlueprintLayout", dependencies: ["BlueprintDiagnostics", "BlueprintEncoding", "BlueprintLanguage", "BlueprintModel"]),
        // blueprint model -> layout -> Graphviz graph -> SVG/PNG/PDF/DOT
        .target(name: "BlueprintRender", dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintEncoding", "BlueprintModel", "BlueprintLayout", "GraphvizBridge"]),
        // Editor queries on a document (definition, references, rename, completion, hover, symbols,
        // folding, semantic tokens, inlay hints, code actions) in the core's own ranges and edits, and
        // the step summary the hover and the preview share. No protocol: front ends translate.
        .target(name: "BlueprintEditor", dependencies: ["BlueprintAnalysis", "BlueprintCapacity", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintModel", "BlueprintLint"]),
        // `blueprint lsp`: LSP 3.17 over JSON-RPC, translating to and from BlueprintEditor. A leaf: only front ends link it.
        .target(name: "BlueprintLanguageServer", dependencies: ["BlueprintAnalysis", "BlueprintDiagnostics", "BlueprintEditor", "BlueprintEncoding", "BlueprintLanguage"]),
        // `blueprint preview`: a local web server of its own over POSIX sockets (GET and HEAD, limits
        // checked before parsing; no HTTP library, so no networking library is linked), file watching
        // and the page. A leaf module: only the command-line tool and the benchmarks link it.
        .target(
            name: "BlueprintPreview",
            dependencies: ["BlueprintEncoding", "BlueprintLanguage", "BlueprintModel", "BlueprintRender", "BlueprintAnalysis", "BlueprintEditor"]
        ),
        .executableTarget(
            name: "BlueprintCLI",
            dependencies: [
                "BlueprintEncoding", "BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintReport", "BlueprintConfig",
                "BlueprintFormat", "BlueprintLayout", "BlueprintRender", "BlueprintAnalysis", "BlueprintAnalyze", "BlueprintExport", "BlueprintLanguageServer",
                "BlueprintPreview", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                "BlueprintDiff",
            ]
        ),
        .executableTarget(
            name: "BlueprintBenchmarks",
            dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintFormat", "BlueprintRender", "BlueprintAnalysis",
                           "BlueprintAnalyze", "BlueprintLanguageServer", "BlueprintPreview", "BlueprintTestSupport",
                           "BlueprintDiff"]
        ),
        // docs/LIBRARY.md's example, built and run by the tests so the documentation cannot go stale.
        .executableTarget(name: "EmbeddingExample", dependencies: ["Blueprint"], path: "docs/examples/embedding"),
        // SwiftPM plugins: thin wrappers that run `blueprint` on a package's .blueprint files
        .plugin(name: "RenderBlueprints", capability: .buildTool(), dependencies: ["BlueprintCLI"]),
        .plugin(
            name: "LintBlueprintsCommand",
            capability: .command(
                intent: .custom(verb: "lint-blueprints", description: "Lint the package's .blueprint files")
            ),
            dependencies: ["BlueprintCLI"]
        ),
        .plugin(
            name: "RenderBlueprintsCommand",
            capability: .command(
                intent: .custom(verb: "render-blueprints", description: "Render the package's .blueprint files to SVG, PNG, PDF or DOT"),
                permissions: [.writeToPackageDirectory(reason: "Writes a diagram next to each .blueprint file, or into --output-dir")]
            ),
            dependencies: ["BlueprintCLI"]
        ),
        // The library as a whole: its example, and the translations of every module's catalogue.
        .testTarget(
            name: "BlueprintTests",
            dependencies: ["Blueprint", "BlueprintAnalyze", "BlueprintDiff", "BlueprintEditor", "BlueprintExport", "BlueprintPreview", "BlueprintReport", "BlueprintTestSupport", "EmbeddingExample"]
        ),
        .testTarget(name: "BlueprintEncodingTests", dependencies: ["BlueprintEncoding"]),
        .testTarget(name: "BlueprintDiagnosticsTests", dependencies: ["BlueprintDiagnostics"]),
        .testTarget(name: "BlueprintModelTests", dependencies: ["BlueprintDiagnostics", "BlueprintLanguage", "BlueprintModel", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintConfigTests", dependencies: ["BlueprintConfig", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintLint"]),
        .testTarget(name: "BlueprintLanguageTests", dependencies: ["BlueprintDiagnostics", "BlueprintLanguage"]),
        .testTarget(name: "BlueprintCapacityTests", dependencies: ["BlueprintCapacity", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintModel", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintLintTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintReportTests", dependencies: ["BlueprintLanguage", "BlueprintReport", "BlueprintLint"]),
        .testTarget(name: "GraphvizBridgeTests", dependencies: ["GraphvizBridge", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintFormatTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintFormat", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintLayoutTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLayout", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintRenderTests", dependencies: ["BlueprintAnalysis", "BlueprintModel", "BlueprintLayout", "BlueprintRender", "GraphvizBridge", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintCLITests", dependencies: ["BlueprintCLI", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintLanguageServerTests", dependencies: ["BlueprintLanguageServer", "BlueprintCLI", "BlueprintAnalysis", "BlueprintLanguage", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintEditorTests", dependencies: ["BlueprintEditor", "BlueprintAnalysis", "BlueprintDiagnostics", "BlueprintLanguage", "BlueprintModel", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintPreviewTests", dependencies: ["BlueprintPreview", "BlueprintAnalysis", "BlueprintLanguage", "BlueprintRender", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintAnalyzeTests", dependencies: ["BlueprintAnalyze", "BlueprintAnalysis", "BlueprintCapacity", "BlueprintDiagnostics", "BlueprintEncoding", "BlueprintTestSupport"]),
        .testTarget(name: "BlueprintExportTests", dependencies: ["BlueprintExport", "BlueprintAnalysis", "BlueprintDiagnostics", "BlueprintLayout", "BlueprintModel", "BlueprintRender", "BlueprintTestSupport"],
                    // read from the source tree by path, and written there again on request
                    exclude: ["Golden"]),
        .testTarget(name: "BlueprintDiffTests", dependencies: ["BlueprintDiff", "BlueprintAnalysis", "BlueprintEncoding"]),
        .testTarget(name: "BlueprintAnalysisTests", dependencies: ["BlueprintAnalysis", "BlueprintLanguage", "BlueprintLint", "BlueprintModel", "BlueprintTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
