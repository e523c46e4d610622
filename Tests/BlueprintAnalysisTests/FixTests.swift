import BlueprintAnalysis
import BlueprintLanguage
import Testing

@Suite struct FixTests {
    private func text(_ document: Document) -> String { String(decoding: document.source.bytes, as: UTF8.self) }

    @Test func everyDiagnosticCanBeIgnoredOnItsLine() throws {
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\ncustomer a \"A\"\nsupport s \"S\"  # the CRM\nfrontstage b \"B\"\na -> b\n")
        for diagnostic in document.diagnostics {
            let ignore = try #require(diagnostic.fixes.first { $0.kind == .suppression })
            #expect(!ignore.isSafe)
            let silenced = try document.applying(ignore.edits)
            #expect(!silenced.diagnostics.contains { $0.rule == diagnostic.rule && $0.range.start.line == diagnostic.range.start.line },
                    "\(text(silenced))")
        }
        let onComment = try #require(document.diagnostics.first { $0.rule == "disconnected-step" }?.fixes.last)
        #expect(text(try document.applying(onComment.edits)).contains("support s \"S\"  # lint: ignore disconnected-step -- the CRM"))
    }

    @Test func anIgnoreCommentGrows() throws {
        let document = Document(path: "x.blueprint", text: "blueprint \"X\"\ncustomer a \"A\"\nsupport s \"S\" # lint: ignore customer-without-touchpoint\n")
        let fix = try #require(document.diagnostics.first { $0.rule == "disconnected-step" }?.fixes.last)
        #expect(text(try document.applying(fix.edits)).contains("# lint: ignore customer-without-touchpoint, disconnected-step\n"))
    }

    @Test func relatedLocationsExplainTheDiagnostic() throws {
        let document = Document(path: "x.blueprint", text: """
            blueprint "X"
            promise "Fast" from a to c within 5m
            customer a "A"
            frontstage b "B", takes 4m
            frontstage c "C", takes 3m
            backstage b "Again"
            evidence e "E"
            a -> b -> c
            a -> e
            """)
        let duplicate = try #require(document.diagnostics.first { $0.rule == "duplicate-id" })
        #expect(duplicate.related.map(\.range.start.line) == [4])
        #expect(duplicate.related.first?.message.text(in: .en) == "first declared here")
        let broken = try #require(document.diagnostics.first { $0.rule == "promise-broken" })
        #expect(broken.related.map(\.range.start.line) == [3, 4, 5])
        #expect(broken.related.map { $0.message.text(in: .en) } == ["'a' adds 0s", "'b' adds 4m", "'c' adds 3m"])
        let wrongKind = try #require(document.diagnostics.first { $0.rule == "wrong-kind" })
        #expect(wrongKind.related.first?.message.text(in: .zhHans) == "'e' 在此声明为有形展示")
    }
}

/// Issue #20: `lint --fix` stopped after 8 rounds of at most `Linter.diagnosticLimit` fixes each.
@Suite struct ManyFixesTests {
    @Test func everySlipOfALargeFileIsFixedInOneRun() {
        let steps = (0..<25_000).map { "frontstage s\($0) \"S\", takes 5min" }.joined(separator: "\n")
        let document = Document(path: "many.blueprint", text: "blueprint \"Many\"\ncustomer a \"A\"\n" + steps + "\n")
        let (fixed, applied) = document.applyingSafeFixes()
        #expect(applied == 25_000)
        #expect(!fixed.diagnostics.contains { $0.rule == "syntax" })
    }
}
