/// What one `govflow` command accepts: its synopsis, its options and a short description. The argument parser, the
/// `--help` text, the "did you mean" hints and the shell completions are all made from these tables, so every
/// command behaves the same.
struct CommandSpec: Sendable {
    /// How a value is completed in a shell.
    enum Completion: Sendable, Hashable {
        /// No completion.
        case none
        /// A file name.
        case file
        /// A directory name.
        case directory
        /// One of these words.
        case words([String])
    }

    /// One option, e.g. `--db PATH`.
    struct Option: Sendable {
        /// The option as written, with its dashes: "--db".
        let name: String
        /// The value's placeholder ("PATH"), or `nil` for a flag.
        let value: String?
        /// One line of help.
        let help: String
        /// How a shell completes the value (or, for a flag, nothing).
        var completion: Completion = .none

        /// `--db PATH` or `--json`.
        var synopsis: String { value.map { "\(name) \($0)" } ?? name }
    }

    /// The words after `govflow`: "serve", "calendar add".
    let name: String
    /// The usage lines, each starting with `govflow`.
    let synopsis: [String]
    /// One sentence saying what the command does.
    let summary: String
    /// The options besides `-h`/`--help`.
    let options: [Option]
    /// How positional arguments are completed.
    var positionalCompletion: Completion = .none
    /// Further text for `--help` (exit status, where to read more).
    var notes: String = ""

    /// The short usage printed after a usage error.
    var usage: String {
        synopsis.enumerated().map { ($0.offset == 0 ? "usage: " : "       ") + $0.element }.joined(separator: "\n")
    }

    /// The full text `--help` prints.
    var help: String {
        var lines = [usage, "", summary]
        let all = options + [Option(name: "-h, --help", value: nil, help: "show this help and exit")]
        let width = all.map(\.synopsis.count).max() ?? 0
        lines.append("")
        lines.append("options:")
        for option in all {
            let padding = String(repeating: " ", count: width - option.synopsis.count + 2)
            lines.append("  " + option.synopsis + padding + option.help)
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(notes)
        }
        return lines.joined(separator: "\n")
    }

    /// The summary's first sentence, for overviews.
    var firstSentence: String {
        let line = summary.split(separator: "\n").first.map(String.init) ?? ""
        guard let end = line.range(of: ". ") ?? line.range(of: " (see ") else { return line }
        return String(line[..<end.lowerBound]) + "."
    }

    /// The option named `name`, if the command has it.
    func option(_ name: String) -> Option? { options.first { $0.name == name } }
}
