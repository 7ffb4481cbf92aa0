import FlowCore
import Foundation

/// The reads answered from the index tables: each finds its rows through an index, never by reading every project.
extension SQLiteConnection {
    /// The SQL of the inbox query for one assignee, with the starter condition when `scoped`.
    static func openTasksSQL(scoped: Bool, everyone: Bool = false) -> String {
        let columns = """
            SELECT t.project_id, t.task_id, t.assignee_kind, t.assignee_name, t.due, t.due_provisional,
                t.definition_id, t.definition_version, t.activation_id, t.node, t.key, t.title, t.outcomes,
                t.opened_at, t.delegated_by_kind, t.delegated_by_name, t.consultation_of, t.blocking, t.example_data
            """
        if everyone {
            return columns + "\nFROM open_tasks t" + (scoped ? " CROSS JOIN projects p ON p.id = t.project_id WHERE "
                + "(p.starter_id = ? OR p.starter_department = ?)" : "")
        }
        guard scoped else { return columns + "\nFROM open_tasks t WHERE t.assignee_kind = ? AND t.assignee_name = ?" }
        // CROSS JOIN keeps open_tasks the outer loop: the assignee index finds the tasks, and each task's project
        // is looked up by its primary key.
        return columns + """

            FROM open_tasks t CROSS JOIN projects p ON p.id = t.project_id
            WHERE t.assignee_kind = ? AND t.assignee_name = ? AND (p.starter_id = ? OR p.starter_department = ?)
            """
    }

    /// The SQL of the deadline window, with the starter condition when `scoped`.
    static func deadlinesSQL(scoped: Bool) -> String {
        """
        SELECT t.project_id, t.timer_id, t.purpose, t.target, t.node, t.due, t.due_provisional, t.suspended_by
        FROM timers t CROSS JOIN projects p ON p.id = t.project_id
        WHERE t.fire_at >= ? AND t.fire_at <= ? AND p.status = ?\(scoped ? scopeCondition : "")
        ORDER BY t.fire_at, t.project_id, t.timer_id
        """
    }

    /// The SQL of the overdue list, with the starter condition when `scoped`.
    static func overdueSQL(scoped: Bool) -> String {
        let source = scoped ? """
            overdue o CROSS JOIN projects p ON p.id = o.project_id
            WHERE (p.starter_id = ? OR p.starter_department = ?)
            """ : "overdue o"
        return """
            SELECT o.project_id, o.position, o.activation_id, o.node, o.deadline, o.due, o.provisional,
                o.interrupting, o.recorded_at
            FROM \(source)
            ORDER BY o.due, o.project_id, o.activation_id, o.position
            """
    }

    private static let scopeCondition = " AND (p.starter_id = ? OR p.starter_department = ?)"

    /// The values that bind the starter condition of `scope` (none for `.every`).
    static func scopeValues(_ scope: ProjectScope) -> [SQLiteValue] {
        guard case .startedBy(let actorID, let department) = scope else { return [] }
        return [.text(actorID), department.map(SQLiteValue.text) ?? .null]
    }

    func starter(of id: String) throws(StoreError) -> ProjectStart? {
        let rows = try query("""
            SELECT starter_id, starter_department, started_at, definition_id, definition_version
            FROM projects WHERE id = ?
            """, [.text(id)]) { row in
            row.isNull(0) ? nil : ProjectStart(
                projectID: id, starterID: row.text(0), starterDepartment: row.isNull(1) ? nil : row.text(1),
                startedAt: StoreCodec.date(row.double(2)), definitionID: row.text(3), definitionVersion: row.int(4))
        }
        guard let found = rows.first else { return nil }
        guard let start = found else {
            throw .failure("project \"\(id)\" in \(path) has no starter recorded; the index tables are incomplete: "
                + "run `govflow rebuild-indexes --db \(path)` with the runner stopped")
        }
        return start
    }

    func openTasks(for filter: TaskFilter) throws(StoreError) -> [OpenTaskRecord] {
        let scope = Self.scopeValues(filter.scope)
        let sql = Self.openTasksSQL(scoped: !scope.isEmpty)
        var records: [OpenTaskRecord] = []
        if filter.everyone {
            return try query(Self.openTasksSQL(scoped: !scope.isEmpty, everyone: true), scope, row: openTask)
                .sorted(by: OpenTaskRecord.inboxOrder)
        }
        try readSnapshot { () throws(StoreError) in
            for assignee in Set(filter.assignees) {
                let columns = IndexRows.columns(assignee)
                records += try query(sql, [.text(columns.kind), .text(columns.name)] + scope, row: openTask)
            }
        }
        return records.sorted(by: OpenTaskRecord.inboxOrder)
    }

