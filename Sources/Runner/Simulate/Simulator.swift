import FlowCore
import Foundation

/// Runs one project through a workflow on a manual clock, with an in-memory store, through `WorkflowService`,
/// exactly as a deployment would run it, but with months passing in milliseconds.
final class Simulator {
    /// Most commands and timer firings one simulation may take, unless told otherwise.
    static let defaultStepLimit = 10_000

    /// Most commands and timer firings this simulation may take.
    let stepLimit: Int

    let definition: WorkflowDefinition
    let project: SimulationProject
    let clock: ManualClock
    let service: WorkflowService
    private var stepsTaken = 0

    /// Deploys `source` (already validated as `definition`) on a fresh store, the clock at 09:00 on `start`.
    init(definition: WorkflowDefinition, source: String, file: String, registry: StageRegistry,
         calendars: [String: any WorkingCalendar], project: SimulationProject, start: CivilDate,
         stepLimit: Int = Simulator.defaultStepLimit) throws(SimulationError)
    {
        self.stepLimit = stepLimit
        self.definition = definition
        self.project = project
        clock = ManualClock(at: start, hour: ChinaTime.defaultHour)
        do {
            service = try WorkflowService(registry: registry, calendars: calendars, store: InMemoryProjectStore(),
                                          clock: clock)
            try service.deploy(source: source, file: file)
        } catch {
            throw .service(error.message)
        }
    }

    /// The project's current state.
    var state: InstanceState {
        get throws(SimulationError) {
            do {
                return try service.currentState(of: project.id)
            } catch {
                throw .service(error.message)
            }
        }
    }

    /// The project's history so far.
    var history: [HistoryEntry] {
        get throws(SimulationError) {
            do {
                return try service.history(of: project.id)
            } catch {
                throw .service(error.message)
            }
        }
    }

    /// Starts the project; refuses invalid variables before anything runs.
    func start(projectFile: String) throws(SimulationError) {
        do {
            _ = try service.start(projectID: project.id, workflow: definition.id, version: definition.version,
                                  variables: project.variables, actor: project.applicant)
        } catch {
            throw .projectRefused(file: projectFile, message: error.message)
        }
    }

    /// Counts one command or timer firing against `stepLimit`.
    func countStep() throws(SimulationError) {
        stepsTaken += 1
        guard stepsTaken <= stepLimit else {
            let situation = (try? state).map(Simulator.summary) ?? "unknown state"
            throw .runaway(limit: stepLimit, state: situation)
        }
    }

    /// Where a running project is, for messages: its open tasks, or its tokens' nodes.
    static func summary(_ state: InstanceState) -> String {
        let tasks = state.openTasks.map { "task \($0.id) at \"\($0.nodeID)\"" }
        if !tasks.isEmpty { return "open: " + tasks.joined(separator: ", ") }
        let nodes = state.tokens.values.map(\.node).sorted()
        return nodes.isEmpty ? "no token" : "at " + nodes.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// Performs a command at the clock's current time.
    func perform(_ command: Command) throws(ServiceError) {
        try service.perform(command, on: project.id)
    }

    // MARK: Time

    /// Fires the next pending timer, moving the clock to it if it lies ahead; `false` when none is pending.
    func fireNextTimer() throws(SimulationError) -> Bool {
        let next: ScheduledTimer?
        do {
            next = try service.store.nextTimer()
        } catch {
            throw .service(error.description)
        }
        guard let next else { return false }
        try countStep()
        if next.fireAt > clock.now() { clock.set(next.fireAt) }
        let batch: TimerBatch
        do {
            batch = try service.fireDueTimerBatch(limit: 1)
        } catch {
            throw .service(error.message)
        }
        // The runner would raise an incident and go on; a simulation stops there, as for a failing step.
        if let raised = batch.incidents.first,
           let incident = try? service.currentState(of: raised.projectID).incidents[raised.incident] {
            throw .service("\(incident.command) failed: \(incident.error)")
        }
        return true
    }

    /// Moves the clock to `target`, firing every timer due on the way in order. `target` must not be in the past.
    func advance(to target: Date) throws(SimulationError) {
        while let next = try? service.store.nextTimer(), next.fireAt <= target {
            _ = try fireNextTimer()
        }
        if target > clock.now() { clock.set(target) }
    }

    /// An actor the task's assignee includes: the named actor, or someone of the department or role.
    static func actor(matching assignee: Assignee) -> Actor {
        switch assignee {
        case .actor(let id): return Actor(id: id)
        case .department(let department): return Actor(id: department, department: department)
        case .role(let role): return Actor(id: role, roles: [role])
        }
    }
}
