import FlowCore
import Foundation

/// `govflow simulate WORKFLOW --project PROJECT.json [--decisions SCRIPT.json] [--start DATE] [--calendars DIR]
/// [--max-steps N] [--json]`: runs one project through a workflow on a manual clock and prints its timeline.
///
/// Exit status: 0 the simulation ran (the report says whether the project ended), 1 a bad definition, project file,
/// script or script step, or a simulation that does not end, 2 a usage error. See docs/simulate.md.
struct SimulateCommand {
    let registry: StageRegistry
    let io: CommandIO

    static var usage: String { CommandTable.simulate.usage }

    /// The parsed arguments.
    private struct Options {
        var workflow: String?
        var project: String?
        var decisions: String?
        var start: CivilDate?
        var calendars: String?
        var maxSteps = Simulator.defaultStepLimit
        var json = false
    }

    func run(_ arguments: [String]) -> Int32 {
        let options: Options
        switch io.parse(arguments, CommandTable.simulate) {
        case .success(let parsed):
            switch Self.options(parsed) {
            case .success(let checked): options = checked
            case .failure(let message): return usageError(message)
            }
        case .failure(let status): return status.code
        }
        guard let workflowPath = options.workflow, let projectPath = options.project else {
            return usageError(options.workflow == nil ? "missing the workflow file" : "missing --project PROJECT.json")
        }
        let library: CalendarLibrary
        do {
            library = try ResourceLocator.calendars(option: options.calendars)
        } catch {
            return fail("\(error)")
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(library.ids))
        let files: [String: String]
        do throws(InputFile.Problem) {
            files = try Self.readAll([workflowPath, projectPath] + (options.decisions.map { [$0] } ?? []))
        } catch {
            io.error("error: \(error)")
            return 2
        }
        let definition: WorkflowDefinition
        let source = files[workflowPath] ?? ""
        do {
            definition = try loader.load(source, file: workflowPath)
        } catch {
            for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            return 1
        }
        let project: SimulationProject
        var script: DecisionScript?
        do {
            project = try SimulationProject.read(files[projectPath] ?? "", file: projectPath)
            if let path = options.decisions {
                script = try DecisionScriptReader(file: path).read(files[path] ?? "")
            }
        } catch {
            return fail(error.description)
        }
        guard let start = options.start ?? script?.start else {
            return usageError("--start YYYY-MM-DD is required when no decisions script gives \"start\"")
        }
        let calendars = library.calendars.mapValues { $0 as any WorkingCalendar }
        let report: SimulationReport
        do {
            let simulator = try Simulator(definition: definition, source: source, file: workflowPath,
                                          registry: registry, calendars: calendars, project: project, start: start,
                                          stepLimit: options.maxSteps)
            try simulator.start(projectFile: projectPath)
            let startedAt = simulator.clock.now()
            var note: String?
            if let script {
                do {
                    try simulator.run(script.steps)
                } catch {
                    return fail("\(options.decisions ?? "script"): \(error)")
                }
                note = script.afterLastStep == .stop ? "the script stops after its last step" : nil
            }
            if script?.afterLastStep ?? .approveAll == .approveAll {
                note = try simulator.approveAll()
            }
            report = SimulationReport(definition: definition, state: try simulator.state,
                                      history: try simulator.history, start: startedAt, note: note)
        } catch {
            return fail(error.description)
        }
        io.output(options.json ? report.jsonText : report.text)
        return 0
    }

    private func fail(_ message: String) -> Int32 {
        io.error("error: \(message)")
        return 1
    }

    private func usageError(_ message: String) -> Int32 {
        io.error("error: \(message)\n\(Self.usage)")
        return 2
    }

    /// The text of each file, or the first that cannot be read.
    private static func readAll(_ paths: [String]) throws(InputFile.Problem) -> [String: String] {
        var texts: [String: String] = [:]
        for path in paths where texts[path] == nil {
            texts[path] = try InputFile.read(path)
        }
        return texts
    }

    private enum Checked {
        case success(Options)
        case failure(String)
    }

    /// The options with their values checked.
    private static func options(_ parsed: ParsedArguments) -> Checked {
        var options = Options()
        if let value = parsed.value("--max-steps") {
            guard let count = Int(value), count >= 1 else {
                return .failure("--max-steps needs a whole number of at least 1, found \"\(value)\"")
            }
            options.maxSteps = count
        }
        if let value = parsed.value("--start") {
            guard let date = CivilDate(iso: value) else {
                return .failure("--start needs a date as YYYY-MM-DD: \(CivilDate.problem(with: value))")
            }
            options.start = date
        }
        options.project = parsed.value("--project")
        options.decisions = parsed.value("--decisions")
        options.calendars = parsed.value("--calendars")
        options.json = parsed.has("--json")
        guard parsed.positional.count <= 1 else {
            return .failure("unexpected argument \"\(parsed.positional[1])\"; give one workflow file")
        }
        options.workflow = parsed.positional.first
        return .success(options)
    }
}
