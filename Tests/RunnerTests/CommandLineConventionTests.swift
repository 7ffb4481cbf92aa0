import FlowCore
import Foundation
import GovFlowTestSupport
@testable import Runner
import SQLiteStore
import Stages
import Testing

/// Every subcommand follows one convention: `-h`/`--help` prints its usage and exits 0, an unknown option is a
/// usage error (exit 2) wherever it stands, a file that cannot be read is named with the reason in plain words,
/// and misspelt names get a "did you mean".
@Suite struct CommandLineConventionTests {
    func run(_ arguments: [String], stdin: String = "") -> (status: Int32, output: String, errors: String) {
        let captured = CapturedIO(stdin: stdin)
        let status = GovFlowCommand.run(arguments: arguments, registry: BuiltInStages.registry(), io: captured.io)
        return (status, captured.output, captured.errors)
    }

    static let helpCases: [[String]] = [
        ["validate", "--help"], ["calendar", "add", "-h"], ["calendar", "month", "--help"],
        ["calendar", "between", "--help"], ["simulate", "--help"], ["graph", "-h"], ["serve", "--help"],
        ["backup", "--help"], ["completion", "--help"],
    ]

    @Test(arguments: helpCases)
    func helpPrintsTheSubcommandsUsageAndExitsZero(arguments: [String]) throws {
        let run = run(arguments)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let name = arguments.dropLast().joined(separator: " ")
        let spec = try #require((CommandTable.commands + CommandTable.calendarSubcommands).first { $0.name == name })
        #expect(run.output == spec.help + "\n")
        #expect(run.output.hasPrefix("usage: govflow \(name)"))
        #expect(run.output.contains("  -h, --help "))
    }

    @Test func helpAfterOtherArgumentsStillPrintsHelp() {
        let run = run(["serve", "--db", "x.sqlite", "--help"])
        #expect(run.status == 0)
        #expect(run.output == CommandTable.serve.help + "\n")
    }

    @Test func helpCommandShowsOneCommandsHelp() {
        let run = run(["help", "simulate"])
        #expect(run.status == 0)
        #expect(run.output == CommandTable.simulate.help + "\n")
    }

