import FlowCore
import Foundation

/// A step turned into column values, before it joins the commit queue: writing the records is the costly part of a
/// commit, so each caller does it on its own thread and the single writer only runs SQL.
struct EncodedStep: Sendable {
    let projectID: String
    /// definition_id, definition_version, status, last_sequence, state, updated_at.
    let projectColumns: [SQLiteValue]
    /// sequence, at, actor, event, format for each history entry.
    let entries: [[SQLiteValue]]
    /// The pending timers the state leaves, but those an open incident suspends.
    let timers: [(timerID: Int, fireAt: Date, provisional: Bool)]
    /// The project's incidents as `incidents` rows after the step, when the step records an incident event
    /// (`nil`: the rows stay as they are).
    let incidents: [[SQLiteValue]]?
    /// The rows the store's indexes keep for the new state.
    let index: IndexRows

    /// `previous` is the state the project's stored rows were derived from, when known: only the index tables
    /// whose rows change are then rewritten.
    init(projectID: String, state: InstanceState, entries: [HistoryEntry], previous: InstanceState? = nil)
        throws(StoreError)
    {
        self.projectID = projectID
        projectColumns = [
            .text(state.definitionID), .integer(Int64(state.definitionVersion)),
            .text(StoreCodec.status(state.status)), .integer(Int64(state.lastSequence)),
            .text(state.recordText),
            StoreCodec.instant(state.updatedAt),
        ]
        var rows: [[SQLiteValue]] = []
        rows.reserveCapacity(entries.count)
        for entry in entries {
            rows.append([.integer(Int64(entry.sequence)), StoreCodec.instant(entry.at),
                         .text(entry.actor.recordText), .text(entry.event.recordText),
                         .integer(Int64(RecordFormat.historyVersion))])
        }
        self.entries = rows
        timers = state.activeTimers.map { ($0.id, $0.fireAt, $0.due.provisional) }
        let changesIncidents = entries.contains { entry in
            switch entry.event {
            case .incidentRaised, .incidentRetryFailed, .incidentResolved: return true
            default: return false
            }
        }
        incidents = changesIncidents ? state.incidents.values.sorted { $0.id < $1.id }.map(StoreCodec.incidentRow) : nil
        index = IndexRows(state: state, entries: entries, previous: previous)
    }
}
