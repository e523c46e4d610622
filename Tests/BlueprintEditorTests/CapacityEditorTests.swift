import BlueprintAnalysis
import BlueprintDiagnostics
@testable import BlueprintEditor
import BlueprintLanguage
import BlueprintModel
import BlueprintTestSupport
import Testing

/// Language 1.2 in the editor: spans, capacity figures and shares in the step summary, the hover and
/// the inlay hints; completion of the new keywords.
@Suite struct CapacityEditorTests {
    /// Spec section 5.1: 30/h at a counter of 3 clerks taking 4m..6m, a promise for 90% within 12m.
    private let editor = EditorDocument(Document(path: "counter.blueprint", text: counterService))

    private func position(of needle: String, in other: EditorDocument? = nil, offset: Int = 1) -> SourcePosition {
        let source = (other ?? editor).document.source
        let text = String(decoding: source.bytes, as: UTF8.self)
        let found = text.range(of: needle)!
        return source.position(atOffset: text.utf8.distance(from: text.startIndex, to: found.lowerBound) + offset)
    }

    @Test func stepSummaryCarriesTheSpansAndTheCapacityFigures() throws {
        let summaries = StepSummary.all(in: editor.document.analysed)
        let serve = try #require(summaries.first { $0.id == "serve" })
        #expect(serve.takes == TimeSpan(minimum: Duration(seconds: 240), maximum: Duration(seconds: 360)))
        #expect(serve.wait?.shown(in: .en) == "0s–10m" && serve.takes?.shown(in: .en) == "4–6m")
        let capacity = try #require(serve.capacity)
        #expect(capacity.meanTakes == Duration(seconds: 300))
        #expect(capacity.arrivalsText == "30")
        #expect(capacity.utilisationText == "83.3%")
        // Erlang C: C = 0.702, so the wait is 0.702 × 5m ÷ (3 − 2.5) = 7.0 minutes.
        let queueWait = try #require(capacity.queueWait)
        #expect(abs(queueWait.seconds - 421) <= 1)
        // A step without servers arrives at the same rate and has no utilisation.
        let arrive = try #require(summaries.first { $0.id == "arrive" })
        #expect(arrive.capacity?.arrivalsText == "30" && arrive.capacity?.utilisation == nil && arrive.capacity?.queueWait == nil)
        let promise = try #require(serve.promises.first)
        #expect(promise.target == "90%")
        let share = try #require(promise.simulatedShare)
        #expect(share > 0.6 && share < 0.8 && promise.shareText?.hasSuffix("%") == true)

        let plain = EditorDocument(Document(path: "a.blueprint", text: outageRepair))
        #expect(StepSummary.all(in: plain.document.analysed).allSatisfy { $0.capacity == nil })
    }

    @Test func hoverShowsTheFiguresAndTheShareAgainstTheTarget() throws {
        let step = try #require(editor.hover(at: position(of: "serve  ")))
        for line in ["Takes: 4–6m", "Wait: 0s–10m", "Mean time: 5m", "Arrivals: 30/h", "Utilisation: 83.3%", "Queue wait: 7m 1s",
                     "Promise “Served within 12 minutes”: "] {
            #expect(step.markdown.contains(line), "\(line) in \(step.markdown)")
        }
        #expect(step.markdown.contains("within 12m, for 90%") && !step.markdown.contains("worst case"))

        let promise = try #require(editor.hover(at: position(of: "promise")))
        #expect(promise.markdown.contains("Broken: ") && promise.markdown.contains("within 12m, for 90%"))
        #expect(!promise.markdown.contains("worst case"))

        let hint = try #require(editor.inlayHints(onLines: 1...3).first)
        #expect(hint.label.hasSuffix(" within 12m, for 90% ✗"))

        let chinese = EditorDocument(Document(path: "c.blueprint", text: counterService.replacingOccurrences(
            of: "blueprint \"Counter service\"", with: "blueprint \"Counter service\"\nlocale zh-Hans")))
        let chineseStep = try #require(chinese.hover(at: position(of: "serve  ", in: chinese)))
        #expect(chineseStep.markdown.contains("利用率：83.3%") && chineseStep.markdown.contains("排队等待：7分钟1秒"))
        #expect(chineseStep.markdown.contains("用时：4–6分钟"))
    }

    @Test func completionOffersTheNewKeywordsWhereTheyMayStand() {
        let lines = ["dem", "  frontstage extra \"Extra\", takes 2m, ser", "promise \"P\" from arrive to leave within 12m ", "promise \"P\" from arrive to "]
        let document = EditorDocument(Document(path: "a.blueprint", text: counterService + "\n" + lines.joined(separator: "\n") + "\n"))
        let first = counterService.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        func labels(_ index: Int) -> [String] {
            let line = lines[index]
            return document.completion(at: document.document.source.position(line: first + index - 1, character: line.unicodeScalars.count, in: .utf32))
                .items.map(\.label)
        }
        #expect(labels(0) == ["demand"])
        #expect(labels(1) == ["servers"])
        #expect(labels(2) == ["for"])
        #expect(!labels(3).contains("for"))
    }
}
