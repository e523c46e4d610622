/// The toolkit's version: what `blueprint --version`, SARIF logs and the language server report.
public enum BlueprintVersion {
    public static let current = "0.1.0"
}
