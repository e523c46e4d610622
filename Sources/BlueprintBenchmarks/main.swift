// Benchmarks of the blueprint toolkit. Run them in release, after building every product (the lint
// and render benchmarks run the `blueprint` command too):
//
//   swift build -c release
//   .build/release/BlueprintBenchmarks [lint | memory | edit | format | render | render-scaling | startup | lsp | lsp-scaling | preview | analyze | diff]
//
// `startup` times whole processes of the installed kind of binary: build it as `scripts/install.sh`
// does, `swift build -c release --static-swift-stdlib -Xlinker -no-pie`. Build `lint` that way too
// to judge its targets, which are the installed tool's: with the runtime linked dynamically it runs
// about a tenth slower.
//
// With no argument every benchmark runs, in the order below. `synthetic N` prints the generated
// N-step blueprint the render benchmark uses, to profile or look at outside it.
import BlueprintRender
import BlueprintTestSupport
import Foundation

if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "synthetic", let steps = Int(CommandLine.arguments[2]) {
    print(BlueprintGenerator.clean(steps: steps), terminator: "")
    exit(0)
}

let benchmarks: [(name: String, run: () -> Void)] = [
    ("lint", runLintBenchmark),
    ("memory", runMemoryBenchmark),
    ("edit", runEditBenchmark),
    ("format", runFormatBenchmark),
    ("render", runRenderBenchmark),
    ("render-scaling", runRenderScalingBenchmark),
    ("startup", runStartupBenchmark),
    ("lsp", runLanguageServerBenchmark),
    ("lsp-scaling", runLanguageServerScalingBenchmark),
    ("preview", runPreviewBenchmark),
    ("analyze", runAnalyzeBenchmark),
    ("diff", runDiffBenchmark),
]

let requested = CommandLine.arguments.dropFirst()
let unknown = requested.filter { name in !benchmarks.contains { $0.name == name } }
guard unknown.isEmpty else {
    FileHandle.standardError.write(Data("unknown benchmark \(unknown.joined(separator: ", ")); available: \(benchmarks.map(\.name).joined(separator: ", "))\n".utf8))
    exit(2)
}
for benchmark in benchmarks where requested.isEmpty || requested.contains(benchmark.name) {
    benchmark.run()
}
