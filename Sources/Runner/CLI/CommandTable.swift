import FlowCore

/// Every `govflow` command's `CommandSpec`: the one table that parsing, `--help`, "did you mean" and the shell
/// completions read.
enum CommandTable {
    static let calendarsOption = CommandSpec.Option(
        name: "--calendars", value: "DIR",
        help: "calendar files on top of the built-in ones (default: calendars/ of the workflows folder)",
        completion: .directory)

    static let validate = CommandSpec(
        name: "validate", synopsis: ["govflow validate [--calendars DIR] FILE..."],
        summary: "Checks workflow definitions; prints every problem as file:line:col: error: message [code] at $.path.",
        options: [calendarsOption], positionalCompletion: .file,
        notes: "exit status: 0 all valid, 1 a definition has problems, 2 a usage error or a file that cannot be read")

    static let conventionOption = CommandSpec.Option(
        name: "--convention", value: "CONVENTION",
        help: "event-date (default) or next-working-day: where counting starts for an event on a rest day",
        completion: .words(RestDayConvention.allCases.map(\.rawValue)))
    static let calendarOption = CommandSpec.Option(
        name: "--calendar", value: "ID", help: "the calendar to count with (default: cn-mainland)")

    static let calendarAdd = CommandSpec(
        name: "calendar add",
        synopsis: ["govflow calendar add DATE PERIOD [--calendar ID] [--convention CONVENTION] [--calendars DIR]",
                   "govflow calendar add --batch [--calendar ID] [--convention CONVENTION] [--calendars DIR]"],
        summary: "The due date of a period counted from DATE; with --batch, one due date per line DATE<TAB>PERIOD "
            + "read from standard input.\nDATE is YYYY-MM-DD; PERIOD is \(Period.acceptedForms).",
        options: [calendarOption, conventionOption, calendarsOption,
                  .init(name: "--batch", value: nil, help: "read lines DATE<TAB>PERIOD from standard input")],
        notes: "exit status: 0 done, 1 a failed batch line or an unusable calendar, 2 a usage error")
    static let calendarMonth = CommandSpec(
        name: "calendar month", synopsis: ["govflow calendar month YYYY-MM [--calendar ID] [--calendars DIR]"],
        summary: "The month as a sheet with holidays and make-up working days marked.",
        options: [calendarOption, calendarsOption])
    static let calendarBetween = CommandSpec(
        name: "calendar between", synopsis: ["govflow calendar between DATE DATE [--calendar ID] [--calendars DIR]"],
        summary: "The number of working days after the first date up to and including the second.",
        options: [calendarOption, calendarsOption])
    static let calendar = CommandSpec(
        name: "calendar",
        synopsis: calendarAdd.synopsis + calendarMonth.synopsis + calendarBetween.synopsis,
        summary: "Due dates and working days in the statutory calendar (see docs/calendar.md). "
            + "Run govflow calendar add|month|between --help for each.",
        options: [])
    static let calendarSubcommands = [calendarAdd, calendarMonth, calendarBetween]

    static let simulate = CommandSpec(
        name: "simulate",
        synopsis: ["govflow simulate WORKFLOW --project PROJECT.json [--decisions SCRIPT.json] [--start YYYY-MM-DD]",
                   "                 [--calendars DIR] [--max-steps N] [--json]"],
        summary: "Runs one project through a workflow on a simulated clock and prints its timeline "
            + "(see docs/simulate.md).\n--start is required unless the decisions script gives \"start\".",
        options: [
            .init(name: "--project", value: "PROJECT.json", help: "the project: its id and variables",
                  completion: .file),
            .init(name: "--decisions", value: "SCRIPT.json", help: "a decisions script (default: approve everything)",
                  completion: .file),
            .init(name: "--start", value: "YYYY-MM-DD", help: "the day the project is received"),
            calendarsOption,
            .init(name: "--max-steps", value: "N", help: "most commands and timer firings (default 10000)"),
            .init(name: "--json", value: nil, help: "print the JSON document instead of the table"),
        ],
        positionalCompletion: .file,
        notes: "exit status: 0 the run finished, 1 a refused definition, project, script or step, "
            + "2 a usage error or a file that cannot be read")

