import BlueprintRender
import BlueprintTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a designer waits for after saving: the time from writing the file to the page's event
/// stream delivering the new diagram, through a real `blueprint preview` (file events, debounce,
/// analysis, drawing, the event on the socket). Prints p50 and p95 over many saves for every
/// example and a 500-step blueprint (the target is a p95 under 200 ms), then the server's
/// resident memory over 1,000 saves of one file.
func runPreviewBenchmark() {
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("blueprint").path
    guard FileManager.default.isExecutableFile(atPath: cli) else {
        print("preview: skipped, no executable at \(cli) (swift build -c release first)")
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-preview-benchmark-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    var files: [(name: String, text: String)] = exampleSources()
    files.append(("synthetic-500", BlueprintGenerator.clean(steps: 500)))
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name + ".blueprint"))
        }
        let server = try PreviewProcess(cli: cli, files: files.map { folder.appendingPathComponent($0.name + ".blueprint").path })
        defer { server.stop() }

        print("preview: save → new diagram received on the page's event stream (inotify, 20 ms debounce included)")
        print("file                           steps   saves    p50 ms    p95 ms    max ms")
        for (index, file) in files.enumerated() {
            let saves = file.name.hasPrefix("synthetic") ? 40 : 60
            let times = try measureSaves(server: server, file: index, text: file.text,
                                         path: folder.appendingPathComponent(file.name + ".blueprint"), count: saves).sorted()
            let steps = file.text.split(separator: "\n").count { line in
                ["customer", "frontstage", "onstage", "backstage", "support"].contains(line.split(separator: " ").first.map(String.init) ?? "")
            }
            print(file.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: " %7d %7d %9.1f %9.1f %9.1f", steps, times.count,
                         percentile(times, 0.50), percentile(times, 0.95), times.last ?? 0))
        }

        // Memory: one file saved 1,000 times, the server's resident memory read between saves.
        let index = files.firstIndex { $0.name == "outage-repair" } ?? 0
        let path = folder.appendingPathComponent(files[index].name + ".blueprint")
        var resident: [Int: Int] = [0: server.residentKilobytes()]
        for checkpoint in [250, 500, 750, 1000] {
            _ = try measureSaves(server: server, file: index, text: files[index].text, path: path, count: 250, firstEdit: checkpoint)
            resident[checkpoint] = server.residentKilobytes()
        }
        print("preview: server resident memory saving \(files[index].name) 1,000 times:",
              [0, 250, 500, 750, 1000].map { "after \($0): \(resident[$0]!) KB" }.joined(separator: ", "))
    } catch {
        print("preview: failed: \(error)")
    }
}

/// Saves the file `count` times with a new title each time, and returns the milliseconds from each
/// write to the event carrying that title.
private func measureSaves(server: PreviewProcess, file: Int, text: String, path: URL, count: Int, firstEdit: Int = 0) throws -> [Double] {
    let stream = try EventStream(port: server.port, file: file)
    defer { stream.close() }
    _ = try stream.next()
    let body = text.drop { $0 != "\n" }
    var times: [Double] = []
    for edit in firstEdit..<firstEdit + count {
        let marker = "Benchmark edit #\(edit)."
        let start = ContinuousClock.now
        // In place, as many editors save.
        try Data("blueprint \"\(marker)\"\(body)".utf8).write(to: path)
        while !(try stream.next()).contains(Array(marker.utf8)) {}
        times.append((ContinuousClock.now - start).milliseconds)
    }
    return times
}

private func exampleSources() -> [(name: String, text: String)] {
    let folder = "blueprints"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".blueprint") }.sorted()
    return names.compactMap { name in
        (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)).map { (String(name.dropLast(".blueprint".count)), $0) }
    }
}

/// `blueprint preview` started on the given files and a port the system picks.
private final class PreviewProcess {
    let process = Process()
    let port: UInt16

    init(cli: String, files: [String]) throws {
        process.executableURL = URL(fileURLWithPath: cli)
        process.arguments = ["preview", "--port", "0"] + files
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "Previewing … at http://127.0.0.1:PORT/"
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchmarkError("blueprint preview printed no address") }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let address = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }),
              let port = URL(string: String(address).trimmingCharacters(in: .whitespacesAndNewlines))?.port else {
            throw BenchmarkError("no address in \(text)")
        }
        self.port = UInt16(port)
    }

    func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return -1 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

/// The events of one page's stream, read from a socket to 127.0.0.1 (each event is one chunk, so
/// the chunk framing lies between events and is skipped).
private final class EventStream {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    /// Where the search for the end of the event stopped, so a large event is scanned once.
    private var scanned = 0

    init(port: UInt16, file: Int) throws {
        guard let descriptor = connectToLoopback(port: port, timeout: 10) else { throw BenchmarkError("cannot connect to port \(port)") }
        self.descriptor = descriptor
        let request = Array("GET /events/\(file)?theme=light HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        guard send(descriptor, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { throw BenchmarkError("send failed") }
    }

    /// The next event's bytes, from its `data:` line.
    func next() throws -> ArraySlice<UInt8> {
        let data = Array("\ndata: ".utf8)
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        while true {
            if let start = pending.firstRange(of: data) {
                var index = max(scanned, start.upperBound)
                while index + 1 < pending.count {
                    if pending[index] == 10 && pending[index + 1] == 10 {
                        let event = pending[start.upperBound..<index]
                        pending.removeSubrange(..<(index + 2))
                        scanned = 0
                        return event
                    }
                    index += 1
                }
                scanned = index
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw BenchmarkError("the event stream ended or timed out") }
            pending += buffer[..<count]
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}

private struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
