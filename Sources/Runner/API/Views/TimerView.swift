import FlowCore

/// Pending timers and overdue records as the API shows them.
enum TimerView {
    static func make(_ timer: PendingTimer) -> JSONValue {
        make(id: timer.id, purpose: timer.purpose, node: timer.nodeID, due: timer.due)
    }

    /// A deadline-window line (without its project).
    static func make(_ record: DeadlineRecord) -> JSONValue {
        make(id: record.timerID, purpose: record.purpose, node: record.nodeID, due: record.due)
    }

    private static func make(id: Int, purpose: PendingTimer.Purpose, node: String, due: DueDate) -> JSONValue {
        .object([
            "timer": .number(id),
            "purpose": .string(purpose.name),
            "name": .string(purpose.target),
            "node": .string(node),
            "due": .string(due.date.iso),
            "provisional": .bool(due.provisional),
            "fireAt": ChinaTime.json(due.date.endInChina),
        ])
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
