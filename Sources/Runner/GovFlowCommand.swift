import FlowCore
import Foundation
import SQLiteStore

/// The `govflow` command line as a library function, so that a plugin developer's own executable can register
/// extra stage kinds and run exactly the same commands.
public enum GovFlowCommand {
    /// The release, printed by `govflow --version`.
    public static let version = "1.0.0"

    static var usage: String {
        var lines = ["usage: govflow <command> [arguments]      (govflow <command> --help for its options)", "",
                     "commands:"]
        for spec in CommandTable.commands {
            lines.append("  " + spec.synopsis.joined(separator: "\n  ").replacingOccurrences(of: "govflow ", with: ""))
            lines.append("        " + spec.firstSentence)
        }
        lines.append("")
        lines.append("  --version             print the version")
        lines.append("")
        lines.append("Without --workflows or --calendars, govflow uses $GOVFLOW_HOME/workflows, else ./workflows, else")
        lines.append("the definitions and calendars built into it (docs/operations.md).")
        return lines.joined(separator: "\n")
    }

    /// Runs the command line `arguments` (without the program name) and returns the process exit status:
    /// 0 success, 1 the command failed, 2 a usage error. `-h`/`--help` after any command prints its help.
    public static func run(arguments: [String], registry: StageRegistry, io: CommandIO = .standard) -> Int32 {
        guard let command = arguments.first else {
            io.error(usage)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "validate":
            return ValidateCommand(registry: registry, io: io).run(rest)
        case "calendar":
            return CalendarCommand.run(rest, io: io)
        case "simulate":
            return SimulateCommand(registry: registry, io: io).run(rest)
        case "graph":
            return GraphCommand(registry: registry, io: io).run(rest)
        case "serve":
            return ServeCommand(registry: registry, io: io).run(rest)
        case "backup":
            return BackupCommand(io: io).run(rest)
        case "rebuild-indexes":
            return RebuildIndexesCommand(io: io).run(rest)
        case "completion":
            return CompletionCommand(io: io).run(rest)
        case "_generate-bundled-resources":
            return GenerateResourcesCommand(io: io).run(rest)
        case "--version", "version":
            io.print("govflow \(version) (HTTP API /v1, database schema version \(StoreSchema.latestVersion))")
            return 0
        case "help", "--help", "-h":
            return help(rest, io: io)
        default:
            let names = CommandTable.commands.map(\.name)
            let what = command.hasPrefix("-") ? "option" : "command"
            let hint = NameSuggestion.nearest(to: command, in: command.hasPrefix("-") ? ["--version", "--help"] : names)
                .map { "; did you mean \"\($0)\"?" } ?? ""
            io.error("error: unknown \(what) \"\(command)\"\(hint)\n\n\(usage)")
            return 2
        }
    }

    /// `govflow help [COMMAND]`.
    private static func help(_ arguments: [String], io: CommandIO) -> Int32 {
        guard let name = arguments.first else {
            io.print(usage)
            return 0
        }
        let wanted = arguments.joined(separator: " ")
        let all = CommandTable.commands + CommandTable.calendarSubcommands
        guard let spec = all.first(where: { $0.name == wanted }) else {
            let hint = NameSuggestion.hint(for: name, in: CommandTable.commands.map(\.name))
            io.error("error: unknown command \"\(wanted)\"\(hint)\n\n\(usage)")
            return 2
        }
        io.print(spec.help)
        return 0
    }
}

/// Where a command reads and writes: the process's standard streams, or buffers in tests.
public struct CommandIO: Sendable {
    public let input: @Sendable () -> Data
    public let output: @Sendable (String) -> Void
    public let errors: @Sendable (String) -> Void

    public init(input: @escaping @Sendable () -> Data, output: @escaping @Sendable (String) -> Void,
                errors: @escaping @Sendable (String) -> Void) {
        self.input = input
        self.output = output
        self.errors = errors
    }

    /// Standard input, output and error of the process.
    public static let standard = CommandIO(
        input: { FileHandle.standardInput.readDataToEndOfFile() },
        output: { FileHandle.standardOutput.write(Data($0.utf8)) },
        errors: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Writes a line to the output.
    func print(_ line: String) { output(line + "\n") }

    /// Writes a line to the error stream.
    func error(_ line: String) { errors(line + "\n") }
}
