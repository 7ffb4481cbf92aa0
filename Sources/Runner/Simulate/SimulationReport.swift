import FlowCore
import Foundation

/// What a simulation produced: the timeline, the timers and the end result, ready to print as text or JSON.
struct SimulationReport: Sendable {
    let workflowID: String
    let workflowVersion: Int
    let workflowTitle: String
    let projectID: String
    /// The project's variables as bound (defaults filled in), sorted by name.
    let variables: [(name: String, value: Value)]
    let start: Date
    let status: InstanceState.Status
    /// When the project ended or was withdrawn.
    let finishedAt: Date?
    /// Why the simulation stopped while the project still runs, if it did.
    let note: String?
    let rows: [TimelineRow]
    let timers: TimerLedger

    init(definition: WorkflowDefinition, state: InstanceState, history: [HistoryEntry], start: Date, note: String?) {
        workflowID = definition.id
        workflowVersion = definition.version
        workflowTitle = definition.title
        projectID = state.id
        variables = state.variables.keys.sorted().compactMap { name in state.variables[name].map { (name, $0) } }
        self.start = start
        status = state.status
        finishedAt = state.isRunning ? nil : history.last?.at
        self.note = state.isRunning ? note : nil
        rows = TimelineDescriber.rows(history, definition: definition)
        timers = TimerLedger(history: history, definition: definition)
    }

    /// "ended", "withdrawn" or "running".
    var statusName: String {
        switch status {
        case .running: return "running"
        case .ended: return "ended"
        case .withdrawn: return "withdrawn"
        }
    }

    /// The end node's result, if the project ended.
    var result: String? {
        if case .ended(let result) = status { return result }
        return nil
    }
}
