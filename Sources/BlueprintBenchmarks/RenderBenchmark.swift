import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintRender
import BlueprintTestSupport
import Foundation

/// Render time of each example and of generated blueprints against `dot -Tsvg` run as a
/// subprocess on the DOT that `--format dot` prints, one process rendering every example
/// against one `dot` per file, and resident memory over 1,000 renders.
func runRenderBenchmark() {
    let examplesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("blueprints")
    let exampleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: examplesFolder.path)) ?? [])
        .filter { $0.hasSuffix(".blueprint") }.sorted()
    let examples = exampleFiles.compactMap { name in
        (try? String(contentsOf: examplesFolder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
    }
    let generated = [50, 100, 200, 500, 1_000, 2_000].map { ("\($0) steps", BlueprintGenerator.clean(steps: $0)) }

    var load = [0.0, 0.0, 0.0]
    if getloadavg(&load, 3) > 0 {
        // Other processes slow both columns, and not equally; the load says how much to trust them.
        say(String(format: "load average %.1f on %d cores", load[0], ProcessInfo.processInfo.activeProcessorCount))
    }
    say("render: lint + layout + SVG in-process against `dot -Tsvg FILE.dot` as a subprocess, best of \(runs) each")
    say("case".padding(toLength: 34, withPad: " ", startingAt: 0), "in-process ms", "  dot ms", "  ratio")
    var batchDotSeconds = 0.0
    for (name, text) in examples + generated {
        guard let dotSource = renderDOT(text) else {
            say(name, "failed to render")
            continue
        }
        let dotFile = FileManager.default.temporaryDirectory.appendingPathComponent("render-benchmark.dot")
        try? Data(dotSource.utf8).write(to: dotFile)
        // Taken in turns, so a stretch of time when other processes slow the machine slows both.
        var inProcessRuns: [Double] = [], dotRuns: [Double] = []
        for _ in 0..<runs {
            if let seconds = renderSVG(text) { inProcessRuns.append(seconds) }
            if let seconds = runDot(dotFile.path) { dotRuns.append(seconds) }
        }
        guard let inProcess = inProcessRuns.min(), let dotSeconds = dotRuns.min() else {
            say(name, "failed to render")
            continue
        }
        if examples.contains(where: { $0.0 == name }) { batchDotSeconds += dotSeconds }
        say(name.padding(toLength: 34, withPad: " ", startingAt: 0),
              String(format: "%13.1f %8.1f %7.2f×", inProcess * 1000, dotSeconds * 1000, inProcess / dotSeconds))
    }

    // One `blueprint render` call for the whole folder, as a user runs it, against one `dot` per file.
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blueprint").path
    let outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("render-benchmark-out").path
    if let batchSeconds = bestOf(runs, { runProcess([cli, "render", examplesFolder.path, "--output-dir", outputFolder]) }) {
        say(String(format: "all %d examples, one `blueprint render` call: %.1f ms; `dot` once per file: %.1f ms (%.2f×)",
                   examples.count, batchSeconds * 1000, batchDotSeconds * 1000, batchSeconds / batchDotSeconds))
    } else {
        say("the batch needs the blueprint command next to this benchmark: swift build -c release")
    }

    // Memory: the same blueprint rendered over and over; resident memory should level off.
    let (name, text) = generated[0]
    let checkpoints = [1, 10, 100, 250, 500, 750, 1000]
    // What the process held before: the benchmarks run before this one in the same process (lint's
    // 10 MB file) leave their memory with malloc, and it counts in every figure after.
    let before = residentKilobytes()
    var resident: [Int: Int] = [:]
    for count in 1...1000 {
        _ = renderSVG(text)
        if checkpoints.contains(count) { resident[count] = residentKilobytes() }
    }
    say("resident memory rendering the \(name) blueprint 1,000 times (\(before) KB before):",
        checkpoints.map { "after \($0): \(resident[$0]!) KB" }.joined(separator: ", "))
    say(String(format: "growth from render 100 to 1,000: %.1f KB per render",
               Double(resident[1000]! - resident[100]!) / 900))
}

/// Runs of each timing; the best one counts, as the least disturbed by the rest of the machine.
private let runs = 9

/// Seconds for lint + render to SVG, or nil when the file does not render.
private func renderSVG(_ text: String) -> Double? {
    measureOptional {
        let document = Document(path: "benchmark.blueprint", text: text)
        return try? document.draw(RenderOptions(format: .svg))
    }
}

private func renderDOT(_ text: String) -> String? {
    let document = Document(path: "benchmark.blueprint", text: text)
    guard let output = try? document.draw(RenderOptions(format: .dot)) else {
        return nil
    }
    return String(decoding: output.bytes, as: UTF8.self)
}

private func runDot(_ path: String) -> Double? {
    runProcess(["/usr/bin/dot", "-Tsvg", path, "-o", "/dev/null"])
}

/// Seconds a process takes, start to exit, or nil when it fails (exits with a status not in
/// `statuses`).
func runProcess(_ arguments: [String], statuses: Set<Int32> = [0]) -> Double? {
    runMeasuredProcess(arguments, statuses: statuses)?.seconds
}

/// Seconds a process takes, start to exit, and its peak resident memory, or nil when it fails.
/// Spawned and reaped directly: Foundation's `Process.waitUntilExit` polls, which rounds short runs
/// up to tens of milliseconds.
func runMeasuredProcess(_ arguments: [String], statuses: Set<Int32> = [0]) -> (seconds: Double, peakKilobytes: Int)? {
    var cArguments = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let start = ContinuousClock.now
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, nil, &cArguments, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    let elapsed = seconds(ContinuousClock.now - start)
    // Exited normally (the low 7 bits hold no signal) with a status asked for.
    guard status & 0x7f == 0, statuses.contains((status >> 8) & 0xff) else { return nil }
    return (elapsed, usage.ru_maxrss)
}

/// One step with n and 2n outgoing flows, drawn to DOT by the `blueprint` command: time and peak
/// memory should about double, as they grow with the flows and not with their square.
func runRenderScalingBenchmark() {
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blueprint").path
    say("render scaling: `blueprint render FILE --format dot`, one step with n flows (best of 3; a ratio near 2 is linear, near 4 quadratic)")
    say("flows        ms   peak MiB")
    var previous: (seconds: Double, peakKilobytes: Int)?
    for flows in [2_500, 5_000, 10_000, 20_000] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fan-out-\(flows).blueprint")
        try? Data(BlueprintGenerator.fanOut(flows: flows).utf8).write(to: file)
        let measured = (0..<3).compactMap { _ in runMeasuredProcess([cli, "render", file.path, "--format", "dot", "-o", "/dev/null"]) }
        guard let best = measured.min(by: { $0.seconds < $1.seconds }) else {
            say("\(flows): failed to render; the benchmark needs the blueprint command next to it: swift build -c release")
            return
        }
        let ratios = previous.map { String(format: "   time ×%.2f, memory ×%.2f against half the flows", best.seconds / $0.seconds, Double(best.peakKilobytes) / Double($0.peakKilobytes)) } ?? ""
        say(String(format: "%6d %9.0f %10.1f", flows, best.seconds * 1000, Double(best.peakKilobytes) / 1024) + ratios)
        previous = best
    }
}

private func bestOf(_ runs: Int, _ body: () -> Double?) -> Double? {
    (0..<runs).compactMap { _ in body() }.min()
}

/// Seconds `body` took, or nil when it produced nothing.
private func measureOptional<T>(_ body: () -> T?) -> Double? {
    let start = ContinuousClock.now
    guard body() != nil else { return nil }
    return seconds(ContinuousClock.now - start)
}

private func seconds(_ duration: Swift.Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// VmRSS from /proc/self/status.
private func residentKilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
}

/// Prints at once: the benchmark runs for minutes, and piped output would wait in a buffer.
func say(_ items: Any...) {
    FileHandle.standardOutput.write(Data((items.map { "\($0)" }.joined(separator: " ") + "\n").utf8))
}
