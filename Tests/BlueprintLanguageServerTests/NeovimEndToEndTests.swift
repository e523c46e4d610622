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
        /// Places whose syntax group is reported.
        var probes: [[Int]]
        /// A line put in place of `completeAt`'s line, and where `<C-x><C-o>` completes on it.
        var completeLine: String
        var completeAt: [Int]
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
        let lines = Self.english.components(separatedBy: "\n")
        let report = try run(Self.english, name: "outage.blueprint", Session(
            file: "", hover: [8, 11], definition: [8, 18], rename: [6, 12], newName: "record",
            probes: [place("promise", in: lines), place("\"Crew", in: lines), place("from", in: lines), place("45m", in: lines),
                     place("customer", in: lines), place("report \"", in: lines), place("takes", in: lines), place("->", in: lines)],
            completeLine: "report -> ", completeAt: [8, 10]))
        #expect(report.diagnostics.contains("unused-evidence"))
        // `K` is hover, not `man`: the hover's float shows the step.
        #expect(report.hover.contains("Logs the fault") && report.hover.contains("Takes: 4m"))
        #expect(report.groups == ["blueprintStatement", "blueprintString", "blueprintKeyword", "blueprintNumber",
                                  "blueprintLane", "blueprintDeclaration", "blueprintAttribute", "blueprintArrow"])
        #expect(report.omnifunc == "v:lua.vim.lsp.omnifunc")
        #expect(Set(report.completion).isSuperset(of: ["report", "log", "arrive"]))
        #expect(report.definition == [7, 11])
        #expect(report.renamed.contains("frontstage record \"Logs the fault\", takes 4m"))
        #expect(report.renamed.contains("report -> record -> arrive"))
        #expect(!report.renamed.joined(separator: "\n").contains(" log "))
        // Formatting indented the phase and put blank lines between the sections.
        #expect(report.formatted.contains("  evidence   hotline \"Hotline\""))
        #expect(report.formatted.count > report.renamed.count)
        // Formatting a file with a syntax error says why it did nothing.
        #expect(report.refusal.contains("syntax error"), "\(report.refusal)")
    }

    @Test(.enabled(if: neovim != nil, "nvim is not installed (apt-get install neovim); the end-to-end test is skipped"))
    func chineseFile() async throws {
        let lines = Self.chinese.components(separatedBy: "\n")
        let flow = try #require(lines.firstIndex { $0.hasPrefix("𠀀取号 ->") })
        let declaration = try #require(lines.firstIndex { $0.contains("frontstage 叫号") })
        // Byte columns: 𠀀取号 is 10 bytes, so 叫号 starts at byte 14 of the flow line.
        let report = try run(Self.chinese, name: "取号.blueprint", Session(
            file: "", hover: [flow, 1], definition: [flow, 14], rename: [flow, 14], newName: "柜员叫号",
            probes: [place("frontstage 叫号", in: lines), place("叫号   \"", in: lines), place("\"柜员", in: lines), place("->", in: lines)],
            completeLine: "𠀀取号 -> ", completeAt: [flow, 14]))
        #expect(report.diagnostics.contains("unused-evidence"))
        #expect(report.hover.contains("泳道：顾客行为"))
        #expect(report.groups == ["blueprintLane", "blueprintDeclaration", "blueprintString", "blueprintArrow"])
        #expect(report.completion.contains("叫号"))
        #expect(report.definition == [declaration, 13])
        let renamed = report.renamed.joined(separator: "\n")
        // The promise's `to`, the declaration, `recover` and the flow; the fifth is the label "柜员叫号".
        #expect(renamed.components(separatedBy: "柜员叫号").count - 1 == 5)
        #expect(renamed.contains("recover 柜员叫号") && renamed.contains("to 柜员叫号 within"))
        // Formatting indented the line written at the margin.
        #expect(report.renamed.contains("support 系统   \"排队系统\""))
        #expect(report.formatted.contains { $0.hasPrefix("  support") && $0.contains("系统") })
    }

    /// The 0-based line and byte column where `needle` first starts.
    private func place(_ needle: String, in lines: [String]) -> [Int] {
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) { return [index, line.utf8.distance(from: line.startIndex, to: range.lowerBound)] }
        }
        Issue.record("\(needle) is not in the file")
        return [0, 0]
    }

    struct Report: Decodable {
        var diagnostics: [String]
        var hover: String
        /// 0-based line and UTF-16 character of the definition's start.
        var definition: [Int]
        var renamed: [String]
        var formatted: [String]
        /// The syntax group at each probe.
        var groups: [String]
        var omnifunc: String
        var completion: [String]
        /// The message the server showed when formatting was refused.
        var refusal: String
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
        // The documented set-up: editors/neovim on the runtime path, the server named with setup().
        let setUp = "set runtimepath^=\(Self.runtime.path) | lua require('blueprint').setup({ cmd = "
            + "{ os.getenv('BLUEPRINT_E2E_SERVER'), 'lsp', '--diagnostics-delay', '0' } })"
        process.arguments = ["--headless", "--clean", "-n", "-i", "NONE", "--cmd", setUp, "-c", "luafile \(script.path)"]
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

    /// What docs/EDITORS.md tells a Neovim user to put on the runtime path.
    static let runtime = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("editors/neovim")

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
    local report = { diagnostics = {}, hover = "", definition = {}, renamed = {}, formatted = {}, groups = {},
                     omnifunc = "", completion = {}, refusal = "" }
    local function finish()
      vim.fn.writefile({ vim.fn.json_encode(report) }, os.getenv("BLUEPRINT_E2E_REPORT"))
      vim.cmd("qa!")
    end
    local function float_text()
      for _, window in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(window).relative ~= "" then
          return table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(window), 0, -1, false), "\n")
        end
      end
    end
    local function format()
      if vim.lsp.buf.format then vim.lsp.buf.format({ timeout_ms = 10000 }) else vim.lsp.buf.formatting_sync(nil, 10000) end
    end
    local ok, failure = pcall(function()
      -- ftdetect, syntax and ftplugin from editors/neovim do the set-up.
      vim.cmd("edit " .. vim.fn.fnameescape(session.file))
      local buffer = vim.api.nvim_get_current_buf()
      assert(vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 20), "no diagnostics arrived")
      local client = vim.lsp.buf_get_clients(buffer)[next(vim.lsp.buf_get_clients(buffer))]
      for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
        local code = diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
        table.insert(report.diagnostics, tostring(code))
      end
      for _, place in ipairs(session.probes) do
        table.insert(report.groups, vim.fn.synIDattr(vim.fn.synID(place[1] + 1, place[2] + 1, 1), "name"))
      end
      vim.api.nvim_win_set_cursor(0, { session.hover[1] + 1, session.hover[2] })
      vim.cmd("normal K")
      assert(vim.wait(10000, function() return float_text() ~= nil end, 20), "K showed no hover")
      report.hover = float_text()
      for _, window in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(window).relative ~= "" then vim.api.nvim_win_close(window, true) end
      end
      local function ask(method, place, extra)
        vim.api.nvim_win_set_cursor(0, { place[1] + 1, place[2] })
        local params = vim.lsp.util.make_position_params()
        for key, value in pairs(extra or {}) do params[key] = value end
        local response, err = client.request_sync(method, params, 10000, buffer)
        assert(response and not response.err, method .. " failed: " .. vim.inspect(err or (response and response.err)))
        return response.result
      end
      local definition = ask("textDocument/definition", session.definition)
      local location = definition and (definition.range and definition or definition[1])
      report.definition = { location.range.start.line, location.range.start.character }

      -- <C-x><C-o> runs the buffer's omnifunc; headless Neovim has no Insert mode to show the menu
      -- in, so the function runs as Insert mode would run it, and the menu's items are kept.
      report.omnifunc = vim.bo.omnifunc
      local original = vim.api.nvim_buf_get_lines(buffer, session.completeAt[1], session.completeAt[1] + 1, false)
      vim.api.nvim_buf_set_lines(buffer, session.completeAt[1], session.completeAt[1] + 1, false, { session.completeLine })
      vim.api.nvim_win_set_cursor(0, { session.completeAt[1] + 1, session.completeAt[2] })
      local omnifunc = loadstring("return " .. vim.bo.omnifunc:gsub("^v:lua%.", ""))()
      local mode, complete = vim.fn.mode, vim.fn.complete
      local items
      vim.fn.mode = function() return "i" end
      vim.fn.complete = function(_, matches) items = matches end
      omnifunc(1, "")
      omnifunc(0, "")
      local completed = vim.wait(10000, function() return items ~= nil end, 20)
      vim.fn.mode, vim.fn.complete = mode, complete
      assert(completed, "the omnifunc completed nothing")
      for _, item in ipairs(items) do table.insert(report.completion, item.word) end
      vim.api.nvim_buf_set_lines(buffer, session.completeAt[1], session.completeAt[1] + 1, false, original)

      local edit = ask("textDocument/rename", session.rename, { newName = session.newName })
      vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding)
      report.renamed = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
      format()
      report.formatted = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)

      -- A line that does not parse: formatting is refused, and the server says why.
      local shown = vim.lsp.handlers["window/showMessage"]
      vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
        report.refusal = result.message
        return shown(err, result, ctx, config)
      end
      vim.api.nvim_buf_set_lines(buffer, -1, -1, false, { "customer \"no id\"" })
      format()
      vim.wait(10000, function() return report.refusal ~= "" end, 20)
    end)
    if not ok then report.error = tostring(failure) end
    finish()
    """#
}