    static let graph = CommandSpec(
        name: "graph", synopsis: ["govflow graph WORKFLOW [--format mermaid|dot|bpmn]"],
        summary: "Draws the process as a Mermaid flowchart, a Graphviz digraph or BPMN 2.0 XML with its diagram "
            + "(see docs/graph.md).",
        options: [.init(name: "--format", value: "mermaid|dot|bpmn",
                        help: "the diagram language (default: mermaid; bpmn opens in Camunda Modeler and bpmn.io)",
                        completion: .words(GraphCommand.Format.allCases.map(\.rawValue)))],
        positionalCompletion: .file,
        notes: "exit status: 0 printed, 1 the definition is invalid, 2 a usage error or a file that cannot be read")

    static let serve = CommandSpec(
        name: "serve", synopsis: ["govflow serve [--db PATH] [--workflows DIR] [--listen HOST:PORT] [--tokens FILE]",
                                  "govflow serve --demo [--db PATH] [--workflows DIR] [--listen HOST:PORT]"],
        summary: "Runs the engine, its timers and the HTTP API over a database until SIGTERM or SIGINT "
            + "(see docs/operations.md and docs/api.md).",
        options: [
            .init(name: "--db", value: "PATH", help: "the database file (default: ./govflow.sqlite)",
                  completion: .file),
            .init(name: "--workflows", value: "DIR",
                  help: "definitions and calendars/ (default: $GOVFLOW_HOME/workflows, ./workflows, else built-in)",
                  completion: .directory),
            .init(name: "--listen", value: "HOST:PORT", help: "where the API listens (default: 127.0.0.1:8080)"),
            .init(name: "--tokens", value: "FILE", help: "bearer tokens (default: none, loopback only)",
                  completion: .file),
            .init(name: "--demo", value: nil,
                  help: "fill a new database with example projects and write PATH.tokens.json (see docs/console.md)"),
        ],
        notes: "exit status: 0 after a clean stop, 1 refused to start, 2 a usage error")

    static let backup = CommandSpec(
        name: "backup", synopsis: ["govflow backup DEST [--db PATH]"],
        summary: "Writes a consistent, checked copy of the database to DEST, also while a runner serves.",
        options: [.init(name: "--db", value: "PATH", help: "the database file (default: ./govflow.sqlite)",
                        completion: .file)],
        positionalCompletion: .file,
        notes: "exit status: 0 done, 1 failed, 2 a usage error")

    static let rebuildIndexes = CommandSpec(
        name: "rebuild-indexes", synopsis: ["govflow rebuild-indexes [--db PATH]"],
        summary: "Refills the database's index tables from the stored states and histories, with the runner stopped.",
        options: [.init(name: "--db", value: "PATH", help: "the database file (default: ./govflow.sqlite)",
                        completion: .file)],
        notes: "exit status: 0 done, 1 failed, 2 a usage error")

    static let completion = CommandSpec(
        name: "completion", synopsis: ["govflow completion bash|zsh"],
        summary: "Prints a shell completion script for bash or zsh.",
        options: [], positionalCompletion: .words(["bash", "zsh"]),
        notes: "bash: source <(govflow completion bash)\n"
            + "zsh:  govflow completion zsh > \"${fpath[1]}/_govflow\", then start a new shell")

    static let help = CommandSpec(
        name: "help", synopsis: ["govflow help [COMMAND]"], summary: "Shows the commands, or one command's help.",
        options: [], positionalCompletion: .words(["validate", "calendar", "simulate", "graph", "serve", "backup",
                                                   "rebuild-indexes", "completion"]))

    /// The public commands, in the order the overview lists them.
    static let commands = [validate, calendar, simulate, graph, serve, backup, rebuildIndexes, completion, help]

    /// The command named `name`, if public.
    static func command(_ name: String) -> CommandSpec? { commands.first { $0.name == name } }
}
