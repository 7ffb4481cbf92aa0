import FlowCore
import Foundation

/// The `govflow` command line as a library function, so that a plugin developer's own executable can register
/// extra stage kinds and run exactly the same commands.
public enum GovFlowCommand {
    static let usage = """
        usage: govflow <command> [arguments]

        commands:
          validate FILE...      check workflow definitions; prints file:line:col: error: message for each problem
          calendar add DATE PERIOD | add --batch | month YYYY-MM | between DATE DATE
                                due dates and working days in the statutory calendar (see docs/calendar.md)
          simulate WORKFLOW --project PROJECT.json [--decisions SCRIPT.json] [--start DATE] [--json]
                                run a project through a workflow on a simulated clock (see docs/simulate.md)
          graph WORKFLOW --format mermaid|dot
                                draw the process as a Mermaid or Graphviz diagram (see docs/graph.md)
          serve [--db PATH] [--workflows DIR] [--listen HOST:PORT] [--tokens FILE]
                                run the engine, its timers and the HTTP API over a database until SIGTERM or
                                SIGINT (see docs/operations.md and docs/api.md)
          backup DEST [--db PATH]
                                write a consistent copy of the database, also while a runner serves
          rebuild-indexes [--db PATH]
                                refill the database's index tables from the stored states (runner stopped)
          help                  show this text
        """

    /// Runs the command line `arguments` (without the program name) and returns the process exit status.
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
            return CalendarCommand.run(rest, calendarsDirectory: ResourceLocator.calendarsDirectory(), io: io)
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
        case "_crash-writer":
            return CrashWriterCommand(registry: registry, io: io).run(rest)
        case "help", "--help", "-h":
            io.print(usage)
            return 0
        default:
            io.error("govflow: unknown command \"\(command)\"\n\n\(usage)")
            return 2
        }
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
