import ArgumentParser
import BlueprintAnalysis

/// `blueprint generate-manual`: the man page, made from the commands' own help so it cannot drift
/// from them. Hidden: `scripts/install.sh` runs it; users read `man blueprint`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the blueprint(1) man page, in roff, made from every command's help.",
        shouldDisplay: false
    )

    func run() {
        writeOutput(ManualPage.text())
    }
}

enum ManualPage {
    /// Help is laid out for this width and shown as written (`.nf`), so its columns stay aligned.
    private static let columns = 78

    static func text() -> String {
        let root = BlueprintCommand.configuration
        var page = """
            .TH BLUEPRINT 1 "" "blueprint \(BlueprintVersion.current)" "User Commands"
            .SH NAME
            blueprint \\- \(escaped(root.abstract))
            .SH SYNOPSIS
            .B blueprint
            .I command
            .RI [ options ]
            .SH DESCRIPTION
            \(escaped(root.discussion))
            .SH COMMANDS

            """
        for subcommand in root.subcommands where subcommand.configuration.shouldDisplay {
            let name = subcommand.configuration.commandName ?? ""
            page += ".SS \"blueprint \(name)\"\n.nf\n"
            page += escaped(BlueprintCommand.helpMessage(for: subcommand, columns: columns)) + "\n.fi\n"
        }
        page += """
            .SH FILES
            .TP
            .I .blueprintlint.yml
            Rule severities for the files in its folder and below; the nearest one applies.
            .SH SEE ALSO
            .BR dot (1)

            """
        return page
    }

    /// Text that roff shows as written: backslashes escaped, and a line starting with a control
    /// character ('.' or "'") kept from being read as a request.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line) }
            .joined(separator: "\n")
    }
}
