import FlowCore
import Foundation

/// The index rows of one project, derived from its new state (and, for a new project, its first entry): written in
/// the same transaction as the state, so that inboxes, deadline windows, overdue lists, access checks and metrics
/// read small indexed rows instead of decoding states.
///
/// Every value is a plain column (text, number, ISO date); the only JSON is a task's outcomes and example data,
/// written as compact JSON values and read back with `JSONParser`.
struct IndexRows: Sendable {
    /// starter_id, starter_department, started_at: from the first entry, `nil` unless the entries start the project.
    let start: [SQLiteValue]?
    /// The `open_tasks` columns after project_id, one row per open task of a running project.
    let openTasks: [[SQLiteValue]]
    /// The `timers` columns after project_id: timer_id, fire_at, provisional, purpose, target, node, due,
    /// due_provisional, suspended_by (the open incident that keeps the timer from firing). `provisional` starts as the due date's flag but is also the "check against the calendar"
    /// mark a migration may set; `due_provisional` is only the due date's flag, as the deadline window shows it.
    let timers: [[SQLiteValue]]
    /// The `overdue` columns after project_id.
    let overdue: [[SQLiteValue]]
    /// The `activations` columns after project_id: activation_id, definition_id, node.
    let activations: [[SQLiteValue]]
    /// Timers the new entries record as fired, and how many of them fired late.
    let fired: (count: Int, late: Int)
    /// The tables whose rows for this project differ from the previous state's: only these are rewritten.
    private(set) var changed: Tables = .all

    /// The index tables a project has rows in.
    struct Tables: OptionSet, Sendable {
        let rawValue: Int
        static let openTasks = Tables(rawValue: 1)
        static let timers = Tables(rawValue: 2)
        static let overdue = Tables(rawValue: 4)
        static let activations = Tables(rawValue: 8)
        static let all: Tables = [.openTasks, .timers, .overdue, .activations]
    }

    /// The rows of `state`; with `previous`, the state the project's stored rows were derived from, only the tables
    /// whose rows differ are marked changed.
    init(state: InstanceState, entries: [HistoryEntry], previous: InstanceState?) {
        self.init(state: state, entries: entries)
        guard let previous else { return }
        let before = IndexRows(state: previous, entries: [])
        changed = []
        if openTasks != before.openTasks { changed.insert(.openTasks) }
        if timers != before.timers { changed.insert(.timers) }
        if overdue != before.overdue { changed.insert(.overdue) }
        if activations != before.activations { changed.insert(.activations) }
    }

    init(state: InstanceState, entries: [HistoryEntry]) {
        if let first = entries.first, first.sequence == 1 {
            start = [.text(first.actor.id), first.actor.department.map(SQLiteValue.text) ?? .null,
                     StoreCodec.instant(state.startedAt)]
        } else {
            start = nil
        }
        openTasks = state.openTaskRecords.map(Self.openTaskRow)
        timers = state.pendingTimers.map { timer in
            [.integer(Int64(timer.id)), .integer(StoreCodec.milliseconds(timer.fireAt)),
             .integer(timer.due.provisional ? 1 : 0), .text(timer.purpose.name),
             timer.purpose.target.map(SQLiteValue.text) ?? .null, .text(timer.nodeID), .text(timer.due.date.iso),
             .integer(timer.due.provisional ? 1 : 0),
             state.incidentSuspending(timer: timer.id).map { .integer(Int64($0)) } ?? .null]
        }
        overdue = state.overdueRecords.map { line in
            let record = line.record
            return [.integer(Int64(line.position)), .integer(Int64(record.activation)), .text(record.node),
                    .text(record.deadline), .text(record.due.date.iso), .integer(record.due.provisional ? 1 : 0),
                    .integer(record.interrupting ? 1 : 0), StoreCodec.instant(record.recordedAt)]
        }
        activations = state.activations.values.sorted { $0.id < $1.id }.map {
            [.integer(Int64($0.id)), .text(state.definitionID), .text($0.node)]
        }
        let fired = HistoryEntry.firedTimers(in: entries)
        self.fired = (fired.fired, fired.late)
    }

    private static func openTaskRow(_ record: OpenTaskRecord) -> [SQLiteValue] {
        let task = record.task
        let assignee = Self.columns(task.assignee)
        let delegatedBy = task.delegatedBy.map(Self.columns)
        return [
            .integer(Int64(task.id)), .text(assignee.kind), .text(assignee.name),
            task.due.map { .text($0.date.iso) } ?? .null, .integer(task.due?.provisional == true ? 1 : 0),
            .text(record.definitionID), .integer(Int64(record.definitionVersion)),
            .integer(Int64(task.activationID)), .text(task.nodeID), .text(task.key), .text(task.title),
            .text(JSONValue.array(task.outcomes.map(JSONValue.string)).jsonText), StoreCodec.instant(task.openedAt),
            delegatedBy.map { .text($0.kind) } ?? .null, delegatedBy.map { .text($0.name) } ?? .null,
            task.consultationOf.map { .integer(Int64($0)) } ?? .null, .integer(task.blocking ? 1 : 0),
            .text(task.exampleData.jsonText),
        ]
    }

    /// An assignee as (assignee_kind, assignee_name): "actor", "department" or "role", and the id or name.
    static func columns(_ assignee: Assignee) -> (kind: String, name: String) {
        switch assignee {
        case .actor(let id): return ("actor", id)
        case .department(let name): return ("department", name)
        case .role(let name): return ("role", name)
        }
    }

    /// The assignee of (kind, name), or `nil` for an unknown kind.
    static func assignee(kind: String, name: String) -> Assignee? {
        switch kind {
        case "actor": return .actor(name)
        case "department": return .department(name)
        case "role": return .role(name)
        default: return nil
        }
    }
}
