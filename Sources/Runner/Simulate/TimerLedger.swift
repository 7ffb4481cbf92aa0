import FlowCore
import Foundation

/// Every timer a simulated project scheduled, with its due date and what became of it.
struct TimerLedger: Sendable {
    /// One scheduled timer.
    struct Record: Sendable {
        /// "deadline", "reminder", "stage" (a stage kind's own timer) or "wait".
        let kind: String
        let node: String
        /// The deadline id (for deadlines and reminders) or the stage's timer key; `nil` for a wait.
        let key: String?
        /// Whether an expired deadline leaves the stage; `nil` for other timers.
        let interrupting: Bool?
        /// When it was scheduled (the stage entry, for a deadline).
        let scheduledAt: Date
        var due: DueDate
        /// Deadlines: "met", "expired", "cancelled", "pending"; other timers: "fired", "cancelled", "pending".
        var outcome: String
    }

    /// The records in the order the timers were scheduled.
    private(set) var records: [Record] = []

    /// The stage deadlines.
    var deadlines: [Record] { records.filter { $0.kind == "deadline" } }

    /// Reminders, stage timers and waits.
    var otherTimers: [Record] { records.filter { $0.kind != "deadline" } }

    /// Builds the ledger from a project's history.
    init(history: [HistoryEntry], definition: WorkflowDefinition) {
        var index: [Int: Int] = [:]
        var activations: [Int: [Int]] = [:]
        var completed: Set<Int> = []
        for entry in history {
            switch entry.event {
            case .timerScheduled(let timer):
                index[timer.id] = records.count
                if let activation = timer.activationID { activations[activation, default: []].append(records.count) }
                records.append(Self.record(timer, at: entry.at, definition: definition))
            case .timerRescheduled(let timer, _, let due):
                if let position = index[timer] { records[position].due = due }
            case .timerFired(let timer, _):
                if let position = index[timer] {
                    records[position].outcome = records[position].kind == "deadline" ? "expired" : "fired"
                }
            case .timerCancelled(let timer):
                if let position = index[timer] { records[position].outcome = "cancelled" }
            case .stageCompleted(let activation, _):
                completed.insert(activation)
            default:
                break
            }
        }
        for activation in completed {
            for position in activations[activation] ?? []
            where records[position].kind == "deadline" && records[position].outcome == "cancelled" {
                records[position].outcome = "met"
            }
        }
    }

    private static func record(_ timer: PendingTimer, at: Date, definition: WorkflowDefinition) -> Record {
        let kind: String
        let key: String?
        var interrupting: Bool?
        switch timer.purpose {
        case .deadline(let id):
            kind = "deadline"
            key = id
            if case .stage(let stage)? = definition.node(timer.nodeID)?.kind {
                interrupting = stage.deadline(id)?.interrupting
            }
        case .reminder(let id):
            kind = "reminder"
            key = id
        case .stage(let stageKey):
            kind = "stage"
            key = stageKey
        case .wait:
            kind = "wait"
            key = nil
        }
        return Record(kind: kind, node: timer.nodeID, key: key, interrupting: interrupting, scheduledAt: at,
                      due: timer.due, outcome: "pending")
    }
}
