import BlueprintTestSupport
import Foundation
import Testing

/// `scripts/install.sh PREFIX` with the tool the tests built (BLUEPRINT_BINARY), so no release build runs here.
@Suite struct InstallTests {
    @Test func installsTheToolItsManPageAndCompletions() async throws {
        let prefix = try Workspace()
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["bash", Blueprint.packageRoot.appendingPathComponent("scripts/install.sh").path, prefix.url.path]
        script.environment = ProcessInfo.processInfo.environment.merging(["BLUEPRINT_BINARY": Blueprint.executable.path]) { $1 }
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        await script.exited()
        #expect(script.terminationStatus == 0)

        #expect(FileManager.default.isExecutableFile(atPath: prefix.path("bin/blueprint")))
        let version = Process()
        version.executableURL = prefix.url.appendingPathComponent("bin/blueprint")
        version.arguments = ["--version"]
        version.standardOutput = FileHandle.nullDevice
        try version.run()
        await version.exited()
        #expect(version.terminationStatus == 0)

        let manual = try String(contentsOfFile: prefix.path("share/man/man1/blueprint.1"), encoding: .utf8)
        #expect(manual.hasPrefix(".TH BLUEPRINT 1 "))
        for command in ["lint", "render", "fmt", "rules", "init"] {
            #expect(manual.contains(".SS \"blueprint \(command)\""), "\(command)")
        }
        #expect(manual.contains("--write-baseline"), "made from the commands' help")
        for (path, marker) in [("share/bash-completion/completions/blueprint", "complete"),
                               ("share/zsh/site-functions/_blueprint", "#compdef blueprint"),
                               ("share/fish/vendor_completions.d/blueprint.fish", "complete -c 'blueprint'")] {
            let text = try String(contentsOfFile: prefix.path(path), encoding: .utf8)
            #expect(text.contains(marker), "\(path)")
            #expect(text.contains("lint") && text.contains("render"), "\(path)")
        }
    }
}
