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

    static let usage = """
        usage: govflow simulate WORKFLOW --project PROJECT.json [--decisions SCRIPT.json] [--start YYYY-MM-DD]
                                [--calendars DIR] [--max-steps N] [--json]
        --start is required unless the decisions script gives "start"; see docs/simulate.md.
        """

    /// The parsed arguments.
    private struct Options {
        var workflow: String?
        var project: String?
        var decisions: String?
        var start: CivilDate?
        var calendars: URL?
        var maxSteps = Simulator.defaultStepLimit
        var json = false
    }

    func run(_ arguments: [String]) -> Int32 {
        let options: Options
        switch parse(arguments) {
        case .success(let parsed): options = parsed
        case .failure(let message): return usageError(message)
        }
        guard let workflowPath = options.workflow, let projectPath = options.project else {
            return usageError(options.workflow == nil ? "missing the workflow file" : "missing --project PROJECT.json")
        }
        let library: CalendarLibrary
        do {
            library = try CalendarLibrary.load(directory: options.calendars ?? ResourceLocator.calendarsDirectory())
        } catch {
            return fail("\(error)")
        }
        let loader = DefinitionLoader(registry: registry, knownCalendars: Set(library.ids))
        let definition: WorkflowDefinition
        let source: String
        do {
            source = try readInputFile(workflowPath)
            definition = try loader.load(source, file: workflowPath)
        } catch let error as DefinitionError {
            for diagnostic in error.diagnostics { io.error(diagnostic.description) }
            return 1
        } catch {
            return fail("\(error)")
        }
        let project: SimulationProject
        var script: DecisionScript?
        do {
            project = try SimulationProject.read(try readInputFile(projectPath), file: projectPath)
            if let path = options.decisions {
                script = try DecisionScriptReader(file: path).read(try readInputFile(path))
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

    private enum Parsed {
        case success(Options)
        case failure(String)
    }

    private func parse(_ arguments: [String]) -> Parsed {
        var options = Options()
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch word {
            case "--max-steps":
                guard let value = rest.popFirst(), let count = Int(value), count >= 1 else {
                    return .failure("--max-steps needs a whole number of at least 1")
                }
                options.maxSteps = count
            case "--project", "--decisions", "--start", "--calendars":
                guard let value = rest.popFirst() else { return .failure("\(word) needs a value") }
                switch word {
                case "--project": options.project = value
                case "--decisions": options.decisions = value
                case "--calendars": options.calendars = URL(fileURLWithPath: value)
                default:
                    guard let date = CivilDate(iso: value) else {
                        return .failure("--start needs a date as YYYY-MM-DD, found \"\(value)\"")
                    }
                    options.start = date
                }
            case "--json":
                options.json = true
            default:
                if word.hasPrefix("--") { return .failure("unknown option \(word)") }
                guard options.workflow == nil else { return .failure("unexpected argument \"\(word)\"") }
                options.workflow = word
            }
        }
        return .success(options)
    }
}
