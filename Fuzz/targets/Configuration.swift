// libFuzzer target over `.blueprintlint.yml` reading: any bytes give a configuration or problems
// with positions, never a crash (a configuration nested thousands of levels deep overflowed the
// YAML parser's stack).
@testable import BlueprintConfig
import BlueprintDiagnostics

private let knownRules: [RuleID] = ["syntax", "duplicate-id", "disconnected-step", "promise-untimed", "visibility-leak"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfiguration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let source = try? SourceText(bytes: UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let text = String(decoding: source.bytes, as: UTF8.self)
    do {
        let configuration = try ConfigurationFile.parse(text, path: ".blueprintlint.yml", knownRules: knownRules)
        require(configuration.ruleSettings.keys.allSatisfy(knownRules.contains), "a setting for an unknown rule was kept")
        require(configuration.ruleSettings["syntax"].map { $0 == .error } ?? true, "syntax was switched off or down")
    } catch {
        require(!error.problems.isEmpty, "an error without a problem")
        for problem in error.problems {
            if let position = problem.position {
                require(position.line >= 1 && position.column >= 1, "problem at \(position)")
            }
        }
    }
    return 0
}
