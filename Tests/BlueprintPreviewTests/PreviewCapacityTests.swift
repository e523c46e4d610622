import BlueprintAnalysis
@testable import BlueprintPreview
import BlueprintTestSupport
import Testing

/// The step panel of a language 1.2 file: spans as one range, the capacity figures, and a promise
/// `for P%` by its simulated share.
@Suite struct PreviewCapacityTests {
    @Test func thePanelShowsTheStepsFiguresAndTheShareAgainstTheTarget() throws {
        let document = Document(path: "counter.blueprint", text: counterService)
        let payload = DiagramPayload(document: document, revision: 1, theme: .light, isDraft: false, svg: "", language: .en)
        let serve = try #require(payload.steps["serve"])
        #expect(serve.takes == "4–6m" && serve.wait == "0s–10m")
        #expect(serve.meanTakes == "5m" && serve.arrivals == "30/h" && serve.utilisation == "83.3%" && serve.queueWait == "7m1s")
        let promise = try #require(serve.promises.first)
        #expect(promise.target == "90%" && promise.share?.hasSuffix("%") == true)
        #expect(promise.within == "12m")
        // A file without demand has no figures to show.
        let plain = DiagramPayload(document: Document(path: "a.blueprint", text: outageRepair), revision: 1, theme: .light, isDraft: false, svg: "", language: .en)
        #expect(plain.steps.values.allSatisfy { $0.arrivals == nil && $0.utilisation == nil && $0.meanTakes == nil })
    }
}
