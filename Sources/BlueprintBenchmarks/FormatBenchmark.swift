import BlueprintAnalysis
import BlueprintFormat
import BlueprintDiagnostics
import BlueprintTestSupport
import Foundation

// Called from main.swift.

/// `blueprint fmt` on one generated 10 MB file, single-threaded: decode, parse and format, then the
/// same on the formatted text (what `--check` does in CI). Best of three runs; the target is under
/// 2 s for the whole first pass. It prints figures and asserts nothing.
func runFormatBenchmark() {
    print("format: decode + parse + format of one 10 MB file, single-threaded, best of 3 runs")
    // The lint benchmark's realistic generator: phases over every lane with attributes, comments,
    // Chinese labels, and flows written inside the phases, which the formatter moves to the end.
    let sampleSteps = 10_000
    let steps = sampleSteps * 10_000_000 / BlueprintGenerator.typical(steps: sampleSteps, seed: 4).utf8.count
    let original = Array(BlueprintGenerator.typical(steps: steps, seed: 5).utf8)

    let firstPass = measureFormatting(original)
    print(firstPass.row(label: "as generated", steps: steps))
    let secondPass = measureFormatting(Array(firstPass.output.utf8))
    print(secondPass.row(label: "formatted", steps: steps))
    print(secondPass.output == firstPass.output ? "idempotent: formatting the output changes nothing" : "NOT idempotent")
    print(firstPass.total < .seconds(2) ? "under the 2 s target" : "OVER the 2 s target")
    print()
}

private struct FormatMeasurement {
    var bytes: Int
    var decode: Swift.Duration
    var parse: Swift.Duration
    var format: Swift.Duration
    var output: String

    var total: Swift.Duration { decode + parse + format }

    func row(label: String, steps: Int) -> String {
        let megabytes = Double(bytes) / 1_000_000
        return String(format: "%@: %.1f MB, %d steps: decode %.0f ms, parse %.0f ms, format %.0f ms, total %.3f s (%.1f MB/s)",
                      label, megabytes, steps, seconds(decode) * 1_000, seconds(parse) * 1_000, seconds(format) * 1_000,
                      seconds(total), megabytes / seconds(total))
    }
}

private func measureFormatting(_ bytes: [UInt8]) -> FormatMeasurement {
    let clock = ContinuousClock()
    var best: FormatMeasurement?
    for _ in 0..<3 {
        var source: SourceText?
        let decode = clock.measure { source = try? SourceText(bytes: bytes) }
        guard let source else { fatalError("the generator wrote invalid UTF-8") }
        let document = Document(path: "benchmark.blueprint", source: source)
        let parse = clock.measure { _ = document.syntax }
        var output = ""
        let format = clock.measure {
            do throws(FormatError) {
                output = try document.formatted()
            } catch {
                fatalError("the generator wrote syntax errors: \(error.diagnostics.prefix(3).map(\.message))")
            }
        }
        let run = FormatMeasurement(bytes: bytes.count, decode: decode, parse: parse, format: format, output: output)
        if best.map({ run.total < $0.total }) ?? true { best = run }
    }
    return best!
}

private func seconds(_ duration: Swift.Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
}
