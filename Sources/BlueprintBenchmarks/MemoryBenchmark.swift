import BlueprintTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory of `blueprint lint` on the kinds of input a hostile-input campaign throws at
/// it: a million short statements of each kind, a 10 MB line of junk, five million junk lines. The
/// target is at most 20 bytes per input byte plus 40 MiB, in the text and the JSON format. Each run
/// is a child process of its own, measured by `wait4`, so one run's peak does not hide another's.
func runMemoryBenchmark() {
    let binary = ProcessInfo.processInfo.environment["BLUEPRINT_BIN"] ?? ".build/release/blueprint"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("memory: skipped, no executable at \(binary); build it with `swift build -c release --product blueprint`, or set BLUEPRINT_BIN")
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blueprint-memory-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        print("memory: could not create \(folder.path): \(error)")
        return
    }
    print("memory: peak RSS of `\(binary) lint` per input; target ≤ 20 B per input byte + 40 MiB")
    print("input                              MB   format    seconds  peak MiB  target MiB  verdict")
    var over = 0
    for input in CampaignInput.all {
        let path = folder.appendingPathComponent(input.file).path
        let bytes = input.write()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            print("memory: could not write \(path)")
            return
        }
        let targetMiB = (20 * Double(bytes.count) + 40 * 1_048_576) / 1_048_576
        for format in ["text", "json"] {
            guard let run = peakOfChild(binary, ["lint", "--format", format, path]) else {
                print("memory: could not run \(binary)")
                return
            }
            let fits = run.peakMiB <= targetMiB
            if !fits { over += 1 }
            print(input.name.padding(toLength: 32, withPad: " ", startingAt: 0)
                  + String(format: " %5.1f   %-6@ %9.2f %9.0f %11.0f  %@", Double(bytes.count) / 1_000_000, format as NSString,
                           run.seconds, run.peakMiB, targetMiB, (fits ? "within" : "OVER") as NSString)
                  + (run.status > 1 ? " (exit \(run.status))" : ""))
        }
        try? FileManager.default.removeItem(atPath: path)
    }
    print(over == 0 ? "memory: every input within its target" : "memory: \(over) runs over their target")
}

/// One input of the campaign: its name and the bytes it is made of.
private struct CampaignInput: Sendable {
    var name: String
    var file: String
    var write: @Sendable () -> [UInt8]

    static let million = 1_000_000

    static let all: [CampaignInput] = [
        CampaignInput(name: "1M short step lines", file: "steps.blueprint") {
            lines(header: true, count: million) { "customer c\($0) \"a\"" }
        },
        CampaignInput(name: "1M short flows to unknown steps", file: "flows.blueprint") {
            lines(header: true, count: million) { "a\($0) -> b\($0)" }
        },
        CampaignInput(name: "1M phase lines", file: "phases.blueprint") {
            lines(header: true, count: million) { "phase \"p\($0)\"" }
        },
        CampaignInput(name: "1M steps, flows and phases", file: "mixed.blueprint") {
            lines(header: true, count: million) { index in
                switch index % 3 {
                case 0: "customer c\(index) \"a\""
                case 1: "c\(index - 1) -> c\(index - 4)"
                default: "phase \"p\(index)\""
                }
            }
        },
        CampaignInput(name: "1M flows `a -> b`", file: "ab.blueprint") {
            lines(header: true, count: million) { _ in "a -> b" }
        },
        CampaignInput(name: "a 10 MB line of junk", file: "junk-line.blueprint") {
            var random = SeededRandom(seed: 11)
            let alphabet = Array("abc@#$%^&*()xyz ,:\"->".utf8)
            var bytes = Array("blueprint \"junk\"\n".utf8)
            for _ in 0..<10_000_000 { bytes.append(alphabet[Int(random.next(below: UInt64(alphabet.count)))]) }
            return bytes + [0x0A]
        },
        CampaignInput(name: "5M junk lines `@`", file: "junk-lines.blueprint") {
            lines(header: false, count: 5 * million) { _ in "@" }
        },
        CampaignInput(name: "5M lines of junk words", file: "junk-words.blueprint") {
            var random = SeededRandom(seed: 12)
            let words = ["@#", "foo bar", "x", "!!", "%", "a -> ?", "customer \"", "phase 1"]
            return lines(header: false, count: 5 * million) { _ in words[Int(random.next(below: UInt64(words.count)))] }
        },
    ]

    private static func lines(header: Bool, count: Int, _ line: (Int) -> String) -> [UInt8] {
        var bytes = header ? Array("blueprint \"Campaign\"\n".utf8) : []
        bytes.reserveCapacity(count * 16)
        for index in 0..<count {
            bytes += line(index).utf8
            bytes.append(0x0A)
        }
        return bytes
    }
}

/// Runs `binary` with its output thrown away; its wall time, exit status and peak resident memory.
private func peakOfChild(_ binary: String, _ arguments: [String]) -> (seconds: Double, peakMiB: Double, status: Int32)? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    let start = ContinuousClock.now
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { return nil }
    }
    let seconds = (ContinuousClock.now - start).seconds
    // `ru_maxrss` is in KiB on Linux.
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (seconds, Double(usage.ru_maxrss) / 1_024, exit)
}
