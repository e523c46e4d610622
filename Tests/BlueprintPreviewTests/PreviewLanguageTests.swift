import BlueprintAnalysis
@testable import BlueprintPreview
import BlueprintRender
import Foundation
import Testing

/// The preview's page speaks the previewed file's language: its words, and the durations in them.
@Suite struct PreviewLanguageTests {
    let hospital = Document(path: "visit.blueprint", text: """
        blueprint "門診"
        locale zh-Hant
        customer arrive "到院報到", wait 8m, tolerance 1h30m
        frontstage triage "護理師分診", takes 1h30m
        promise "到院後兩小時內看診" from arrive to triage within 2h
        arrive -> triage

        """)

    @Test func everyWordOfTheFilePageCanBeReplaced() throws {
        let page = PageAssets.filePage(index: 0, path: "visit.blueprint", theme: nil, showsIndexLink: true)
        let named = Set(["data-word", "data-word-title", "data-word-label"].flatMap { attribute in
            page.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        })
        #expect(named.allSatisfy { PreviewMessage(rawValue: $0) != nil }, "\(named)")
        for word in [PreviewMessage.allBlueprints, .allBlueprintsTitle, .zoom, .zoomOut, .fit, .fitTitle, .theme, .themeAuto,
                     .download, .diagramLabel, .close] {
            #expect(named.contains(word.rawValue), "\(word) is not on the page")
        }
        // The English words the script starts with, until the first snapshot.
        let encoded = try #require(page.components(separatedBy: "data-words=\"").dropFirst().first?.prefix { $0 != "\"" })
        let words = try JSONDecoder().decode([String: String].self, from: Data(unescaped(String(encoded)).utf8))
        #expect(words == PreviewMessage.words(in: .en))
    }

    @Test func aTraditionalChineseFileGetsTraditionalChineseWordsAndDurations() throws {
        let language = hospital.language(for: .auto)
        #expect(language == .zhHant)
        let payload = DiagramPayload(document: hospital, revision: 1, theme: .light, isDraft: false, svg: "", language: language)
        let snapshot = PreviewSnapshot(revision: 1, path: hospital.path, state: .ready, problem: nil, diagnostics: [], errorCount: 0,
                                       warningCount: 0, diagram: payload, language: language)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(snapshot)) as? [String: Any]
        #expect(json?["language"] as? String == "zh-Hant")
        let words = try #require(json?["words"] as? [String: String])
        #expect(words["lane"] == "泳道" && words["takes"] == "用時" && words["fit"] == "符合視窗")
        #expect(words.count == PreviewMessage.allCases.count)
        #expect(payload.steps["arrive"]?.wait == "8分鐘" && payload.steps["arrive"]?.tolerance == "1小時30分鐘")
        #expect(payload.steps["triage"]?.takes == "1小時30分鐘")
        #expect(payload.promises.first?.within == "2小時")
    }

    @Test func theIndexSpeaksTheFilesLanguage() {
        let entry = IndexEntry(index: 0, path: "a.blueprint", title: nil, stepCount: 2, errorCount: 0, warningCount: 0,
                               keptPromises: 1, unkeptPromises: 0, problem: nil, language: .zhHans)
        let page = PageAssets.indexPage([entry])
        #expect(page.contains(#"<html lang="zh-Hans">"#))
        #expect(page.contains("<h1>蓝图</h1>") && page.contains("1项已兑现") && page.contains("无标题"))
        #expect(!page.contains("Steps"))
    }

    private func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
