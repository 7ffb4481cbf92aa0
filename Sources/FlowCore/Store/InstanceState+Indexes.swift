import Foundation

/// What a store's indexes hold for one project, derived from its state: the rows a store writes with every commit
/// and reads back to answer inboxes, deadline windows, overdue lists and metrics without decoding states.
extension InstanceState {
    /// The open tasks as inbox lines; none once the project no longer runs (inboxes list running projects only).
    public var openTaskRecords: [OpenTaskRecord] {
        guard isRunning else { return [] }
        return openTasks.map {
            OpenTaskRecord(projectID: id, definitionID: definitionID, definitionVersion: definitionVersion, task: $0)
        }
    }

    /// The pending timers as deadline-window lines, in window order.
    public var deadlineRecords: [DeadlineRecord] {
        pendingTimers.map {
            DeadlineRecord(projectID: id, timerID: $0.id, purpose: $0.purpose, nodeID: $0.nodeID, due: $0.due,
                           suspendedBy: incidentSuspending(timer: $0.id))
        }
    }

    /// The overdue records with their positions.
    public var overdueRecords: [ProjectOverdueRecord] {
        overdue.enumerated().map { ProjectOverdueRecord(projectID: id, position: $0.offset, record: $0.element) }
    }

    /// The status as metrics and the API name it: "running", "ended" or "withdrawn".
    public var statusName: String {
        switch status {
        case .running: return "running"
        case .ended: return "ended"
        case .withdrawn: return "withdrawn"
        }
    }
}

extension PendingTimer.Purpose {
    /// "deadline", "reminder", "stage" or "wait".
    public var name: String {
        switch self {
        case .deadline: return "deadline"
        case .reminder: return "reminder"
        case .stage: return "stage"
        case .wait: return "wait"
        }
    }

    /// The deadline id or stage key the timer is for, `nil` for a wait.
    public var target: String? {
        switch self {
        case .deadline(let id), .reminder(let id), .stage(let id): return id
        case .wait: return nil
        }
    }

    /// The purpose named `name` with `target`, or `nil` when they do not make one.
    public init?(name: String, target: String?) {
        switch (name, target) {
        case ("deadline", let id?): self = .deadline(id)
        case ("reminder", let id?): self = .reminder(id)
        case ("stage", let key?): self = .stage(key)
        case ("wait", nil): self = .wait
        default: return nil
        }
    }
}

extension HistoryEntry {
    /// How many of `entries` record a fired timer, and how many of those fired late.
    public static func firedTimers(in entries: some Sequence<HistoryEntry>) -> (fired: Int, late: Int) {
        var fired = 0
        var late = 0
        for entry in entries {
            guard case .timerFired(_, let lateBy) = entry.event else { continue }
            fired += 1
            if lateBy > 0 { late += 1 }
        }
        return (fired, late)
    }
}
