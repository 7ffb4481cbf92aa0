import Dispatch
import FlowCore
import Foundation
import GovFlowTestSupport
@testable import SQLiteStore
import Synchronization
import Testing

/// With 10,000 projects stored, the inbox and the deadline window find their rows through indexes: SQLite's
/// `EXPLAIN QUERY PLAN` names the index and never scans the projects table (or any table).
@Suite struct StoreIndexPlanTests {
    static let projectCount = 10_000

    /// The history of one started project, as a template: each stored project is its replay under another id,
    /// started by one of 100 units (20 departments), its review transferred to one of 250 officers.
    static func templateHistory() throws -> [HistoryEntry] {
        let memory = InMemoryProjectStore()
        let service = try StoreFixtures.service(memory, clock: ManualClock(TestTime.morning("2024-09-27")))
        _ = try service.start(projectID: "template", workflow: "approval", variables: [:],
                              actor: StoreFixtures.applicant)
        return try memory.history(of: "template")
    }

    static func entries(_ template: [HistoryEntry], number: Int) throws -> [HistoryEntry] {
        let state = try InstanceState.replay(id: "template", history: template)
        let task = try #require(state.openTasks.first)
        let first = template[0]
        let starter = Actor(id: "unit-\(number % 100)", department: "dept-\(number % 20)", roles: ["project-unit"])
        let last = try #require(template.last)
        return [HistoryEntry(sequence: 1, at: first.at, actor: starter, event: first.event)] + template.dropFirst()
            + [HistoryEntry(sequence: last.sequence + 1, at: last.at, actor: StoreFixtures.reviewer,
                            event: .taskTransferred(task: task.id, from: task.assignee,
                                                    to: .actor("officer-\(number % 250)"), comment: nil))]
    }

    /// Stores `count` projects directly (no engine, no HTTP), 32 writers at a time so commits share transactions.
    static func fill(_ store: SQLiteProjectStore, count: Int) throws {
        let template = try templateHistory()
        try store.executeOnWriter("PRAGMA synchronous = OFF")
        let failures = Mutex<[String]>([])
        let lanes = 32
        let group = DispatchGroup()
        for lane in 0..<lanes {
            DispatchQueue.global().async(group: group) {
                for number in stride(from: lane, to: count, by: lanes) {
                    do {
                        let entries = try entries(template, number: number)
                        let state = try InstanceState.replay(id: "p\(number)", history: entries)
                        try store.insert(project: state, entries: entries)
                    } catch {
                        failures.withLock { $0.append("p\(number): \(error)") }
                    }
                }
            }
        }
        group.wait()
        let failed = failures.withLock { $0 }
        #expect(failed.isEmpty, "\(failed.prefix(3))")
    }

    @Test func inboxAndDeadlineWindowUseTheirIndexesAmongTenThousandProjects() throws {
        let store = try SQLiteProjectStore(path: try StoreFixtures.databasePath())
        defer { store.close() }
        try Self.fill(store, count: Self.projectCount)
        #expect(try store.statistics().projectsByStatus["running"] == Self.projectCount)

        let inbox = try store.openTasks(for: TaskFilter(assignees: [.actor("officer-7")], scope: .every))
        #expect(inbox.count == Self.projectCount / 250)
        #expect(inbox.allSatisfy { $0.task.assignee == .actor("officer-7") })
        let own = TaskFilter(assignees: [.actor("officer-7")], scope: .startedBy(actorID: "unit-7", department: nil))
        let owned = (0..<Self.projectCount).filter { $0 % 250 == 7 && $0 % 100 == 7 }.map { "p\($0)" }.sorted()
        #expect(owned.count == 20)
        #expect(try store.openTasks(for: own).map(\.projectID) == owned)
        let day = CivilDate(iso: "2024-10-02")!
        #expect(try store.deadlines(from: day, through: day, scope: .every).count == Self.projectCount)
        #expect(try store.deadlines(from: day.adding(days: 1), through: day.adding(days: 30), scope: .every).isEmpty)

        let inboxPlan = try store.queryPlan(SQLiteConnection.openTasksSQL(scoped: false),
                                            [.text("actor"), .text("officer-7")])
        #expect(inboxPlan == ["SEARCH t USING INDEX open_tasks_by_assignee (assignee_kind=? AND assignee_name=?)"])
        let scopedInboxPlan = try store.queryPlan(SQLiteConnection.openTasksSQL(scoped: true),
                                                  [.text("actor"), .text("officer-7"), .text("unit-7"), .null])
        #expect(scopedInboxPlan == [
            "SEARCH t USING INDEX open_tasks_by_assignee (assignee_kind=? AND assignee_name=?)",
            "SEARCH p USING INDEX sqlite_autoindex_projects_1 (id=?)",
        ])
        let window: [SQLiteValue] = [.integer(StoreCodec.milliseconds(day.endInChina)),
                                     .integer(StoreCodec.milliseconds(day.endInChina)), .text("running")]
        let windowPlan = try store.queryPlan(SQLiteConnection.deadlinesSQL(scoped: false), window)
        #expect(windowPlan == [
            "SEARCH t USING INDEX timers_by_fire_at (fire_at>? AND fire_at<?)",
            "SEARCH p USING INDEX sqlite_autoindex_projects_1 (id=?)",
        ])
        let scopedWindowPlan = try store.queryPlan(SQLiteConnection.deadlinesSQL(scoped: true),
                                                   window + [.text("unit-7"), .text("dept-7")])
        #expect(scopedWindowPlan == windowPlan)
        // The overdue list shows every record, so it reads the whole overdue index in order (never the projects).
        #expect(try store.queryPlan(SQLiteConnection.overdueSQL(scoped: false), [])
                    == ["SCAN o USING INDEX overdue_by_due"])
        #expect(try store.queryPlan(SQLiteConnection.overdueSQL(scoped: true), [.text("unit-7"), .text("dept-7")])
                    == ["SCAN o USING INDEX overdue_by_due", "SEARCH p USING INDEX sqlite_autoindex_projects_1 (id=?)"])
        #expect(try store.starter(of: "p7")?.starterID == "unit-7")
        #expect(try store.queryPlan("SELECT starter_id, starter_department, started_at, definition_id, "
            + "definition_version FROM projects WHERE id = ?", [.text("p7")])
                    == ["SEARCH projects USING INDEX sqlite_autoindex_projects_1 (id=?)"])
        for line in inboxPlan + scopedInboxPlan + windowPlan + scopedWindowPlan {
            #expect(line.contains("USING INDEX") || line.contains("USING COVERING INDEX"), "\(line)")
            #expect(!line.hasPrefix("SCAN"), "\(line)")
        }
    }
}
