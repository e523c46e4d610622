import ArgumentParser
import BlueprintAnalysis
import Foundation

/// `--locale` of `init`: the language of the starting blueprint.
enum InitLocale: String, ArgumentChoice {
    case en
    case zhHans = "zh-Hans"
    case zhHant = "zh-Hant"
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a small, lint-clean starting blueprint that explains each construct.",
        discussion: """
        Writes NAME.blueprint in the current folder (NAME may be a path, with or without the \
        extension), titled after NAME. An existing file is never overwritten.

        Exit status: 0 when the file was written, 2 when it exists already, could not be written, \
        or an option is wrong.
        """
    )

    @Argument(help: "The blueprint to create, also its title.")
    var name: String = "service"

    @Option(help: ArgumentHelp("Language of the labels and comments: en, zh-Hans or zh-Hant.", valueName: "locale"))
    var locale: InitLocale = .en

    @OptionGroup var color: ColorOption

    func validate() throws {
        if title.isEmpty { throw ValidationError("give the blueprint a name, such as 'counter-visit'") }
    }

    func run() throws {
        let path = name.hasSuffix(".blueprint") ? name : name + ".blueprint"
        let text = InitTemplate.text(for: locale).replacingOccurrences(of: "TITLE", with: Self.escaped(title))
        // O_EXCL: the check and the creation are one step, so a file made meanwhile is not overwritten either.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it exists already; nothing was written" : String(cString: strerror(errno))
            printError("\(path): error: \(reason)")
            throw ExitCode(2)
        }
        do {
            try OutputDestination.descriptor(descriptor).write(Array(text.utf8), named: path)
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(path)
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let created = color.standardOutput ? "\u{1B}[1m\(path)\u{1B}[0m" : path
        writeOutput("Created \(created). Check it with 'blueprint lint \(path)', draw it with 'blueprint render \(path) -o \(Self.stem(of: path)).svg'.\n")
    }

    /// NAME's file name without the extension, dashes and underscores read as spaces.
    private var title: String {
        Self.stem(of: (name as NSString).lastPathComponent)
            .replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    private static func stem(of path: String) -> String {
        path.hasSuffix(".blueprint") ? String(path.dropLast(".blueprint".count)) : path
    }

    /// As a blueprint string: quotes and backslashes escaped.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