    @Test func versionPrintsTheReleaseAndSchema() {
        let run = run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "govflow 1.0.0 (HTTP API /v1, database schema version \(StoreSchema.latestVersion))\n")
    }

    @Test func unknownOptionBeforeAFileIsAUsageErrorNotAFileName() {
        let run = run(["validate", "--strict", "x.json"])
        #expect(run.status == 2)
        #expect(run.errors == """
            error: unknown option "--strict" for "govflow validate"
            usage: govflow validate [--calendars DIR] FILE...

            """)
    }

    @Test func unknownOptionAfterThePositionalsIsAUsageErrorWithAHint() {
        let run = run(["graph", "workflows/tinghu.json", "--formt", "dot"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(#"error: unknown option "--formt" for "govflow graph"; did you mean "--format"?"#
                                     + "\n"))
    }

    @Test func misspeltCommandSuggestsTheNearest() {
        let run = run(["simulat"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: unknown command \"simulat\"; did you mean \"simulate\"?\n"))
    }

    @Test func misspeltCalendarSubcommandSuggestsTheNearest() {
        let run = run(["calendar", "mnth", "2024-10"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: unknown subcommand \"mnth\"; did you mean \"month\"?\n"))
    }

    @Test func misspeltFormatSuggestsTheNearest() {
        let run = run(["graph", "x.json", "--format", "mermiad"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(#"error: --format needs "mermaid", "dot" or "bpmn", found "mermiad"; did you mean "#
                                     + #""mermaid"?"# + "\n"))
    }

    @Test func doubleDashEndsTheOptions() {
        let run = run(["validate", "--", "--strict"])
        #expect(run.status == 2)
        #expect(run.errors == "error: cannot read --strict: no such file\n")
    }

    @Test func flagGivenAValueIsAUsageError() {
        let run = run(["simulate", "x.json", "--json=yes"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: --json takes no value\n"))
    }

    @Test func optionWithoutItsValueIsAUsageError() {
        let run = run(["serve", "--db", "--listen", "127.0.0.1:0"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: --db needs a value (--db PATH)\n"))
    }

    @Test func definitionLoaderNamesAMissingFileOrAFolderPlainly() {
        let loader = DefinitionLoader(registry: BuiltInStages.registry())
        for (path, reason) in [("/nonexistent/x.json", "no such file"), ("/tmp", "is a directory")] {
            do {
                _ = try loader.load(contentsOf: URL(fileURLWithPath: path))
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.diagnostics.map(\.description)
                            == ["\(path):1:1: error: cannot read \(path): \(reason) [malformed-json] at $"])
            }
        }
    }

    @Test func optionValueMayFollowAnEqualsSign() {
        let run = run(["calendar", "add", "2024-10-05", "5 workdays", "--convention=next-working-day"])
        #expect(run.status == 0)
        #expect(run.output == "2024-10-14\n")
    }

    @Test func missingFileIsNamedWithoutAFoundationDump() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).json").path
        for command in [["validate", missing], ["graph", missing],
                        ["simulate", missing, "--project", missing, "--start", "2024-09-27"]] {
            let run = run(command)
            #expect(run.status == 2, "\(command)")
            #expect(run.errors == "error: cannot read \(missing): no such file\n", "\(command)")
        }
    }

    @Test func directoryIsNamedAsADirectory() {
        let folder = FileManager.default.temporaryDirectory.path
        let run = run(["validate", folder])
        #expect(run.status == 2)
        #expect(run.errors == "error: cannot read \(folder): is a directory\n")
    }

    @Test func validateChecksTheReadableFilesAndStillExitsTwo() throws {
        let missing = "/nonexistent/\(UUID().uuidString).json"
        let tinghu = StoreFixtures.packageRoot.appendingPathComponent("workflows/tinghu.json").path
        let run = run(["validate", missing, tinghu])
        #expect(run.status == 2)
        #expect(run.output.hasPrefix("\(tinghu): valid (tinghu version "))
        #expect(run.errors == "error: cannot read \(missing): no such file\n")
    }

    @Test func impossibleDateSaysWhyItIsNotADate() {
        let run = run(["calendar", "add", "2024-02-30", "5 workdays"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: 2024-02-30 is not a date that exists: February 2024 has 29 days\n"))
        let malformed = self.run(["calendar", "between", "2024/02/01", "2024-02-10"])
        #expect(malformed.errors.hasPrefix("error: \"2024/02/01\" is not a date; write YYYY-MM-DD\n"))
    }

    @Test func periodErrorsListTheWeekForm() {
        let run = run(["calendar", "add", "2024-09-27", "2 weeks"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix(#"error: "2 weeks" is not a period; write "N workdays", "N days", "N months", "#
                                     + #""N years" (N a whole number ≥ 1) or ISO 8601 "PnD", "PnW", "PnM", "PnY""#))
        #expect(self.run(["calendar", "add", "2024-09-27", "P2W"]).output == "2024-10-11\n")
    }

    @Test func enumVariableErrorNamesTheAllowedValues() throws {
        let source = """
            {"id": "x", "version": 1, "title": "t", "jurisdiction": {"name": "n", "code": "320902"},
             "regulation": {"title": "r"}, "calendar": "cn-mainland", "start": "a",
             "variables": {"kind": {"type": "enum", "values": ["new", "upgrade"]}},
             "nodes": [{"id": "a", "type": "end", "result": "done"}]}
            """
        let definition = try DefinitionLoader(registry: BuiltInStages.registry()).load(source, file: "x.json")
        #expect(throws: EngineError.invalidVariables([#""kind" must be one of "new", "upgrade", found "old""#])) {
            try definition.bind(variables: ["kind": .string("old")])
        }
    }

    @Test func completionScriptsOfferEveryCommandAndOption() {
        let bash = run(["completion", "bash"])
        #expect(bash.status == 0)
        #expect(bash.output.contains(#"compgen -W "validate calendar simulate graph serve backup rebuild-indexes "#
                                     + #"completion help "#
                                     + #"--version --help""#))
        #expect(bash.output.contains(#"compgen -W "--db --workflows --listen --tokens --demo --help""#))
        #expect(bash.output.contains("complete -o default -F _govflow govflow\n"))
        let zsh = run(["completion", "zsh"])
        #expect(zsh.status == 0)
        #expect(zsh.output.hasPrefix("#compdef govflow\n"))
        #expect(zsh.output.contains("'--convention=[event-date (default) or next-working-day\\: where counting "
                                    + "starts for an event on a rest day]:CONVENTION:(event-date next-working-day)'"))
        let unknown = run(["completion", "fish"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("error: unknown shell \"fish\"; the shells are bash and zsh\n"))
    }

    /// Runs `shell` with `arguments` and returns its standard output and status.
    func shell(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bashCompletionCompletesCommandsOptionsAndValues() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).bash")
        try run(["completion", "bash"]).output.write(to: script, atomically: true, encoding: .utf8)
        let probe = """
            source '\(script.path)'
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _govflow; echo "${COMPREPLY[*]}"; }
            complete_words govflow se
            complete_words govflow serve --w
            complete_words govflow calendar m
            complete_words govflow calendar add 2024-01-01 --convention n
            complete_words govflow graph x.json --format d
            """
        let result = try shell("/bin/bash", ["-c", probe])
        #expect(result.status == 0)
        #expect(result.output == "serve\n--workflows\nmonth\nnext-working-day\ndot\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zshCompletionScriptParsesAndRegistersItself() throws {
        let folder = try StoreFixtures.temporaryFolder()
        try run(["completion", "zsh"]).output.write(to: folder.appendingPathComponent("_govflow"), atomically: true,
                                                    encoding: .utf8)
        let syntax = try shell("/usr/bin/zsh", ["-n", folder.appendingPathComponent("_govflow").path])
        #expect(syntax.status == 0)
        let probe = "fpath=('\(folder.path)' $fpath); autoload -Uz compinit && compinit -u -D; "
            + "print -r -- ${+functions[_govflow]} $_comps[govflow]"
        let registered = try shell("/usr/bin/zsh", ["-f", "-c", probe])
        #expect(registered.output == "1 _govflow\n")
    }
}

@Suite struct UnreadableFileMessageTests {
    @Test func missingTokensFileIsNamedPlainlyAndServeRefusesToStart() {
        let captured = CapturedIO()
        let missing = "/nonexistent/\(UUID().uuidString)/tokens.json"
        let status = GovFlowCommand.run(arguments: ["serve", "--tokens", missing, "--listen", "127.0.0.1:0"],
                                        registry: BuiltInStages.registry(), io: captured.io)
        #expect(status == 1)
        #expect(captured.errors.hasSuffix("govflow serve: cannot read the tokens file \(missing): no such file\n"))
    }

    @Test func missingWorkflowsFolderIsNamedPlainly() throws {
        let captured = CapturedIO()
        let database = try StoreFixtures.databasePath()
        var command = ServeCommand(registry: BuiltInStages.registry(), io: captured.io)
        command.listenForStop = { {} }
        let status = command.run(["--db", database, "--workflows", "/nonexistent/workflows", "--listen", "127.0.0.1:0"])
        #expect(status == 1)
        #expect(captured.errors.hasSuffix("""
            govflow serve: cannot read the workflows folder /nonexistent/workflows: no such file; give an existing \
            folder with --workflows (or set GOVFLOW_HOME to a folder that has workflows/, or unset it for the \
            built-in definitions)

            """))
    }
}
