// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "blueprint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "BlueprintLanguage", targets: ["BlueprintLanguage"]),
        .library(name: "BlueprintModel", targets: ["BlueprintModel"]),
        .library(name: "BlueprintLint", targets: ["BlueprintLint"]),
        .library(name: "BlueprintCapacity", targets: ["BlueprintCapacity"]),
        .library(name: "BlueprintReport", targets: ["BlueprintReport"]),
        .library(name: "BlueprintConfig", targets: ["BlueprintConfig"]),
        .library(name: "BlueprintFormat", targets: ["BlueprintFormat"]),
        .library(name: "BlueprintLayout", targets: ["BlueprintLayout"]),
        .library(name: "BlueprintRender", targets: ["BlueprintRender"]),
        .library(name: "BlueprintAnalysis", targets: ["BlueprintAnalysis"]),
        .executable(name: "blueprint", targets: ["BlueprintCLI"]),
        .plugin(name: "RenderBlueprints", targets: ["RenderBlueprints"]),
        .plugin(name: "LintBlueprintsCommand", targets: ["LintBlueprintsCommand"]),
        .plugin(name: "RenderBlueprintsCommand", targets: ["RenderBlueprintsCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // The preview's HTTP server: pure Swift over the platform's sockets, so it builds in seconds
        // where a SwiftNIO-based server takes minutes; only BlueprintPreview uses it.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // source text + lexer + parser -> syntax tree with source ranges
        .target(name: "BlueprintLanguage"),
        // syntax tree -> resolved model (steps, flows, phases, promises) and promise analysis
        .target(name: "BlueprintModel", dependencies: ["BlueprintLanguage"]),
        // language 1.2's figures: visits from shares, arrival rates, utilisation, Erlang C queue waits,
        // and a seeded simulation of promises for a share of customers. No rendering.
        .target(name: "BlueprintCapacity", dependencies: ["BlueprintModel"]),
        // rules over the model, ignore comments, severity overrides, report formats
        .target(name: "BlueprintLint", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintCapacity"]),
        // diagnostics -> text, JSON, SARIF and GitHub annotations
        .target(name: "BlueprintReport", dependencies: ["BlueprintLanguage"]),
        // `.blueprintlint.yml` discovery and loading
        .target(name: "BlueprintConfig", dependencies: ["BlueprintLanguage", .product(name: "Yams", package: "Yams")]),
        // canonical layout of a syntax tree
        .target(name: "BlueprintFormat", dependencies: ["BlueprintLanguage"]),
        // The one analysis API every front end calls: documents (text + path → syntax, model, promise
        // checks, diagnostics under the configuration that applies) and a workspace that keeps them.
        .target(name: "BlueprintAnalysis", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintConfig", "BlueprintFormat"]),
        // A seeded generator for the inputs that tests and benchmarks generate.
        .target(name: "SeededGenerator"),
        // The spec's complete example, shared by the tests of every module.
        .target(name: "SpecExample"),
        // the only module that talks to libcgraph / libgvc
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .target(name: "GraphvizBridge", dependencies: ["CGraphviz"]),
        // blueprint model + measured sizes -> slots, columns, lanes, pages, routes and label places:
        // the drawing as data, from a text-measuring protocol, with neither Graphviz nor a font
        .target(name: "BlueprintLayout", dependencies: ["BlueprintLanguage", "BlueprintModel"]),
        // blueprint model -> layout -> Graphviz graph -> SVG/PNG/PDF/DOT
        .target(name: "BlueprintRender", dependencies: ["BlueprintModel", "BlueprintLayout", "GraphvizBridge"]),
        // `blueprint lsp`: LSP 3.17 over JSON-RPC on the analysis API. A leaf: only front ends link it.
        .target(name: "BlueprintLanguageServer", dependencies: ["BlueprintAnalysis", "BlueprintLanguage", "BlueprintModel", "BlueprintLint"]),
        // `blueprint preview`: a local web server, file watching and the page. A leaf module: only the
        // command-line tool and the benchmarks link it, never a library product.
        .target(
            name: "BlueprintPreview",
            dependencies: [
                "BlueprintLanguage", "BlueprintModel", "BlueprintRender", "BlueprintAnalysis",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "BlueprintCLI",
            dependencies: [
                "BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintReport", "BlueprintConfig",
                "BlueprintFormat", "BlueprintLayout", "BlueprintRender", "BlueprintAnalysis", "BlueprintLanguageServer", "BlueprintPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "BlueprintBenchmarks",
            dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "BlueprintFormat", "BlueprintRender", "BlueprintAnalysis",
                           "BlueprintLanguageServer", "BlueprintPreview", "SeededGenerator"]
        ),
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
        .testTarget(name: "BlueprintLanguageTests", dependencies: ["BlueprintLanguage"]),
        .testTarget(name: "BlueprintCapacityTests", dependencies: ["BlueprintCapacity", "BlueprintLanguage", "BlueprintModel"]),
        .testTarget(name: "BlueprintLintTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLint", "SeededGenerator", "SpecExample"]),
        .testTarget(name: "BlueprintReportTests", dependencies: ["BlueprintLanguage", "BlueprintReport", "BlueprintConfig", "BlueprintLint"]),
        .testTarget(name: "GraphvizBridgeTests", dependencies: ["GraphvizBridge"]),
        .testTarget(name: "BlueprintFormatTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintFormat", "SeededGenerator", "SpecExample"]),
        .testTarget(name: "BlueprintLayoutTests", dependencies: ["BlueprintLanguage", "BlueprintModel", "BlueprintLayout", "SeededGenerator", "SpecExample"]),
        .testTarget(name: "BlueprintRenderTests", dependencies: ["BlueprintModel", "BlueprintLayout", "BlueprintRender", "GraphvizBridge", "SeededGenerator", "SpecExample"]),
        .testTarget(name: "BlueprintCLITests", dependencies: ["BlueprintCLI"]),
        .testTarget(name: "BlueprintLanguageServerTests", dependencies: ["BlueprintLanguageServer", "BlueprintCLI", "BlueprintAnalysis", "BlueprintLanguage", "SpecExample"]),
        .testTarget(name: "BlueprintPreviewTests", dependencies: ["BlueprintPreview", "BlueprintAnalysis", "BlueprintLanguage", "BlueprintRender"]),
        .testTarget(name: "BlueprintAnalysisTests", dependencies: ["BlueprintAnalysis", "BlueprintLanguage", "BlueprintLint", "BlueprintModel", "SpecExample"]),
    ],
    swiftLanguageModes: [.v6]
)
