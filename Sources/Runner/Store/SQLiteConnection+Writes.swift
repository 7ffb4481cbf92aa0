import FlowCore
import Foundation

/// The store's writes, run inside a transaction the caller opened (see `GroupCommitter`).
extension SQLiteConnection {
    func deploy(_ record: DefinitionRecord) throws(StoreError) {
        let exists = try integer("SELECT 1 FROM definitions WHERE id = ? AND version = ?",
                                 [.text(record.id), .integer(Int64(record.version))])
        if exists != nil { throw .duplicateDefinition(id: record.id, version: record.version) }
        try run("INSERT INTO definitions (id, version, source, deployed_at) VALUES (?, ?, ?, ?)",
                [.text(record.id), .integer(Int64(record.version)), .text(record.source),
                 StoreCodec.instant(record.deployedAt)])
    }

    /// Stores a new project; returns the earliest timer it schedules.
    func insert(project state: InstanceState, entries: [HistoryEntry]) throws(StoreError) -> Date? {
        if try integer("SELECT 1 FROM projects WHERE id = ?", [.text(state.id)]) != nil {
            throw .duplicateProject(state.id)
        }
        try run("""
            INSERT INTO projects (id, definition_id, definition_version, status, last_sequence, state, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, try projectRow(state))
        try append(entries, to: state.id)
        return try replaceTimers(of: state)
    }

    /// Appends a step if the project's last sequence is `expectedSequence`; returns the earliest timer it leaves.
    func commit(project id: String, expectedSequence: Int, state: InstanceState, entries: [HistoryEntry])
        throws(StoreError) -> Date?
    {
        guard let found = try integer("SELECT last_sequence FROM projects WHERE id = ?", [.text(id)]) else {
            throw .unknownProject(id)
        }
        guard found == expectedSequence else { throw .conflict(project: id, expected: expectedSequence, found: found) }
        try append(entries, to: id)
        var values = try projectRow(state)
        values.removeFirst()
        try run("""
            UPDATE projects SET definition_id = ?, definition_version = ?, status = ?, last_sequence = ?, state = ?,
                updated_at = ?
            WHERE id = ?
            """, values + [.text(id)])
        return try replaceTimers(of: state)
    }

    private func projectRow(_ state: InstanceState) throws(StoreError) -> [SQLiteValue] {
        [.text(state.id), .text(state.definitionID), .integer(Int64(state.definitionVersion)),
         .text(StoreCodec.status(state.status)), .integer(Int64(state.lastSequence)),
         .text(try StoreCodec.encode(state, what: "the state of project \"\(state.id)\"")),
         StoreCodec.instant(state.updatedAt)]
    }

    private func append(_ entries: [HistoryEntry], to project: String) throws(StoreError) {
        for entry in entries {
            try run("INSERT INTO history (project_id, sequence, at, actor, event) VALUES (?, ?, ?, ?, ?)",
                    [.text(project), .integer(Int64(entry.sequence)), StoreCodec.instant(entry.at),
                     .text(try StoreCodec.encode(entry.actor, what: "an actor")),
                     .text(try StoreCodec.encode(entry.event, what: "an event"))])
        }
    }

    private func replaceTimers(of state: InstanceState) throws(StoreError) -> Date? {
        try run("DELETE FROM timers WHERE project_id = ?", [.text(state.id)])
        for timer in state.timers.values {
            try run("INSERT INTO timers (project_id, timer_id, fire_at) VALUES (?, ?, ?)",
                    [.text(state.id), .integer(Int64(timer.id)), .integer(StoreCodec.milliseconds(timer.fireAt))])
        }
        return state.timers.values.map(\.fireAt).min()
    }
}
