import FlowCore
import Foundation

/// Writing the index tables (see `IndexRows`), with each commit and all at once from the stored states.
extension SQLiteConnection {
    /// Writes a project's index rows; with `replacing`, the rows of its changed tables (`IndexRows.changed`)
    /// replace the previous ones and the others are left alone. Timers in `provisional` (by timer id) stay marked
    /// provisional whatever their due date says.
    func writeIndexes(_ rows: IndexRows, of projectID: String, replacing: Bool, provisional: Set<Int> = [])
        throws(StoreError)
    {
        let project = SQLiteValue.text(projectID)
        let changed = replacing ? rows.changed : .all
        if replacing {
            if changed.contains(.openTasks) { try run("DELETE FROM open_tasks WHERE project_id = ?", [project]) }
            if changed.contains(.timers) { try run("DELETE FROM timers WHERE project_id = ?", [project]) }
            if changed.contains(.overdue) { try run("DELETE FROM overdue WHERE project_id = ?", [project]) }
            if changed.contains(.activations) { try run("DELETE FROM activations WHERE project_id = ?", [project]) }
        }
        try insertRows(rows, of: project, changed, provisional: provisional)
        if rows.fired.count > 0 {
            try run("UPDATE counters SET value = value + ? WHERE name = 'timers_fired'",
                    [.integer(Int64(rows.fired.count))])
        }
        if rows.fired.late > 0 {
            try run("UPDATE counters SET value = value + ? WHERE name = 'timers_fired_late'",
                    [.integer(Int64(rows.fired.late))])
        }
    }

    private func insertRows(_ rows: IndexRows, of project: SQLiteValue, _ changed: IndexRows.Tables,
                            provisional: Set<Int>) throws(StoreError) {
        for row in rows.openTasks where changed.contains(.openTasks) {
            try run("""
                INSERT INTO open_tasks (project_id, task_id, assignee_kind, assignee_name, due, due_provisional,
                    definition_id, definition_version, activation_id, node, key, title, outcomes, opened_at,
                    delegated_by_kind, delegated_by_name, consultation_of, blocking, example_data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [project] + row)
        }
        for var row in rows.timers where changed.contains(.timers) {
            if case .integer(let id) = row[0], provisional.contains(Int(id)) { row[2] = .integer(1) }
            try run("""
                INSERT INTO timers (project_id, timer_id, fire_at, provisional, purpose, target, node, due,
                    due_provisional, suspended_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [project] + row)
        }
        for row in rows.overdue where changed.contains(.overdue) {
            try run("""
                INSERT INTO overdue (project_id, position, activation_id, node, deadline, due, provisional,
                    interrupting, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [project] + row)
        }
        for row in rows.activations where changed.contains(.activations) {
            try run("INSERT INTO activations (project_id, activation_id, definition_id, node) VALUES (?, ?, ?, ?)",
                    [project] + row)
        }
    }

    /// Empties the index tables and fills them again from every stored state and history, inside the caller's
    /// transaction; returns how many projects it read. Timers marked provisional stay so (a migration marks old
    /// timers provisional so that the next start checks them against the calendar).
    @discardableResult
    func rebuildIndexes() throws(StoreError) -> Int {
        var provisional: [String: Set<Int>] = [:]
        for (project, timer) in try query("SELECT project_id, timer_id FROM timers WHERE provisional = 1",
                                          row: { ($0.text(0), $0.int(1)) }) {
            provisional[project, default: []].insert(timer)
        }
        try execute("""
            DELETE FROM open_tasks; DELETE FROM timers; DELETE FROM overdue; DELETE FROM activations;
            UPDATE counters SET value = 0;
            """)
        var count = 0
        var after = ""
        while true {
            let batch = try query("SELECT id, state FROM projects WHERE id > ? ORDER BY id LIMIT 500",
                                  [.text(after)]) { ($0.text(0), $0.text(1)) }
            guard let last = batch.last else { break }
            for (id, text) in batch {
                let state = try StoreCodec.record("the state of project \"\(id)\"") { () throws(RecordError) in
                    try InstanceState(recordText: text)
                }
                let rows = IndexRows(state: state, entries: try history(of: id))
                guard let start = rows.start else {
                    throw .failure("the history of project \"\(id)\" in \(path) does not begin with entry 1, so its "
                        + "starter is unknown; the database was changed by hand; restore a backup")
                }
                try run("UPDATE projects SET starter_id = ?, starter_department = ?, started_at = ? WHERE id = ?",
                        start + [.text(id)])
                try writeIndexes(rows, of: id, replacing: false, provisional: provisional[id] ?? [])
                count += 1
            }
            after = last.0
        }
        return count
    }
}
