import BlueprintTestSupport
import Foundation
import Testing

/// `blueprint export --to html` pages in a real browser: Tests/BrowserTests/html_export_test.py opens
/// each from a file:// address in headless Chromium through Selenium (see that script for the checks).
/// Without Chromium, its driver or Selenium the test is skipped, as the preview's is.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct HTMLExportBrowserTests {
    static let script = Blueprint.packageRoot.appendingPathComponent("Tests/BrowserTests/html_export_test.py")

    @Test(.enabled(if: PreviewBrowserTests.browserIsInstalled, "needs chromium, chromium-driver and Python's selenium: run scripts/install-dependencies.sh"))
    func exportedPagesWorkOfflineInARealBrowser() async throws {
        let folder = try TemporaryFolder("html-export")
        var pages: [String] = []
        // An English example and a Traditional Chinese one, whose ids are Chinese.
        for name in ["outage-repair", "hospital-outpatient"] {
            let source = Blueprint.packageRoot.appendingPathComponent("blueprints/\(name).blueprint").path
            for format in ["html", "json"] {
                let result = try await Blueprint.run(["export", source, "--to", format, "-o", folder.url("\(name).\(format)").path])
                #expect(result.status == 0, "\(result.standardError)")
            }
            pages.append(folder.url("\(name).html").path)
        }
        let status = try await PreviewBrowserTests.runPython([
            Self.script.path, "--screenshots", PreviewBrowserTests.screenshots.appendingPathComponent("html-export").path,
            "--chromium", PreviewBrowserTests.chromium, "--chromedriver", PreviewBrowserTests.chromedriver,
        ] + pages, timeout: 120)
        #expect(status == 0, "the browser checks failed (exit status \(status)); see the output above")
    }
}
