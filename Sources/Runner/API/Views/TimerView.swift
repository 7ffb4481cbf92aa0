import FlowCore

/// Pending timers and overdue records as the API shows them.
enum TimerView {
    /// A pending timer; `suspendedBy` is the open incident that keeps it from firing (`null` when none).
    static func make(_ timer: PendingTimer, suspendedBy incident: Int?) -> JSONValue {
        .object([
            "timer": .number(timer.id),
            "purpose": .string(purposeName(timer.purpose)),
            "name": .string(purposeTarget(timer.purpose)),
            "node": .string(timer.nodeID),
            "due": .string(timer.due.date.iso),
            "provisional": .bool(timer.due.provisional),
            "fireAt": ChinaTime.json(timer.fireAt),
            "suspendedBy": incident.map { .number($0) } ?? .null,
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

    static func purposeName(_ purpose: PendingTimer.Purpose) -> String {
        switch purpose {
        case .deadline: return "deadline"
        case .reminder: return "reminder"
        case .stage: return "stage"
        case .wait: return "wait"
        }
    }

    /// The deadline id or stage key the timer is for, `nil` for a wait.
    static func purposeTarget(_ purpose: PendingTimer.Purpose) -> String? {
        switch purpose {
        case .deadline(let id), .reminder(let id), .stage(let id): return id
        case .wait: return nil
        }
    }
}
