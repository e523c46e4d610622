import BlueprintAnalysis
import BlueprintDiagnostics
@testable import BlueprintEditor
import BlueprintLanguage
import BlueprintModel
import BlueprintTestSupport
import Testing

/// The editor queries called directly, in the core's own positions, ranges and edits.
struct EditorQueryTests {
    private let editor = EditorDocument(Document(path: "outage.blueprint", text: outageRepair))

    private func editor(_ text: String) -> EditorDocument {
        EditorDocument(Document(path: "a.blueprint", text: text))
    }

    /// The position `offset` scalars into the `skip`-th occurrence of `needle`.
    private func position(of needle: String, in editor: EditorDocument, skip: Int = 0, offset: Int = 0) -> SourcePosition {
        let source = editor.document.source
        let text = String(decoding: source.bytes, as: UTF8.self)
        var searchStart = text.startIndex
        for _ in 0..<skip { searchStart = text.range(of: needle, range: searchStart..<text.endIndex)!.upperBound }
        let found = text.range(of: needle, range: searchStart..<text.endIndex)!
        let start = source.position(atOffset: text.utf8.distance(from: text.startIndex, to: found.lowerBound))
        return source.position(line: start.line - 1, character: start.column - 1 + offset, in: .utf32)
    }

    private func text(of range: SourceRange, in editor: EditorDocument) -> String {
        String(decoding: editor.document.source.bytes[range.start.offset..<range.end.offset], as: UTF8.self)
    }

    @Test func definitionLeadsFromAUseToTheDeclaration() throws {
        let use = position(of: "dispatch", in: editor, skip: 1, offset: 2)
        let definition = try #require(editor.definition(at: use))
        #expect(definition.start == position(of: "dispatch", in: editor))
        #expect(text(of: definition, in: editor) == "dispatch")
        #expect(editor.definition(at: position(of: "Dispatcher", in: editor)) == nil)
    }

    @Test func referencesWithAndWithoutTheDeclaration() {
        let declaration = position(of: "dispatch", in: editor)
        let all = editor.references(at: declaration, includeDeclaration: true)
        #expect(all.count == 4)
        #expect(all.allSatisfy { text(of: $0, in: editor) == "dispatch" })
        #expect(editor.references(at: declaration, includeDeclaration: false).count == 3)
        #expect(editor.occurrences(at: declaration).filter(\.isDeclaration).count == 1)
    }

    @Test func renameEditsEveryOccurrenceAndRefusesBadNames() throws {
        let sms = position(of: "sms", in: editor)
        let edits = try editor.rename(at: sms, to: "text_message")
        #expect(edits.count == 3)
        #expect(edits.allSatisfy { $0.replacement == "text_message" && text(of: $0.range, in: editor) == "sms" })
        #expect(try editor.renameTarget(at: sms).name == "sms")
        #expect(throws: EditorError.self) { try editor.rename(at: sms, to: "log") }
        #expect(throws: EditorError.self) { try editor.rename(at: sms, to: "two words") }
        #expect(throws: EditorError.self) { try editor.renameTarget(at: position(of: "phase", in: editor)) }
    }

    @Test func completionReadsTheLineUpToTheCursor() {
        let lines = ["", "  support helper \"Helper\", ", "fix -> re", "  customer asks \"Half", "promise \"P\" from "]
        let document = editor(outageRepair + lines.joined(separator: "\n") + "\n")
        let first = outageRepair.split(separator: "\n", omittingEmptySubsequences: false).count
        func completion(_ index: Int) -> CompletionList {
            let line = lines[index]
            return document.completion(at: document.document.source.position(line: first + index - 1, character: line.unicodeScalars.count, in: .utf32))
        }
        let start = completion(0).items
        #expect(start.contains { $0.label == "phase" && $0.kind == .keyword })
        #expect(start.filter { $0.kind == .snippet }.count == 2)
        #expect(start.contains { $0.label == "report" && $0.kind == .step && $0.detail == "customer · Calls the hotline to report the outage" })
        // A half-typed step line, which does not parse: the attributes a support step may take.
        #expect(Set(completion(1).items.map(\.label)) == ["actor", "channel", "note", "takes", "wait", "tolerance", "servers", "fail", "evidence"])
        // The id being typed is what the completion replaces.
        let ids = completion(2).items
        #expect(Set(ids.map(\.label)) == ["report", "restored"])
        #expect(ids.allSatisfy { $0.edit.range.end.column - $0.edit.range.start.column == 2 })
        // Nothing inside a string.
        #expect(completion(3).items.isEmpty)
        #expect(completion(4).items.contains { $0.label == "waits" })
        // The start of the word under the cursor, in a line that parses.
        let middle = document.completion(at: position(of: "restored", in: document, skip: 1, offset: 3))
        #expect(Set(middle.items.map(\.label)) == ["restored"])
    }

