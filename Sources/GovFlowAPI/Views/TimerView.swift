import FlowCore
import GovFlowHTTP

/// Pending timers and overdue records as the API shows them.
enum TimerView {
    /// A pending timer; `suspendedBy` is the open incident that keeps it from firing (`null` when none).
    static func make(_ timer: PendingTimer, suspendedBy incident: Int?) -> JSONValue {
        make(id: timer.id, purpose: timer.purpose, node: timer.nodeID, due: timer.due, suspendedBy: incident)
    }

    /// A deadline-window line (without its project).
    static func make(_ record: DeadlineRecord) -> JSONValue {
        make(id: record.timerID, purpose: record.purpose, node: record.nodeID, due: record.due,
             suspendedBy: record.suspendedBy)
    }

    private static func make(id: Int, purpose: PendingTimer.Purpose, node: String, due: DueDate, suspendedBy: Int?)
        -> JSONValue
    {
        .object([
            "timer": .number(id),
            "purpose": .string(purpose.name),
            "name": .string(purpose.target),
            "node": .string(node),
            "due": .string(due.date.iso),
            "provisional": .bool(due.provisional),
            "fireAt": ChinaTime.json(due.date.endInChina),
            "suspendedBy": suspendedBy.map { .number($0) } ?? .null,
        ])
    }

    /// A project's pending timers in firing order, each with the incident suspending it.
    static func pending(of state: InstanceState) -> JSONValue {
        .array(state.pendingTimers.map { make($0, suspendedBy: state.incidentSuspending(timer: $0.id)) })
    }

    static func overdue(_ record: OverdueRecord) -> JSONValue {
        .object([
            "activation": .number(record.activation),
            "node": .string(record.node),
            "deadline": .string(record.deadline),
            "due": .string(record.due.date.iso),
            "provisional": .bool(record.due.provisional),
            "interrupting": .bool(record.interrupting),
            "recordedAt": ChinaTime.json(record.recordedAt),
        ])
    }
}
