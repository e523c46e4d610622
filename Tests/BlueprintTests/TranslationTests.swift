import BlueprintAnalysis
import BlueprintAnalyze
import BlueprintDiagnostics
import BlueprintDiff
import BlueprintEditor
import BlueprintExport
import BlueprintLanguage
import BlueprintLayout
import BlueprintLint
import BlueprintModel
@testable import BlueprintPreview
@testable import BlueprintRender
import BlueprintReport
import Foundation
import Testing

/// Every message, note, fix title, rule text, diagram word and default title exists in English,
/// Simplified and Traditional Chinese: a phrase added to any catalogue without its translations
/// fails here.
@Suite struct TranslationTests {
    static let phrases: [(name: String, phrase: Phrase)] = {
        var phrases = SyntaxMessage.allCases.map { ("SyntaxMessage.\($0)", $0.phrase) }
        phrases += LintMessage.allCases.map { ("LintMessage.\($0)", $0.phrase) }
        phrases += ReportMessage.allCases.map { ("ReportMessage.\($0)", $0.phrase) }
        phrases += CommonMessage.allCases.map { ("CommonMessage.\($0)", $0.phrase) }
        phrases += EditorMessage.allCases.map { ("EditorMessage.\($0)", $0.phrase) }
        phrases += DiagramMessage.allCases.map { ("DiagramMessage.\($0)", $0.phrase) }
        phrases += PageReportMessage.allCases.map { ("PageReportMessage.\($0)", $0.phrase) }
        phrases += PreviewMessage.allCases.map { ("PreviewMessage.\($0)", $0.phrase) }
        phrases += TitleMessage.allCases.map { ("TitleMessage.\($0)", $0.phrase) }
        phrases += ExportMessage.allCases.map { ("ExportMessage.\($0)", $0.phrase) }
        phrases += AnalyzeMessage.allCases.map { ("AnalyzeMessage.\($0)", $0.phrase) }
        phrases += DiffMessage.allCases.map { ("DiffMessage.\($0)", $0.phrase) }
        phrases += LoadMessage.allCases.map { ("LoadMessage.\($0)", $0.phrase) }
        return phrases
    }()

    /// Phrases that are the same in every language: quotes around a word, joins.
    static let languageNeutral: Set<String> = [
        "SyntaxMessage.foundWord", "SyntaxMessage.quotedClause", "SyntaxMessage.theMeta", "CommonMessage.verbatim", "CommonMessage.joined",
        "DiagramMessage.pageSeparator", "EditorMessage.promiseHintKept", "EditorMessage.promiseHintBroken",
        "DiffMessage.finding",
    ]

    @Test func everyPhraseIsTranslated() {
        for (name, phrase) in Self.phrases {
            for (language, text) in [("zh-Hans", phrase.zhHans), ("zh-Hant", phrase.zhHant)] {
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(name) has no \(language) text")
                if !Self.languageNeutral.contains(name) {
                    #expect(text.unicodeScalars.contains { $0.properties.isIdeographic }, "\(name) in \(language) is not Chinese: \(text)")
                }
            }
        }
    }

    /// Each glossary idea has one word per language (docs/GLOSSARY.md): no catalogue, rule text
    /// included, uses a word the glossary sets aside for it.
    @Test func everyCatalogueUsesTheGlossarysWords() throws {
        let glossary = try String(contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/GLOSSARY.md"), encoding: .utf8)
        // | idea | en | zh-Hans | zh-Hant | not in zh-Hans | not in zh-Hant |
        let rows = glossary.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| idea") }.map { row in
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(rows.count >= 15)
        var texts: [(name: String, zhHans: String, zhHant: String)] = Self.phrases.map { ($0.name, $0.phrase.zhHans, $0.phrase.zhHant) }
        for rule in Linter.descriptors {
            func text(in language: MessageLanguage) -> String {
                guard let translation = rule.translations[language] else { return "" }
                return translation.summary + "\n" + translation.explanation
            }
            texts.append(("\(rule.id)", text(in: .zhHans), text(in: .zhHant)))
        }
        for row in rows {
            let (idea, setAsideHans, setAsideHant) = (row[0], row[4], row[5])
            for (language, words) in [("zh-Hans", setAsideHans), ("zh-Hant", setAsideHant)] where words != "—" {
                for word in words.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    for text in texts where (language == "zh-Hans" ? text.zhHans : text.zhHant).contains(word) {
                        Issue.record("\(text.name) says '\(word)' in \(language) for \(idea): the glossary's word is \(language == "zh-Hans" ? row[2] : row[3])")
                    }
                }
            }
        }
    }

    @Test func translationsFillTheSamePlaceholders() {
        for (name, phrase) in Self.phrases {
            let english = placeholders(phrase.en)
            #expect(placeholders(phrase.zhHans) == english, "\(name) zh-Hans")
            #expect(placeholders(phrase.zhHant) == english, "\(name) zh-Hant")
        }
    }

    @Test func simplifiedAndTraditionalDiffer() {
        // Not every phrase differs (前台 is 前台 in both), but a catalogue that copied one into the other would.
        let differing = Self.phrases.filter { $0.phrase.zhHans != $0.phrase.zhHant }
        #expect(differing.count > Self.phrases.count / 2)
    }

    @Test func everyRuleIsExplainedInEveryLanguage() {
        for rule in Linter.descriptors {
            for language in [MessageLanguage.zhHans, .zhHant] {
                let text = rule.translations[language]
                #expect(text != nil, "\(rule.id) has no \(language.rawValue) text")
                #expect(text?.summary.unicodeScalars.contains { $0.properties.isIdeographic } == true, "\(rule.id) \(language.rawValue) summary")
                #expect(text?.explanation.unicodeScalars.contains { $0.properties.isIdeographic } == true, "\(rule.id) \(language.rawValue) explanation")
            }
        }
        #expect(RuleHelpPrinter.explanation(of: Linter.descriptor(for: "promise-broken")!, language: .zhHant).contains("錯誤範例："))
    }

    @Test func quotedFileTextCannotActOnATerminalOrALog() {
        let message = Message(LintMessage.emptyPhase, ["title": .text("a\n::warning file=x::INJECTED\u{1B}]0;title\u{07}\u{202E}")])
        #expect(message.text(in: .en) == #"phase "a\u{A}::warning file=x::INJECTED\u{1B}]0;title\u{7}\u{202E}" has no steps"#)
    }

    private func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(where: { !$0.isLetter }), rest[close] == "}", close > after {
                let name = String(rest[after..<close])
                // `\u{HEX}` in the escape messages is text, not a placeholder.
                if name != "HEX" { names.append(name) }
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[after...]
            }
        }
        return names.sorted()
    }
}
