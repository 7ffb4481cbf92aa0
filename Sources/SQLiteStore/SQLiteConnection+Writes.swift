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
    func insert(_ step: EncodedStep) throws(StoreError) -> Date? {
        if try integer("SELECT 1 FROM projects WHERE id = ?", [.text(step.projectID)]) != nil {
            throw .duplicateProject(step.projectID)
        }
        try run("""
            INSERT INTO projects (id, definition_id, definition_version, status, last_sequence, state, updated_at,
                starter_id, starter_department, started_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(step.projectID)] + step.projectColumns + (step.index.start ?? [.null, .null, .null]))
        try append(step)
        try writeIndexes(step.index, of: step.projectID, replacing: false)
        return step.timers.map(\.fireAt).min()
    }

    /// Appends a step if the project's last sequence is `expectedSequence`; returns the earliest timer it leaves.
    func commit(_ step: EncodedStep, expectedSequence: Int) throws(StoreError) -> Date? {
        let id = step.projectID
        guard let found = try integer("SELECT last_sequence FROM projects WHERE id = ?", [.text(id)]) else {
            throw .unknownProject(id)
        }
        guard found == expectedSequence else { throw .conflict(project: id, expected: expectedSequence, found: found) }
        try append(step)
        try run("""
            UPDATE projects SET definition_id = ?, definition_version = ?, status = ?, last_sequence = ?, state = ?,
                updated_at = ?
            WHERE id = ?
            """, step.projectColumns + [.text(id)])
        try writeIndexes(step.index, of: id, replacing: true)
        return step.timers.map(\.fireAt).min()
    }

    private func append(_ step: EncodedStep) throws(StoreError) {
        for entry in step.entries {
            try run("INSERT INTO history (project_id, sequence, at, actor, event, format) VALUES (?, ?, ?, ?, ?, ?)",
                    [.text(step.projectID)] + entry)
        }
        guard let incidents = step.incidents else { return }
        try run("DELETE FROM incidents WHERE project_id = ?", [.text(step.projectID)])
        for row in incidents {
            try run("""
                INSERT INTO incidents (project_id, incident, status, timer_id, command, error, failures, raised_at,
                    resolution, moved_to, resolved_by, resolved_at, comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(step.projectID)] + row)
        }
    }
}
