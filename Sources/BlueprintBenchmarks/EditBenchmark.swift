import BlueprintAnalysis
import BlueprintDiagnostics
import BlueprintTestSupport
import Foundation

/// What an editor or the preview waits for after each keystroke: a one-line edit applied to a
/// document, and the new document analysed again (parse, model, promises, every rule). Prints the
/// p50 and p95 over many edits for a 1,000-step and a 10,000-step blueprint; the targets (5 ms and
/// 50 ms) are read off its output.
func runEditBenchmark() {
    print("edit: one-line edit, then the whole analysis again (diagnostics ready)")
    print("steps       bytes   edits    p50 ms    p95 ms    max ms")
    for steps in [1_000, 10_000] {
        let text = BlueprintGenerator.typical(steps: steps, seed: 7)
        var document = Document(path: "edited.blueprint", text: text)
        _ = document.diagnostics
        let statements = document.syntax.statements
        let clock = ContinuousClock()
        var times: [Double] = []
        let edits = 200
        for edit in 0..<edits {
            // Rename the label of a step in the middle of the file, as typing into it does.
            let index = statements.count / 3 + edit % max(1, statements.count / 3)
            guard case .step(let step) = document.syntax.statements[index].kind else { continue }
            let replacement = TextEdit(range: step.label.range, replacement: "\"Edited label \(edit)\"")
            var next: Document?
            let elapsed = clock.measure {
                next = try? document.applying([replacement])
                _ = next?.diagnostics
            }
            // The previous document is freed after the clock stops: an editor drops it off the reply's path.
            guard let next else { fatalError("the edit did not apply") }
            document = next
            times.append(elapsed.milliseconds)
        }
        times.sort()
        print(String(format: "%6d %11d %7d %9.2f %9.2f %9.2f", steps, text.utf8.count, times.count,
                     percentile(times, 0.50), percentile(times, 0.95), times.last ?? 0))
    }
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}
