import FlowCore
import Foundation

/// The store's reads. Each is one statement, so it sees one consistent snapshot.
extension SQLiteConnection {
    func definitionRecords() throws(StoreError) -> [DefinitionRecord] {
        try query("SELECT id, version, source, deployed_at FROM definitions ORDER BY id, version") { row in
            DefinitionRecord(id: row.text(0), version: row.int(1), source: row.text(2),
                             deployedAt: StoreCodec.date(row.double(3)))
        }
    }

    func state(of id: String) throws(StoreError) -> InstanceState? {
        guard let text = try text("SELECT state FROM projects WHERE id = ?", [.text(id)]) else { return nil }
        return try StoreCodec.record("the state of project \"\(id)\"") { () throws(RecordError) in
            try InstanceState(recordText: text)
        }
    }

    func history(of id: String) throws(StoreError) -> [HistoryEntry] {
        try query("SELECT sequence, at, actor, event, format FROM history WHERE project_id = ? ORDER BY sequence",
                  [.text(id)]) { (row) throws(StoreError) -> HistoryEntry in
            let sequence = row.int(0)
            let what = "history entry \(sequence) of project \"\(id)\""
            try StoreCodec.checkHistoryFormat(row.int(4), what: what)
            let actorText = row.text(2), eventText = row.text(3)
            return try StoreCodec.record(what) { () throws(RecordError) in
                HistoryEntry(sequence: sequence, at: StoreCodec.date(row.double(1)),
                             actor: try Actor(recordText: actorText), event: try Event(recordText: eventText))
            }
        }
    }

    func projectIDs() throws(StoreError) -> [String] {
        try query("SELECT id FROM projects ORDER BY id") { $0.text(0) }
    }

    func runningProjectIDs() throws(StoreError) -> [String] {
        try query("SELECT id FROM projects WHERE status = ? ORDER BY id", [.text(StoreCodec.status(.running))]) {
            $0.text(0)
        }
    }

    func dueTimers(through instant: Date, limit: Int) throws(StoreError) -> [ScheduledTimer] {
        try query("""
            SELECT project_id, timer_id, fire_at FROM timers WHERE fire_at <= ? AND suspended_by IS NULL
            ORDER BY fire_at, project_id, timer_id LIMIT ?
            """, [.integer(StoreCodec.milliseconds(instant)), .integer(Int64(max(0, limit)))], row: timer)
    }

    func nextTimer() throws(StoreError) -> ScheduledTimer? {
        try query("""
            SELECT project_id, timer_id, fire_at FROM timers WHERE suspended_by IS NULL
            ORDER BY fire_at, project_id, timer_id LIMIT 1
            """, row: timer).first
    }

    func projectsWithProvisionalTimers() throws(StoreError) -> [String] {
        try query("""
            SELECT DISTINCT project_id FROM timers WHERE provisional = 1 AND suspended_by IS NULL ORDER BY project_id
            """) { $0.text(0) }
    }

    func incidents(status: Incident.Status?) throws(StoreError) -> [ProjectIncident] {
        let columns = """
            SELECT project_id, incident, status, timer_id, command, error, failures, raised_at, resolution, moved_to,
                resolved_by, resolved_at, comment FROM incidents
            """
        let order = " ORDER BY raised_at, project_id, incident"
        guard let status else { return try query(columns + order, row: StoreCodec.incident) }
        return try query(columns + " WHERE status = ?" + order, [.text(status.rawValue)], row: StoreCodec.incident)
    }

    private func timer(_ row: SQLiteStatement) -> ScheduledTimer {
        ScheduledTimer(projectID: row.text(0), timerID: row.int(1), fireAt: StoreCodec.date(milliseconds: row.int64(2)))
    }
}