    func deadlines(from: CivilDate, through: CivilDate, scope: ProjectScope) throws(StoreError) -> [DeadlineRecord] {
        let values: [SQLiteValue] = [.integer(StoreCodec.milliseconds(from.endInChina)),
                                     .integer(StoreCodec.milliseconds(through.endInChina)),
                                     .text(StoreCodec.status(.running))]
        let scoped = Self.scopeValues(scope)
        return try query(Self.deadlinesSQL(scoped: !scoped.isEmpty), values + scoped) {
            (row) throws(StoreError) -> DeadlineRecord in
            let project = row.text(0)
            let what = "timer \(row.int(1)) of project \"\(project)\""
            guard let purpose = PendingTimer.Purpose(name: row.text(2), target: row.isNull(3) ? nil : row.text(3))
            else { throw unreadable(what, "purpose \"\(row.text(2))\"") }
            return DeadlineRecord(projectID: project, timerID: row.int(1), purpose: purpose, nodeID: row.text(4),
                                  due: DueDate(date: try civilDate(row.text(5), what), provisional: row.int(6) != 0),
                                  suspendedBy: row.isNull(7) ? nil : row.int(7))
        }
    }

    func overdueRecords(scope: ProjectScope) throws(StoreError) -> [ProjectOverdueRecord] {
        let scoped = Self.scopeValues(scope)
        return try query(Self.overdueSQL(scoped: !scoped.isEmpty), scoped) {
            (row) throws(StoreError) -> ProjectOverdueRecord in
            let project = row.text(0)
            let what = "overdue record \(row.int(1)) of project \"\(project)\""
            let due = DueDate(date: try civilDate(row.text(5), what), provisional: row.int(6) != 0)
            return ProjectOverdueRecord(projectID: project, position: row.int(1), record: OverdueRecord(
                activation: row.int(2), node: row.text(3), deadline: row.text(4), due: due,
                interrupting: row.int(7) != 0, recordedAt: StoreCodec.date(row.double(8))))
        }
    }

    func statistics() throws(StoreError) -> StoreStatistics {
        var statistics = StoreStatistics()
        try readSnapshot { () throws(StoreError) in
            for (status, count) in try query("SELECT status, count(*) FROM projects GROUP BY status",
                                             row: { ($0.text(0), $0.int(1)) }) {
                let name = status.hasPrefix("ended:") ? "ended" : status
                statistics.projectsByStatus[name, default: 0] += count
            }
            for (workflow, node, count) in try query(
                "SELECT definition_id, node, count(*) FROM activations GROUP BY definition_id, node",
                row: { ($0.text(0), $0.text(1), $0.int(2)) }) {
                statistics.activationsByNode[workflow, default: [:]][node] = count
            }
            for (purpose, count) in try query("SELECT purpose, count(*) FROM timers GROUP BY purpose",
                                              row: { ($0.text(0), $0.int(1)) }) {
                statistics.timersByPurpose[purpose, default: 0] += count
            }
            statistics.timersFired = try integer("SELECT value FROM counters WHERE name = 'timers_fired'") ?? 0
            statistics.timersFiredLate = try integer("SELECT value FROM counters WHERE name = 'timers_fired_late'")
                ?? 0
            statistics.overdueRecords = try integer("SELECT count(*) FROM overdue") ?? 0
            statistics.openTasks = try integer("SELECT count(*) FROM open_tasks") ?? 0
        }
        return statistics
    }

    /// Runs several reads on one snapshot of the database.
    private func readSnapshot(_ body: () throws(StoreError) -> Void) throws(StoreError) {
        try execute("BEGIN")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
    }

    private func openTask(_ row: SQLiteStatement) throws(StoreError) -> OpenTaskRecord {
        let project = row.text(0)
        let what = "open task \(row.int(1)) of project \"\(project)\""
        guard let assignee = IndexRows.assignee(kind: row.text(2), name: row.text(3)) else {
            throw unreadable(what, "assignee kind \"\(row.text(2))\"")
        }
        var delegatedBy: Assignee?
        if !row.isNull(14) {
            guard let delegate = IndexRows.assignee(kind: row.text(14), name: row.text(15)) else {
                throw unreadable(what, "delegated_by_kind \"\(row.text(14))\"")
            }
            delegatedBy = delegate
        }
        let outcomes = try jsonValue(row.text(12), what).arrayValue?.compactMap(\.stringValue) ?? []
        let due = row.isNull(4) ? nil : DueDate(date: try civilDate(row.text(4), what), provisional: row.int(5) != 0)
        let task = HumanTask(
            id: row.int(1), activationID: row.int(8), nodeID: row.text(9), key: row.text(10), title: row.text(11),
            assignee: assignee, outcomes: outcomes, openedAt: StoreCodec.date(row.double(13)), due: due,
            status: .open, delegatedBy: delegatedBy, consultationOf: row.isNull(16) ? nil : row.int(16),
            blocking: row.int(17) != 0, exampleData: try jsonValue(row.text(18), what))
        return OpenTaskRecord(projectID: project, definitionID: row.text(6), definitionVersion: row.int(7),
                              task: task)
    }

    private func civilDate(_ text: String, _ what: String) throws(StoreError) -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw unreadable(what, "date \"\(text)\"") }
        return date
    }

    private func jsonValue(_ text: String, _ what: String) throws(StoreError) -> JSONValue {
        do {
            return try JSONParser.parse(text).value
        } catch {
            throw unreadable(what, "JSON (\(error))")
        }
    }

    private func unreadable(_ what: String, _ found: String) -> StoreError {
        .failure("cannot read \(what) in the index tables of \(path): unexpected \(found); the database was changed "
            + "by hand; rebuild them with `govflow rebuild-indexes --db \(path)` (the runner stopped) or restore a "
            + "backup")
    }
}
