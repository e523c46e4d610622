import Foundation
import Testing

/// A real client: Neovim's built-in LSP client (0.7, as Debian ships it) drives `blueprint lsp` on a
/// Chinese and an English file. Skipped, saying why, where `nvim` is not installed.
@Suite(.timeLimit(.minutes(3)))
struct NeovimEndToEndTests {
    static let neovim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// What one session does: the cursor places are 0-based lines and byte columns, as Neovim counts.
    struct Session: Encodable {
        var file: String
        var hover: [Int]
        var definition: [Int]
        var rename: [Int]
        var newName: String
    }

    static let english = """
    blueprint "Outage"
    promise "Crew on site" from report to arrive within 45m
    phase "Report"
    evidence hotline "Hotline"
    evidence leaflet "Unused leaflet"
    customer report "Calls the hotline", evidence hotline
    frontstage log "Logs the fault", takes 4m
    frontstage arrive "Arrives", takes 5m
    report -> log -> arrive

    """

    static let chinese = Fixture.chinese.replacingOccurrences(of: "  support    系统", with: "  evidence   传单   \"未使用的传单\"\nsupport 系统")

    @Test(.enabled(if: neovim != nil, "nvim is not installed (apt-get install neovim); the end-to-end test is skipped"))
    func englishFile() async throws {
        let report = try run(Self.english, name: "outage.blueprint", Session(
            file: "", hover: [8, 11], definition: [8, 18], rename: [6, 12], newName: "record"))
        #expect(report.diagnostics.contains("unused-evidence"))
        #expect(report.hover.contains("Logs the fault") && report.hover.contains("Takes: 4m"))
        #expect(report.definition == [7, 11])
        #expect(report.renamed.contains("frontstage record \"Logs the fault\", takes 4m"))
        #expect(report.renamed.contains("report -> record -> arrive"))
        #expect(!report.renamed.joined(separator: "\n").contains(" log "))
        // Formatting indented the phase and put blank lines between the sections.
        #expect(report.formatted.contains("  evidence   hotline \"Hotline\""))
        #expect(report.formatted.count > report.renamed.count)
    }

    @Test(.enabled(if: neovim != nil, "nvim is not installed (apt-get install neovim); the end-to-end test is skipped"))
    func chineseFile() async throws {
        let lines = Self.chinese.components(separatedBy: "\n")
        let flow = try #require(lines.firstIndex { $0.hasPrefix("𠀀取号 ->") })
        let declaration = try #require(lines.firstIndex { $0.contains("frontstage 叫号") })
        // Byte columns: 𠀀取号 is 10 bytes, so 叫号 starts at byte 14 of the flow line.
        let report = try run(Self.chinese, name: "取号.blueprint", Session(
            file: "", hover: [flow, 1], definition: [flow, 14], rename: [flow, 14], newName: "柜员叫号"))
        #expect(report.diagnostics.contains("unused-evidence"))
        #expect(report.hover.contains("泳道：顾客行为"))
        #expect(report.definition == [declaration, 13])
        let renamed = report.renamed.joined(separator: "\n")
        // The promise's `to`, the declaration, `recover` and the flow; the fifth is the label "柜员叫号".
        #expect(renamed.components(separatedBy: "柜员叫号").count - 1 == 5)
        #expect(renamed.contains("recover 柜员叫号") && renamed.contains("to 柜员叫号 within"))
        // Formatting indented the line written at the margin.
        #expect(report.renamed.contains("support 系统   \"排队系统\""))
        #expect(report.formatted.contains { $0.hasPrefix("  support") && $0.contains("系统") })
    }

    struct Report: Decodable {
        var diagnostics: [String]
        var hover: String
        /// 0-based line and UTF-16 character of the definition's start.
        var definition: [Int]
        var renamed: [String]
        var formatted: [String]
        /// What went wrong inside Neovim, if anything did.
        var error: String?
    }

    private func run(_ text: String, name: String, _ session: Session) throws -> Report {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-nvim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        var session = session
        session.file = file.path
        let configuration = folder.appendingPathComponent("session.json")
        try JSONEncoder().encode(session).write(to: configuration)
        let script = folder.appendingPathComponent("session.lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("report.json")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.neovim!)
        process.arguments = ["--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile \(script.path)"]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging([
            "BLUEPRINT_E2E_SESSION": configuration.path, "BLUEPRINT_E2E_REPORT": output.path,
            "BLUEPRINT_E2E_SERVER": Self.blueprintExecutable.path,
        ]) { $1 }
        let log = folder.appendingPathComponent("nvim.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            Issue.record("nvim did not finish within 90 s: \(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))")
        }
        process.waitUntilExit()
        guard let data = try? Data(contentsOf: output) else {
            throw NeovimError(log: String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))
        }
        let report = try JSONDecoder().decode(Report.self, from: data)
        if let error = report.error { throw NeovimError(log: error) }
        return report
    }

    struct NeovimError: Error, CustomStringConvertible {
        var log: String
        var description: String { "the Neovim session failed:\n\(log)" }
    }

    /// The `blueprint` executable SwiftPM built next to the test bundle.
    static let blueprintExecutable: URL = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [besideTests, besideTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("blueprint") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? packageRoot.appendingPathComponent(".build/debug/blueprint")
    }()

    /// The Neovim side: attach the client, then ask what an editor asks, each with a timeout, and
    /// write what came back. Any failure still writes a report (with an `error`) and quits.
    static let script = #"""
    local session = vim.fn.json_decode(vim.fn.readfile(os.getenv("BLUEPRINT_E2E_SESSION")))
    local report = { diagnostics = {}, hover = "", definition = {}, renamed = {}, formatted = {} }
    local function finish()
      vim.fn.writefile({ vim.fn.json_encode(report) }, os.getenv("BLUEPRINT_E2E_REPORT"))
      vim.cmd("qa!")
    end
    local ok, failure = pcall(function()
      vim.cmd("edit " .. vim.fn.fnameescape(session.file))
      local buffer = vim.api.nvim_get_current_buf()
      local client_id = vim.lsp.start_client({
        name = "blueprint",
        cmd = { os.getenv("BLUEPRINT_E2E_SERVER"), "lsp", "--diagnostics-delay", "0" },
        root_dir = vim.fn.fnamemodify(session.file, ":h"),
      })
      assert(client_id, "the client did not start")
      vim.lsp.buf_attach_client(buffer, client_id)
      local client = vim.lsp.get_client_by_id(client_id)
      assert(vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 20), "no diagnostics arrived")
      for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
        local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
        table.insert(report.diagnostics, tostring(code))
      end
      local function ask(method, place, extra)
        vim.api.nvim_win_set_cursor(0, { place[1] + 1, place[2] })
        local params = vim.lsp.util.make_position_params()
        for key, value in pairs(extra or {}) do params[key] = value end
        local response, err = client.request_sync(method, params, 10000, buffer)
        assert(response and not response.err, method .. " failed: " .. vim.inspect(err or (response and response.err)))
        return response.result
      end
      local hover = ask("textDocument/hover", session.hover)
      report.hover = hover and hover.contents and hover.contents.value or ""
      local definition = ask("textDocument/definition", session.definition)
      local location = definition and (definition.range and definition or definition[1])
      report.definition = { location.range.start.line, location.range.start.character }
      local edit = ask("textDocument/rename", session.rename, { newName = session.newName })
      vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
      report.renamed = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
      vim.lsp.buf.formatting_sync(nil, 10000)
      report.formatted = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
    end)
    if not ok then report.error = tostring(failure) end
    finish()
    """#
}
