import BlueprintAnalysis
import BlueprintAnalyze
import BlueprintCapacity
import BlueprintTestSupport
import Foundation

/// `blueprint analyze` on the generated 1,000-step blueprint with spans and shares, on one core with
/// the default number of customers: the whole command's work (lint, then every promise simulated with
/// its contributors, then the text), and how many customers the simulations walk per second.
func runAnalyzeBenchmark() {
    print("analyze: 1,000-step blueprint with spans, shares and loops, default customers, one core")
    print("steps   promises   customers   runs   seconds   customers/s")
    let text = BlueprintGenerator.capacity(steps: 1_000)
    let clock = ContinuousClock()
    var figures: FileFigures?
    let elapsed = clock.measure {
        let document = Document(path: "generated.blueprint", text: text)
        precondition(FileFigures.blockingDiagnostics(of: document).isEmpty, "the generated blueprint must analyse")
        let analysed = FileFigures(document, options: SimulationOptions(), language: .auto)
        _ = AnalyzeReport.write([analysed], format: .text)
        figures = analysed
    }
    guard let figures else { return }
    // Each contributor is one more run of the same customers.
    let simulations = figures.promises.compactMap(\.simulation)
    let customers = simulations.reduce(0) { $0 + $1.customersSimulated }
    let walked = simulations.reduce(0) { $0 + $1.customersSimulated * (1 + $1.contributors.count) }
    print(String(format: "%5d %10d %11d %6d %9.3f %13.0f", figures.steps.count, figures.promises.count, customers,
                 simulations.reduce(0) { $0 + 1 + $1.contributors.count }, elapsed.seconds, Double(walked) / elapsed.seconds))
}