    @Test func stepSummaryHoldsWhatTheHoverAndThePanelShow() throws {
        let analysed = editor.document.analysed
        let index = try #require(analysed.blueprint.steps.firstIndex { $0.id == "dispatch" })
        let summary = StepSummary(step: index, in: analysed)
        #expect(summary.label == "Dispatcher assigns the nearest crew")
        #expect(summary.lane == .backstage && summary.laneTitle == "Backstage")
        #expect(summary.phase == "Report")
        #expect(summary.takes == TimeSpan(exactly: Duration(seconds: 360)))
        #expect(summary.failPoints == [StepSummary.FailPoint(description: "Wrong address", recoveryID: "callback",
                                                             recoveryLabel: "Agent calls back to confirm the address")])
        let promise = try #require(summary.promises.first)
        #expect(promise.status == .kept && promise.isOnWorstPath && promise.worstCost == Duration(seconds: 41 * 60))
        let waits = StepSummary.all(in: analysed).first { $0.id == "waits" }
        #expect(waits?.evidence == [StepSummary.Evidence(id: "sms", label: "Text message with the crew's arrival time")])
        #expect(waits?.wait == TimeSpan(exactly: Duration(seconds: 25 * 60)) && waits?.emotion == -1)
        #expect(StepSummary.all(in: analysed)[index] == summary)

        let hover = try #require(editor.hover(at: position(of: "dispatch", in: editor, offset: 1)))
        #expect(hover.markdown.contains("Lane: Backstage (`backstage`)"))
        #expect(hover.markdown.contains("Fail point: Wrong address, recovered by `callback`"))
        #expect(hover.markdown.contains("Promise “Crew on site within 45 minutes of the call”: worst case 41m of 45m"))
        #expect(hover.range.map { text(of: $0, in: editor) } == "dispatch")
        #expect(!hover.markdown.contains("Moment of truth"))
        let moment = try #require(editor.hover(at: position(of: "report    ", in: editor, offset: 1)))
        #expect(moment.markdown.contains("Moment of truth"))
    }

    @Test func symbolsNestStepsInTheirPhases() {
        let symbols = editor.documentSymbols()
        #expect(symbols.map(\.kind) == [.phase, .phase, .promise])
        #expect(symbols[0].name == "Report" && symbols[0].children.count == 8)
        #expect(symbols[0].children.first?.name == "hotline" && symbols[0].children.first?.kind == .evidence)
        #expect(symbols[0].range.start.line == 5 && symbols[0].range.end.line == 13)
        #expect(editor.symbols(matching: "DISP", limit: 10).map(\.name) == ["dispatch"])
        #expect(editor.symbols(matching: "", limit: 3).count == 3)
    }

    @Test func foldingCoversPhasesAndCommentBlocks() {
        let document = editor("# one\n# two\n" + outageRepair)
        #expect(document.foldingRanges() == [
            FoldingRange(lines: 7...15, kind: .region), FoldingRange(lines: 17...21, kind: .region), FoldingRange(lines: 1...2, kind: .comment),
        ])
    }

    @Test func semanticTokensMarkDeclarations() {
        let tokens = editor.semanticTokens()
        #expect(tokens.first?.type == .keyword && tokens.first.map { text(of: $0.range, in: editor) } == "blueprint")
        #expect(tokens.filter(\.isDeclaration).count == 12)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.range.start < $1.range.start })
        #expect(tokens.contains { $0.type == .operator && text(of: $0.range, in: editor) == "..>" })
    }

    @Test func inlayHintsShowPromiseCosts() {
        let hints = editor.inlayHints(onLines: 1...100)
        #expect(hints.first == InlayHint(position: position(of: "45m\n", in: editor, offset: 3), label: "41m of 45m ✓"))
        #expect(hints.contains { $0.label == "10m since report" })
        #expect(editor.inlayHints(onLines: 30...40).isEmpty)
    }

    @Test func codeActionsFixAndDeclare() throws {
        let document = editor(outageRepair + "restored -> thanks\n")
        let line = document.document.source.lineCount - 1
        let actions = document.codeActions(onLines: line...line)
        let create = try #require(actions.first { $0.title == "Create step 'thanks'" })
        #expect(create.diagnostic.rule == "undefined-reference")
        #expect(create.edits == [TextEdit(range: SourceRange(at: SourcePosition(line: 20, column: 1)), replacement: "  customer thanks \"thanks\"\n")])
        // The core's own fixes come first: at least "ignore the rule on this line".
        #expect(actions.count > 1 && actions.last == create)
    }

    /// In `a -> f -> b -> x -> c` the missing `x` goes beside `b`, in `b`'s lane and phase.
    @Test func createStepTakesItsPlaceFromItsNeighboursInTheChain() throws {
        let document = editor("""
            blueprint "X"
            phase "One"
              customer   a "A"
              frontstage f "F"
            phase "Two"
              backstage  b "B"
              backstage  c "C"
              support    s "S"
            a -> f -> b -> x -> c

            """)
        let actions = document.codeActions(onLines: 9...9)
        let create = try #require(actions.first { $0.title == "Create step 'x'" })
        #expect(create.edits == [TextEdit(range: SourceRange(at: SourcePosition(line: 7, column: 1)), replacement: "  backstage x \"x\"\n")])
        // Without a declared step before it, the one after it gives lane and phase.
        let first = editor("blueprint \"X\"\nphase \"One\"\n  customer a \"A\"\nphase \"Two\"\n  support s \"S\"\ny -> s\n")
        let createFirst = try #require(first.codeActions(onLines: 6...6).first { $0.title == "Create step 'y'" })
        #expect(createFirst.edits.first?.replacement == "  support y \"y\"\n")
        #expect(createFirst.edits.first?.range.start.line == 6)
    }

    /// Two findings of one rule on one line get one "ignore RULE on this line".
    @Test func eachRuleIsIgnoredOncePerLine() {
        let document = editor("blueprint \"X\"\ncustomer a \"A\"\na -> y -> z\n")
        let ignores = document.codeActions(onLines: 3...3).filter { $0.title == "ignore undefined-reference on this line" }
        #expect(ignores.count == 1)
        #expect(document.document.diagnostics.filter { $0.rule == "undefined-reference" }.count == 2)
    }
}
