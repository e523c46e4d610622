@testable import BlueprintPreview
import BlueprintRender
import BlueprintTestSupport
import Foundation
import Testing

/// The server over HTTP, from a raw socket on 127.0.0.1: what it answers, to whom, and what it pushes.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct PreviewServerTests {
    @Test func requestsAddressedToAnotherHostAreRefused() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let port = fixture.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)"] {
            #expect(try fixture.get("/", host: host).status == 200, "Host \(host)")
        }
        // DNS rebinding: a name the attacker controls, resolving to 127.0.0.1.
        let refused: [String?] = ["attacker.example:\(port)", "127.0.0.1.nip.io:\(port)", "127.0.0.1:\(port + 1)",
                                  "127.0.0.1", "", "[::1]:\(port)", nil]
        for target in ["/download/0.svg", "/assets/preview.js", "/file/0"] {
            #expect(try fixture.get(target, host: "attacker.example:\(port)").status == 403, "\(target)")
        }
        for host in refused {
            for target in ["/", "/events/0"] {
                let response = try fixture.get(target, host: host)
                #expect(response.status == 403, "Host \(host ?? "(none)") \(target): \(response.status)")
                #expect(!response.body.contains("<svg") && !response.body.contains("Parcel"))
            }
        }
    }

    @Test func noPathLeadsOutsideTheFilesItWasStartedOn() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        // A file beside the previewed one that was not named on the command line.
        try fixture.write("secret.blueprint", "blueprint \"Secret plans\"\n")
        try fixture.write(".blueprintlint.yml", "rules:\n  promise-untimed: off # secret\n")
        let targets = [
            "/../../../../etc/passwd", "/file/../../../../etc/passwd", "/file/0/../../secret.blueprint",
            "/%2e%2e/%2e%2e/etc/passwd", "/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/..%2f..%2fPackage.swift",
            "/assets/../../secret.blueprint", "/secret.blueprint", "/pickup.blueprint", "/.blueprintlint.yml",
            "/file/1", "/file/-1", "/file/01", "/file/+0", "/file/0x0", "/events/1",
            "/download/1.svg", "/download/0.blueprint", "/download/0.svg/..%2f..%2fsecret.blueprint",
            "/assets/", "/assets", "/file/", "//etc/passwd", "/\\..\\..\\etc\\passwd",
            "/file/0/secret.blueprint", "http://127.0.0.1/../../etc/passwd",
        ]
        for target in targets {
            let response = try fixture.get(target, host: fixture.host)
            #expect([400, 404].contains(response.status), "\(target) answered \(response.status)")
            for leak in ["root:", "Secret plans", "# secret", "Parcel pickup", "swift-tools-version"] {
                #expect(!response.body.contains(leak), "\(target) leaked \(leak)")
            }
        }
        #expect(try fixture.get("/file/0", host: fixture.host).status == 200)
    }

    @Test func everyAnswerCarriesTheContentSecurityPolicy() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        for target in ["/", "/assets/preview.js", "/assets/preview.css", "/nothing", "/download/0.svg"] {
            let response = try fixture.get(target, host: fixture.host)
            let policy = try #require(response.header("Content-Security-Policy"), "\(target)")
            #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'none'") && !policy.contains("unsafe"))
            #expect(response.header("X-Content-Type-Options") == "nosniff")
        }
        let page = try fixture.get("/", host: fixture.host).body
        #expect(!page.contains("<script>") && !page.contains("style=") && !page.contains("http://") && !page.contains("https://"))
    }

    @Test func aSavedFileReachesThePage() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let stream = try EventStreamReader(fixture: fixture, file: 0)
        defer { stream.close() }
        let first = try stream.next()
        #expect(first.json["state"] as? String == "ready")
        let hasStep = first.data.contains(#"id=\"step&#45;fetch\""#)
        #expect(hasStep)

        try fixture.write("pickup.blueprint", smallBlueprint.replacingOccurrences(
            of: "arrive -> fetch", with: "arrive -> check -> fetch") + "frontstage check \"Clerk checks the ID\", takes 1m\n")
        let updated = try stream.next { $0.id > first.id }
        #expect(updated.json["state"] as? String == "ready")
        let hasNewStep = updated.data.contains(#"id=\"step&#45;check\""#)
        #expect(hasNewStep)
    }

    @Test func errorsKeepTheLastGoodDiagramAndAMissingFileIsReported() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let stream = try EventStreamReader(fixture: fixture, file: 0)
        defer { stream.close() }
        let first = try stream.next()
        let firstDiagram = try #require(first.json["diagram"] as? [String: Any])

        try fixture.write("pickup.blueprint", smallBlueprint + "handover -> nowhere\n")
        let broken = try stream.next { $0.id > first.id }
        #expect(broken.json["state"] as? String == "errors")
        let diagnostics = try #require(broken.json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["rule"] as? String == "undefined-reference" && $0["line"] as? Int == 11 })
        let kept = try #require(broken.json["diagram"] as? [String: Any])
        #expect(kept["revision"] as? Int == firstDiagram["revision"] as? Int)

        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("pickup.blueprint"))
        let missing = try stream.next { $0.id > broken.id }
        #expect(missing.json["state"] as? String == "missing")
        #expect((missing.json["problem"] as? String)?.contains("deleted or renamed") == true)

        // Back whole, as a checkout brings it: created and then written, a loaded machine can show the
        // watcher the empty file first, an "errors" that is right but not what this test asks about.
        try Data(smallBlueprint.utf8).write(to: fixture.folder.appendingPathComponent("pickup.blueprint"), options: .atomic)
        let back = try stream.next { $0.id > missing.id }
        #expect(back.json["state"] as? String == "ready")
    }

    /// Issue #20: a file replaced by a FIFO blocked the server for good, also after the file came back.
    @Test func aFIFOWhereTheFileWasIsReportedWithoutBlocking() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let stream = try EventStreamReader(fixture: fixture, file: 0)
        defer { stream.close() }
        let first = try stream.next()
        let file = fixture.folder.appendingPathComponent("pickup.blueprint")
        try FileManager.default.removeItem(at: file)
        #expect(mkfifo(file.path, 0o644) == 0)
        // The watcher may read the path between the removal and the FIFO: that read's "no such file",
        // reported once the FIFO is there, is followed by the FIFO's own report.
        let fifo = try stream.next { event in
            event.id > first.id && event.json["state"] as? String == "unreadable"
                && (event.json["problem"] as? String)?.contains("not a regular file") == true
        }
        #expect(try fixture.get("/", host: fixture.host).status == 200, "the server still answers")
        try FileManager.default.removeItem(at: file)
        try fixture.write("pickup.blueprint", smallBlueprint)
        let back = try stream.next { $0.id > fifo.id && $0.json["state"] as? String == "ready" }
        #expect(back.json["diagram"] != nil)
    }

    @Test func aConfigurationFileThatAppliesReachesThePage() async throws {
        // `fetch` has a fail point with no recovery: a warning by default.
        let source = smallBlueprint.replacingOccurrences(of: "takes 4m", with: "takes 4m, fail \"Parcel not found\"")
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": source])
        defer { Task { await fixture.stop() } }
        let stream = try EventStreamReader(fixture: fixture, file: 0)
        defer { stream.close() }
        let first = try stream.next()
        #expect(first.json["state"] as? String == "ready" && first.json["warningCount"] as? Int == 1)

        try fixture.write(".blueprintlint.yml", "rules:\n  fail-without-recovery: error\n")
        let strict = try stream.next { $0.id > first.id }
        #expect(strict.json["state"] as? String == "errors" && strict.json["errorCount"] as? Int == 1)
    }

    @Test func aPageThatDisconnectsMidStreamIsForgotten() async throws {
        let fixture = try await PreviewFixture(files: ["large.blueprint": BlueprintGenerator.clean(steps: 500)])
        defer { Task { await fixture.stop() } }
        // One page reads a few bytes of the large first event, then goes away with the rest unread.
        let leaving = try EventStreamReader(fixture: fixture, file: 0, receiveBuffer: 4096)
        _ = try leaving.connection.receive(upTo: 512)
        let staying = try EventStreamReader(fixture: fixture, file: 0)
        defer { staying.close() }
        let first = try staying.next()
        #expect(await eventually { fixture.server.connectedPages == 2 })
        leaving.close()

        // The next save is written to both; the write to the closed one fails and it is dropped.
        try fixture.write("large.blueprint", BlueprintGenerator.clean(steps: 500) + "# saved again\n")
        _ = try staying.next { $0.id > first.id }
        try fixture.write("large.blueprint", BlueprintGenerator.clean(steps: 500) + "# and again\n")
        #expect(await eventually { fixture.server.connectedPages == 1 }, "the closed page is still listened to")
        #expect(try fixture.get("/", host: fixture.host).status == 200)
    }

    @Test func severalFilesGetAnIndex() async throws {
        let fixture = try await PreviewFixture(files: [
            "a.blueprint": smallBlueprint,
            "b.blueprint": smallBlueprint.replacingOccurrences(of: "Parcel pickup", with: "Second <counter>") + "handover -> nowhere\n",
        ])
        defer { Task { await fixture.stop() } }
        let index = try fixture.get("/", host: fixture.host)
        #expect(index.status == 200)
        #expect(index.body.contains(#"href="/file/0""#) && index.body.contains(#"href="/file/1""#))
        #expect(index.body.contains("Second &lt;counter&gt;"), "titles are escaped")
        #expect(index.body.contains("1 kept"))
        #expect(index.body.contains(#"<td class="number error">1</td>"#))
        #expect(try fixture.get("/file/1", host: fixture.host).status == 200)
    }

    @Test func downloadsAreDrawnByTheServer() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        for (format, type, magic) in [("svg", "image/svg+xml", "<?xml"), ("png", "image/png", "\u{FFFD}PNG"), ("pdf", "application/pdf", "%PDF")] {
            let response = try fixture.get("/download/0.\(format)?theme=dark", host: fixture.host)
            #expect(response.status == 200 && response.header("Content-Type") == type, "\(format)")
            #expect(response.header("Content-Disposition")?.contains("pickup.\(format)") == true)
            #expect(response.body.hasPrefix(magic), "\(format)")
        }
    }

    @Test func withoutAPortTheNextFreeOneIsTaken() async throws {
        let options = PreviewOptions(paths: [], host: try ListenAddress("127.0.0.1"))
        let first = PreviewServer(options: options, workspace: .init())
        let second = PreviewServer(options: options, workspace: .init())
        let firstURL = try await first.start()
        let secondURL = try await second.start()
        await first.stop()
        await second.stop()
        let range = Int(PreviewOptions.defaultPort)..<Int(PreviewOptions.defaultPort + PreviewOptions.portsTried)
        #expect(firstURL.port != secondURL.port)
        #expect(range.contains(firstURL.port ?? 0) && range.contains(secondURL.port ?? 0))
    }

    @Test func aPortInUseIsAClearError() async throws {
        let fixture = try await PreviewFixture(files: ["pickup.blueprint": smallBlueprint])
        defer { Task { await fixture.stop() } }
        let options = PreviewOptions(paths: fixture.server.options.paths, host: try ListenAddress("127.0.0.1"), port: fixture.port)
        let second = PreviewServer(options: options, workspace: .init())
        await #expect(throws: PreviewError.portInUse(fixture.port)) { _ = try await second.start() }
    }
}
